// The Help menu: About (version and licences), Keyboard Shortcuts and the User Guide (the README).
#pragma once

#include <QString>

class QMainWindow;
class QMenu;

namespace neurite::ui {

// Adds Help to the window's menu bar. Dialogs open without blocking (objectNames "aboutDialog",
// "shortcutsDialog", "userGuide") and each is built when asked for, from what the window has then.
QMenu* installHelpMenu(QMainWindow* window);

// The About text: Neurite's version (the engine's) and the licences of what it is built on, as HTML.
QString aboutText();
// The README shipped in the resources, as Markdown; empty if it is missing from the build.
QString userGuideMarkdown();

} // namespace neurite::ui
