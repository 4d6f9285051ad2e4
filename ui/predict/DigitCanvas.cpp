// DigitCanvas: mouse and tablet drawing into a fixed-resolution grey image, with undo and image drops.
#include "predict/DigitCanvas.h"

#include "predict/DroppedImage.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>

#include <cstring>

namespace neurite::ui {

DigitCanvas::DigitCanvas(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Draw a digit with the mouse or a pen, or drop an image file here"));
    m_pendingChange.setSingleShot(true);
    connect(&m_pendingChange, &QTimer::timeout, this, [this] {
        if (m_current) {
            m_sinceChanged.start();
            Q_EMIT strokeChanged();
        }
    });
    rebuild();
}

neurite::GreyImage DigitCanvas::image() const
{
    neurite::GreyImage grey{kImageSize, kImageSize, std::vector<std::uint8_t>(std::size_t(kImageSize) * kImageSize)};
    for (int y = 0; y < kImageSize; ++y)
        std::memcpy(grey.pixels.data() + std::size_t(y) * kImageSize, m_image.constScanLine(y), kImageSize);
    return grey;
}

void DigitCanvas::setPenWidth(int width)
{
    width = std::clamp(width, kMinPenWidth, kMaxPenWidth);
    if (width == m_penWidth)
        return;
    m_penWidth = width;
    Q_EMIT penWidthChanged(width);
}

void DigitCanvas::addStroke(const QList<QPointF>& points)
{
    if (points.isEmpty())
        return;
    beginStroke(points.front());
    for (qsizetype i = 1; i < points.size(); ++i)
        extendStroke(points[i]);
    endStroke();
}

void DigitCanvas::setImage(const neurite::GreyImage& image)
{
    m_strokes.clear();
    m_current.reset();
    m_background = QImage(kImageSize, kImageSize, QImage::Format_Grayscale8);
    m_background.fill(0);
    if (image.width > 0 && image.height > 0) {
        QImage source(image.pixels.data(), image.width, image.height, image.width, QImage::Format_Grayscale8);
        // A canvas-sized image is copied as it is, so that it predicts exactly as the same file does.
        const QImage scaled = source.size() == m_background.size()
                                  ? source.copy()
                                  : source.scaled(kImageSize, kImageSize, Qt::KeepAspectRatio,
                                                  Qt::SmoothTransformation);
        QPainter painter(&m_background);
        painter.drawImage(QPoint((kImageSize - scaled.width()) / 2, (kImageSize - scaled.height()) / 2), scaled);
    }
    rebuild();
    Q_EMIT drawingReplaced();
}

void DigitCanvas::setOverlay(const QImage& overlay, const QTransform& toImage)
{
    m_overlay = overlay;
    m_overlayToImage = toImage;
    update();
}

QRectF DigitCanvas::imageRect() const
{
    const double side = std::min(width(), height());
    return QRectF((width() - side) / 2, (height() - side) / 2, side, side);
}

QPointF DigitCanvas::toImage(const QPointF& widgetPos) const
{
    const QRectF r = imageRect();
    return (widgetPos - r.topLeft()) * (kImageSize / r.width());
}

void DigitCanvas::clear()
{
    if (isEmpty())
        return;
    m_strokes.clear();
    m_current.reset();
    m_background = QImage();
    rebuild();
    Q_EMIT drawingReplaced();
}

void DigitCanvas::undo()
{
    if (!m_strokes.isEmpty())
        m_strokes.removeLast();
    else if (!m_background.isNull())
        m_background = QImage();
    else
        return;
    rebuild();
    Q_EMIT drawingReplaced();
}

void DigitCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRectF r = imageRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(r, m_image);
    if (!m_overlay.isNull()) {
        const double toWidget = r.width() / kImageSize;
        painter.save();
        painter.setClipRect(r);
        painter.setTransform(m_overlayToImage * QTransform::fromScale(toWidget, toWidget) *
                             QTransform::fromTranslate(r.left(), r.top()));
        painter.drawImage(QPointF(0, 0), m_overlay);
        painter.restore();
    }
    if (isEmpty()) {
        painter.setPen(QColor(150, 150, 150));
        painter.drawText(r, Qt::AlignCenter, tr("Draw a digit here"));
    }
    painter.setPen(QPen(palette().mid().color(), 1));
    painter.drawRect(r.adjusted(0, 0, -1, -1));
}

void DigitCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    beginStroke(toImage(event->position()));
}

void DigitCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_current && (event->buttons() & Qt::LeftButton))
        extendStroke(toImage(event->position()));
}

void DigitCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_current)
        endStroke();
}

// Pen input arrives here first; accepting it stops Qt from also synthesising mouse events.
void DigitCanvas::tabletEvent(QTabletEvent* event)
{
    const QPointF pos = toImage(event->position());
    switch (event->type()) {
    case QEvent::TabletPress: beginStroke(pos); break;
    case QEvent::TabletMove:
        if (m_current)
            extendStroke(pos);
        break;
    case QEvent::TabletRelease:
        if (m_current)
            endStroke();
        break;
    default: return QWidget::tabletEvent(event);
    }
    event->accept();
}

void DigitCanvas::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedImagePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void DigitCanvas::dropEvent(QDropEvent* event)
{
    const QString path = droppedImagePath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT fileDropped(path);
}

void DigitCanvas::beginStroke(const QPointF& imagePos)
{
    m_current = Stroke{{imagePos}, m_penWidth};
    renderCurrent();
    emitChangedThrottled();
}

void DigitCanvas::extendStroke(const QPointF& imagePos)
{
    if (m_current->points.back() == imagePos)
        return;
    m_current->points.append(imagePos);
    renderCurrent();
    emitChangedThrottled();
}

void DigitCanvas::endStroke()
{
    m_pendingChange.stop();
    m_strokes.append(*m_current);
    m_current.reset();
    m_committed = m_image; // the finished stroke is already painted
    update();
    Q_EMIT strokeFinished();
}

// At most one strokeChanged per interval; the last change of a burst is delivered by the timer.
void DigitCanvas::emitChangedThrottled()
{
    if (!m_sinceChanged.isValid() || m_sinceChanged.elapsed() >= kChangeIntervalMs) {
        m_pendingChange.stop();
        m_sinceChanged.start();
        Q_EMIT strokeChanged();
    } else if (!m_pendingChange.isActive()) {
        m_pendingChange.start(int(kChangeIntervalMs - m_sinceChanged.elapsed()));
    }
}

void DigitCanvas::rebuild()
{
    if (m_background.isNull()) {
        m_committed = QImage(kImageSize, kImageSize, QImage::Format_Grayscale8);
        m_committed.fill(0);
    } else {
        m_committed = m_background.copy();
    }
    for (const Stroke& stroke : m_strokes)
        paintStroke(m_committed, stroke);
    m_image = m_committed;
    update();
}

// The stroke being drawn is repainted whole on a copy, so a drawing looks the same however it was made.
void DigitCanvas::renderCurrent()
{
    m_image = m_committed.copy();
    paintStroke(m_image, *m_current);
    update();
}

void DigitCanvas::paintStroke(QImage& target, const Stroke& stroke)
{
    QPainter painter(&target);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, stroke.width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (stroke.points.size() == 1) {
        painter.drawPoint(stroke.points.front());
        return;
    }
    QPainterPath path(stroke.points.front());
    for (qsizetype i = 1; i < stroke.points.size(); ++i)
        path.lineTo(stroke.points[i]);
    painter.drawPath(path);
}

} // namespace neurite::ui
