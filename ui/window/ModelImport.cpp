// Dropped files and import summaries behind ModelImport.h.
#include "window/ModelImport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace neurite::ui {

const char* const kOnnxFilter = QT_TRANSLATE_NOOP("MainWindow", "ONNX models (*.onnx);;All files (*)");

QString openableDroppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (url.isLocalFile() && (suffix == "onnx" || suffix == "neurite" || suffix == "json"))
            return url.toLocalFile();
    }
    return {};
}

QString importSummary(const QString& fileName, int layers, const std::vector<std::string>& notes)
{
    QString text = QCoreApplication::translate("MainWindow", "Imported %1: %n layers.", nullptr, layers).arg(fileName);
    for (const std::string& note : notes)
        text += " " + QString::fromStdString(note);
    return text;
}

} // namespace neurite::ui
