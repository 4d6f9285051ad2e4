// The frame and badge of a layer's card in the design diff.
#include "compare/DiffMarkItem.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>

namespace neurite::ui {

namespace {

constexpr double kFrame = 4;        // the frame's width, outside the card
constexpr double kBadgeRadius = 11; // the +, − or ~ circle

QString badgeText(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added: return QStringLiteral("+");
    case DiffStatus::Removed: return QStringLiteral("\u2212");
    case DiffStatus::Changed: return QStringLiteral("~");
    case DiffStatus::Same: break;
    }
    return {};
}

} // namespace

QColor diffColor(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added: return QColor(0x1e, 0x8e, 0x3e);
    case DiffStatus::Removed: return QColor(0xd9, 0x30, 0x25);
    case DiffStatus::Changed: return QColor(0xe3, 0x8d, 0x00);
    case DiffStatus::Same: break;
    }
    return QColor(0x7a, 0x86, 0x9a);
}

QString diffStatusName(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added: return QCoreApplication::translate("DesignDiff", "added");
    case DiffStatus::Removed: return QCoreApplication::translate("DesignDiff", "removed");
    case DiffStatus::Changed: return QCoreApplication::translate("DesignDiff", "changed");
    case DiffStatus::Same: break;
    }
    return QCoreApplication::translate("DesignDiff", "unchanged");
}

DiffMarkItem::DiffMarkItem(QGraphicsItem* node, DiffStatus status, const QRectF& card)
    : QGraphicsItem(node), m_status(status), m_card(card)
{
    // The card's own tooltip (its differences) shows through: the frame takes no hover of its own.
    setAcceptHoverEvents(false);
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF DiffMarkItem::boundingRect() const
{
    const double out = std::max(kFrame, kBadgeRadius) + 2;
    return m_card.adjusted(-out, -out, out, out);
}

void DiffMarkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = diffColor(m_status);
    // A ring just outside the card, so that nothing of the card is covered.
    const double ring = kFrame / 2 + 1;
    painter->setPen(QPen(colour, kFrame));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(m_card.adjusted(-ring, -ring, ring, ring), 8, 8);
    const QPointF centre = m_card.topLeft();
    painter->setBrush(colour);
    painter->setPen(QPen(Qt::white, 2));
    painter->drawEllipse(centre, kBadgeRadius, kBadgeRadius);
    QFont font = painter->font();
    font.setPixelSize(17);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(centre.x() - kBadgeRadius, centre.y() - kBadgeRadius, 2 * kBadgeRadius, 2 * kBadgeRadius),
                      Qt::AlignCenter, badgeText(m_status));
}

} // namespace neurite::ui
