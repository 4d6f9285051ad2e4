// The canvas's viewport: wheel zoom around the cursor, panning, fit-to-view, and drops from the palette.
#include "editor/GraphView.h"

#include "editor/GraphModel.h"
#include "editor/GraphScene.h"
#include "document/ProjectDocument.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace neurite::ui {

namespace {
constexpr double kMinZoom = 0.2;
constexpr double kMaxZoom = 3.0;
} // namespace

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(FullViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
}

QString GraphView::layerMimeType()
{
    return QStringLiteral("application/x-neurite-layer-type");
}

void GraphView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
}

void GraphView::resetZoom()
{
    setTransform(QTransform());
}

void GraphView::fitToContents()
{
    if (!isVisible()) {
        m_fitPending = true;
        return;
    }
    QRectF bounds = m_scene->itemsBoundingRect();
    if (bounds.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-60, -60, 60, 60);
    fitInView(bounds, Qt::KeepAspectRatio);
    // Never blow a small design up past 100%: text would look oversized.
    if (zoom() > 1.0)
        resetZoom();
    centerOn(bounds.center());
}

void GraphView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    if (m_fitPending) {
        m_fitPending = false;
        // After the first layout pass, when the viewport has its real size.
        QMetaObject::invokeMethod(this, &GraphView::fitToContents, Qt::QueuedConnection);
    }
}

QPointF GraphView::visibleCenter() const
{
    return mapToScene(viewport()->rect().center());
}

void GraphView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.15, steps));
    event->accept();
}

// Middle button, or Space + left button, pans; plain left-drag on the background draws a rubber band.
void GraphView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panStart;
        m_panStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(layerMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void GraphView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(layerMimeType()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void GraphView::dropEvent(QDropEvent* event)
{
    if (!event->mimeData()->hasFormat(layerMimeType())) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QString type = QString::fromUtf8(event->mimeData()->data(layerMimeType()));
    m_scene->addNode(type, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

// An empty canvas says how to begin instead of showing a blank grid.
void GraphView::drawForeground(QPainter* painter, const QRectF&)
{
    if (!m_scene->document()->model()->isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(QColor(0x70, 0x7b, 0x8a));
    QFont font = painter->font();
    font.setPointSizeF(11);
    painter->setFont(font);
    painter->drawText(viewport()->rect(), Qt::AlignCenter,
                      tr("Drag layers here from the palette, or right-click to add one.\n"
                         "Wire an output port (right) to an input port (left)."));
    painter->restore();
}

} // namespace neurite::ui
