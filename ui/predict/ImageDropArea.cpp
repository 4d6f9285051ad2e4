// ImageDropArea: the picture scaled to fit (aspect ratio kept) in a frame, and drops.
#include "predict/ImageDropArea.h"

#include "predict/DroppedImage.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>

namespace neurite::ui {

ImageDropArea::ImageDropArea(QWidget* parent) : QFrame(parent)
{
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Open an image, drop an image file here, or paste one (Ctrl+V)"));
}

void ImageDropArea::setImage(const QImage& image)
{
    m_image = image;
    update();
}

void ImageDropArea::clear()
{
    m_image = QImage();
    m_overlay = QImage();
    update();
}

void ImageDropArea::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedImagePath(event->mimeData()).isEmpty() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ImageDropArea::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    const QString path = droppedImagePath(mime);
    if (!path.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT fileDropped(path);
    } else if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (image.isNull())
            return;
        event->acceptProposedAction();
        Q_EMIT imageDropped(image);
    }
}

void ImageDropArea::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    const QRect inside = contentsRect().adjusted(4, 4, -4, -4);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(inside, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Open an image, drop one here,\nor paste one (Ctrl+V)"));
        return;
    }
    const QSize size = m_image.size().scaled(inside.size(), Qt::KeepAspectRatio);
    const QRect target(inside.center() - QPoint(size.width() / 2, size.height() / 2), size);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_image);
    if (!m_overlay.isNull())
        painter.drawImage(target, m_overlay);
}

void ImageDropArea::setOverlay(const QImage& overlay)
{
    m_overlay = overlay;
    update();
}

} // namespace neurite::ui
