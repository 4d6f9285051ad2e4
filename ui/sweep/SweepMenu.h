// Train › New Sweep… in the main window's menu bar, opening the one sweep window of that window.
#pragma once

class QMainWindow;
class QMenu;

namespace neurite::ui {

class ProjectDocument;
class SweepWindow;
class TrainingController;

// The window's Train menu (objectName "trainMenu"), made before Help when no part of the window has made it.
QMenu* trainMenu(QMainWindow& window);

// Adds New Sweep… to the Train menu; it shows the sweep window (made here, hidden until asked for; it keeps
// sweeping when closed). `loader` loads the data sets the sweeps train on (the Train tab's controller).
SweepWindow* installSweepMenu(QMainWindow& window, ProjectDocument* document, TrainingController* loader);

} // namespace neurite::ui
