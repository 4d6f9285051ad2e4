// A node's input or output port: the round handle wires start from and end on.
#include "editor/PortItem.h"

#include "editor/GraphScene.h"
#include "editor/NodeItem.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace neurite::ui {

PortItem::PortItem(NodeItem* node, Kind kind, int index)
    : QGraphicsItem(node), m_node(node), m_kind(kind), m_index(index)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(2);
    setToolTip(kind == Kind::Output ? QObject::tr("Output: drag to an input port to wire")
                                    : QObject::tr("Input %1: drag from an output port to here").arg(index + 1));
}

QString PortItem::nodeId() const
{
    return m_node->nodeId();
}

void PortItem::setHighlight(Highlight highlight)
{
    if (highlight != m_highlight) {
        m_highlight = highlight;
        update();
    }
}

void PortItem::setConnected(bool connected)
{
    if (connected != m_connected) {
        m_connected = connected;
        update();
    }
}

QRectF PortItem::boundingRect() const
{
    const double r = kRadius + 5; // room for the highlight ring
    return QRectF(-r, -r, 2 * r, 2 * r);
}

QPainterPath PortItem::shape() const
{
    QPainterPath path;
    const double r = kRadius + 4; // a forgiving grab area
    path.addEllipse(QPointF(0, 0), r, r);
    return path;
}

void PortItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QColor ring(0x5f, 0x6b, 0x7a);
    if (m_highlight == Highlight::Compatible)
        ring = QColor(0x1e, 0xa4, 0x4f);
    else if (m_highlight == Highlight::Mismatched)
        ring = QColor(0xe3, 0x8b, 0x12);
    if (m_highlight != Highlight::None) {
        QColor glow = ring;
        glow.setAlpha(70);
        painter->setPen(Qt::NoPen);
        painter->setBrush(glow);
        painter->drawEllipse(QPointF(0, 0), kRadius + 5, kRadius + 5);
    }
    const double r = m_hovered ? kRadius + 1.5 : kRadius;
    painter->setPen(QPen(ring, 2));
    painter->setBrush(m_connected || m_hovered ? ring : QColor(Qt::white));
    painter->drawEllipse(QPointF(0, 0), r, r);
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    update();
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    update();
}

// The press grabs the mouse, so the whole drag arrives here; the scene does the wiring.
void PortItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    auto* graph = qobject_cast<GraphScene*>(scene());
    if (event->button() != Qt::LeftButton || !graph) {
        event->ignore();
        return;
    }
    graph->beginWireDrag(this, event->scenePos());
    event->accept();
}

void PortItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (auto* graph = qobject_cast<GraphScene*>(scene()))
        graph->moveWireDrag(event->scenePos());
}

void PortItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (auto* graph = qobject_cast<GraphScene*>(scene()))
        graph->endWireDrag(event->scenePos());
}

} // namespace neurite::ui
