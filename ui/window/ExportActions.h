// File > Export: one action per format, each asking where to write with a file dialog.
#pragma once

#include <QString>

class QMenu;
class QWidget;

namespace neurite::ui {

class ProjectDocument;

enum class ExportKind { Onnx, Torch, CppHeader, DiagramSvg, DiagramPng, HistoryCsv };

// Adds "ONNX Model…", "PyTorch Folder…", "C++ Header…", "Diagram (SVG)…", "Diagram (PNG)…" and
// "Training History (CSV)…" to `menu`. Errors (an unsupported layer, an invalid design, a disk error)
// are shown in a message box naming the layer or file; nothing half-written is left.
void installExportActions(QMenu* menu, ProjectDocument* document, QWidget* parent);

// Runs one export of `document` to `path` without dialogs; throws NeuriteError naming the layer or file.
void exportDocument(const ProjectDocument& document, ExportKind kind, const QString& path);

} // namespace neurite::ui
