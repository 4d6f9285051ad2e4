// The small coloured dot on a layer's node that says how the layer trains (see HealthMarkItem.h).
#include "editor/HealthMarkItem.h"

#include "editor/NodeItem.h"
#include "health/LayerHealthRow.h"

#include <QPainter>

namespace neurite::ui {

HealthMarkItem::HealthMarkItem(QGraphicsItem* node) : QGraphicsItem(node)
{
    // Over the card's top-right corner, where it hides neither the caption nor the id.
    setPos(NodeItem::kWidth - kRadius / 2, -kRadius / 2 + 1);
    setZValue(2);
    setAcceptHoverEvents(true);
}

void HealthMarkItem::setMark(const LayerHealthMark& mark)
{
    m_mark = mark;
    // Rich text, so that Qt wraps a long warning instead of drawing one line across the screen.
    setToolTip(
        QStringLiteral("<p>%1</p>").arg(mark.text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));
    update();
}

QRectF HealthMarkItem::boundingRect() const
{
    return QRectF(-kRadius - 1.5, -kRadius - 1.5, 2 * kRadius + 3, 2 * kRadius + 3);
}

void HealthMarkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(healthColor(m_mark.level));
    painter->drawEllipse(QPointF(0, 0), kRadius, kRadius);
    if (m_mark.level == HealthLevel::Healthy)
        return;
    painter->setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(0, -4), QPointF(0, 1.5)); // "!": told apart by shape too, not by colour alone
    painter->drawPoint(QPointF(0, 4.5));
}

} // namespace neurite::ui
