// A wire on the canvas: a curve from an output port to an input port, red when the layer it feeds has an
// error.
#include "editor/ConnectionItem.h"

#include "editor/AutoLayout.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

ConnectionItem::ConnectionItem(const ConnectionId& connection) : m_connection(connection)
{
    setZValue(0);
    if (!connection.from.isEmpty()) {
        setFlag(ItemIsSelectable);
        setToolTip(QObject::tr("%1 → %2").arg(connection.from, connection.to));
    }
    updatePen();
}

void ConnectionItem::setEnds(QPointF from, QPointF to)
{
    QPainterPath path(from);
    // A cubic curve reaches 3/4 of its control points' offset: the turns reach kLayoutWireSwing.
    const double pull = kLayoutWireSwing / 0.75;
    const double midY = 0.5 * (from.y() + to.y());
    if (to.x() < from.x() && std::abs(to.y() - from.y()) > 2 * pull) {
        // Back to the left and down (or up), as from the end of one band of a wrapped layout to the start of
        // the next: out of the port, round into the space between, along it, and round into the input,
        // instead of a wide S across the nodes of both bands.
        path.cubicTo(from + QPointF(pull, 0), QPointF(from.x() + pull, midY), QPointF(from.x(), midY));
        path.lineTo(to.x(), midY);
        path.cubicTo(QPointF(to.x() - pull, midY), to - QPointF(pull, 0), to);
    } else {
        // Horizontal tangents at both ends read as "left to right" even when the wire turns back.
        const double reach = std::max(40.0, std::abs(to.x() - from.x()) * 0.5);
        path.cubicTo(from + QPointF(reach, 0), to - QPointF(reach, 0), to);
    }
    setPath(path);
}

void ConnectionItem::setProblem(const QString& reason)
{
    m_problem = reason;
    setToolTip(reason.isEmpty() ? QObject::tr("%1 → %2").arg(m_connection.from, m_connection.to) : reason);
    updatePen();
}

void ConnectionItem::setDragging(bool dragging)
{
    m_dragging = dragging;
    updatePen();
}

QVariant ConnectionItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemSelectedHasChanged)
        updatePen();
    return QGraphicsPathItem::itemChange(change, value);
}

void ConnectionItem::updatePen()
{
    QColor color = hasProblem() ? problemColor() : normalColor();
    if (isSelected())
        color = QColor(0x26, 0x84, 0xff);
    QPen pen(color, isSelected() ? 3.2 : 2.4);
    pen.setCapStyle(Qt::RoundCap);
    if (m_dragging)
        pen.setStyle(Qt::DashLine);
    setPen(pen); // repaints
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(12); // easy to click
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

} // namespace neurite::ui
