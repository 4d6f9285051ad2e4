// What a drag-and-drop carries that the Predict tab can read: one local image file.
#include "predict/DroppedImage.h"

#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>

namespace neurite::ui {

QString droppedImagePath(const QMimeData* mime)
{
    if (!mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().front().isLocalFile())
        return {};
    const QString path = mime->urls().front().toLocalFile();
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toUtf8();
    return QImageReader::supportedImageFormats().contains(suffix) ? path : QString();
}

} // namespace neurite::ui
