// The export actions: a save dialog per format, then the engine's exporter or the diagram writer.
#include "window/ExportActions.h"

#include "NetworkDiagram.h"
#include "document/ProjectDocument.h"
#include "document/SessionSettings.h"
#include "window/UserErrors.h"

#include <neurite/ModelExport.h>

#include <QAction>
#include <QFileDialog>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace neurite::ui {
namespace {

struct ExportChoice {
    ExportKind kind;
    const char* label;
    const char* filter;
    const char* suffix;
};

const ExportChoice kChoices[] = {
    {ExportKind::Onnx, QT_TRANSLATE_NOOP("ExportActions", "ONNX Model…"), "ONNX models (*.onnx)", ".onnx"},
    {ExportKind::Torch, QT_TRANSLATE_NOOP("ExportActions", "PyTorch Folder…"), "Folders (*)", ""},
    {ExportKind::CppHeader, QT_TRANSLATE_NOOP("ExportActions", "C++ Header…"), "C++ headers (*.h *.hpp)", ".h"},
    {ExportKind::DiagramSvg, QT_TRANSLATE_NOOP("ExportActions", "Diagram (SVG)…"), "SVG pictures (*.svg)", ".svg"},
    {ExportKind::DiagramPng, QT_TRANSLATE_NOOP("ExportActions", "Diagram (PNG)…"), "PNG pictures (*.png)", ".png"},
    {ExportKind::HistoryCsv, QT_TRANSLATE_NOOP("ExportActions", "Training History (CSV)…"), "CSV files (*.csv)",
     ".csv"},
};

// The trained weights, or the initial ones of the design (as `neurite export` does).
Weights weightsOf(const ProjectDocument& document)
{
    return networkFromProject(document.toProject()).weights();
}

// The dialog starts in the folder of the last export (this session or an earlier one), as Save does for
// projects; a finished export is confirmed in the status bar, as Save is.
void runExport(const ProjectDocument& document, const ExportChoice& choice, QWidget* parent)
{
    const QString base = document.path().isEmpty() ? QStringLiteral("network")
                                                   : QFileInfo(document.path()).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(parent,
                                                      QObject::tr("Export %1").arg(QString(choice.label).remove("…")),
                                                      inLastFolder(FolderKind::Export, base + choice.suffix),
                                                      QString::fromLatin1(choice.filter));
    if (path.isEmpty())
        return;
    rememberFolder(FolderKind::Export, path);
    if (!runReportingErrors(parent, QObject::tr("Export failed"), [&] { exportDocument(document, choice.kind, path); }))
        return;
    if (auto* window = qobject_cast<QMainWindow*>(parent))
        window->statusBar()->showMessage(QObject::tr("Exported %1").arg(QFileInfo(path).fileName()), 4000);
}

} // namespace

void exportDocument(const ProjectDocument& document, ExportKind kind, const QString& path)
{
    const std::string out = QFile::encodeName(path).toStdString();
    const NetworkSpec spec = document.spec();
    // The preprocessing the weights were trained with, carried into the export (none before training).
    const DataSchema* schema = document.trainedWeights() && document.dataSchema() ? &*document.dataSchema() : nullptr;
    switch (kind) {
    case ExportKind::Onnx: exportOnnx(spec, weightsOf(document), out, schema); break;
    case ExportKind::Torch: exportTorch(spec, weightsOf(document), document.settings(), out, schema); break;
    case ExportKind::CppHeader: exportCppHeader(spec, weightsOf(document), out, schema); break;
    case ExportKind::DiagramSvg: render::NetworkDiagram(spec).writeSvg(path); break;
    case ExportKind::DiagramPng: render::NetworkDiagram(spec).writePng(path); break;
    case ExportKind::HistoryCsv: exportHistoryCsv(document.history(), out); break;
    }
}

void installExportActions(QMenu* menu, ProjectDocument* document, QWidget* parent)
{
    for (const ExportChoice& choice : kChoices) {
        QAction* action = menu->addAction(QObject::tr(choice.label));
        QObject::connect(action, &QAction::triggered, parent,
                         [document, &choice, parent] { runExport(*document, choice, parent); });
    }
}

} // namespace neurite::ui
