// The canvas's viewport: wheel zoom around the cursor, panning, fit-to-view, and drops from the palette.
#include "editor/GraphView.h"

#include "editor/ConnectionItem.h"
#include "editor/GraphModel.h"
#include "editor/GraphScene.h"
#include "editor/NodeItem.h"
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
constexpr double kFitMargin = 40; // scene pixels left free around the design when fitting
} // namespace

double GraphView::readableZoom()
{
    return kReadableTextPixels / NodeItem::kBodyPixels;
}

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    // Everything is drawn as vectors at the screen's device pixel ratio: no item or background caching,
    // which would draw at one scale and blur when the zoom or the screen differs.
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setCacheMode(CacheNone);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(FullViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    // Scroll bars that came and went with the scene's size would change the viewport's size, and so move
    // the canvas under the mouse as nodes are added (GraphScene::fitSceneRectToItems).
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    // actionTriggered comes from the user only, never from the view scrolling itself.
    for (QScrollBar* bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::actionTriggered, this, [this] { m_fitted = false; });
}

QString GraphView::layerMimeType()
{
    return QStringLiteral("application/x-neurite-layer-type");
}

void GraphView::zoomBy(double factor)
{
    m_fitted = false;
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    m_scene->fitSceneRectToItems(); // zoomed out, the canvas reaches the edges; edits will not move it
}

void GraphView::resetZoom()
{
    m_fitted = false;
    setTransform(QTransform());
    m_scene->fitSceneRectToItems();
}

// Shows the whole design when it fits at a readable size; a larger one is shown at the smallest readable
// zoom from its input side (designs read left to right), and the scroll bars reach the rest.
void GraphView::fitToContents()
{
    if (!isVisible()) {
        m_fitPending = true;
        return;
    }
    if (m_placeWhileFitted)
        m_scene->placeForView(roomAtReadableZoom());
    m_scene->fitSceneRectToItems(false); // what was visible before the fit does not count
    QRectF bounds;
    for (QGraphicsItem* item : m_scene->items())
        if (item->type() == NodeItem::Type || item->type() == ConnectionItem::Type)
            bounds |= item->sceneBoundingRect();
    if (bounds.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-kFitMargin, -kFitMargin, kFitMargin, kFitMargin);
    const QSizeF room = viewport()->size();
    // Never blow a small design up past 100% (text would look oversized), nor shrink text below readable.
    const double fit = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    const double target = std::clamp(fit, readableZoom(), 1.0);
    setTransform(QTransform::fromScale(target, target));
    const QSizeF visible = room / target;
    const double x = bounds.width() <= visible.width() ? bounds.center().x() : bounds.left() + visible.width() / 2;
    const double y = bounds.height() <= visible.height() ? bounds.center().y() : bounds.top() + visible.height() / 2;
    centerOn(x, y);
    m_scene->fitSceneRectToItems(); // from here on, edits do not move the canvas
    m_fitted = true;
}

QSizeF GraphView::roomAtReadableZoom() const
{
    const QSizeF room = QSizeF(viewport()->size()) / readableZoom();
    return {std::max(0.0, room.width() - 2 * kFitMargin), std::max(0.0, room.height() - 2 * kFitMargin)};
}

// A window shown, then resized or maximised, keeps its design fitted until the user zooms or scrolls.
void GraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted && isVisible())
        fitToContents();
    else
        m_scene->fitSceneRectToItems();
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
        m_fitted = false;
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
