// One neuron's heat map enlarged, floating next to the small square the mouse is over, with the unit's
// name and the range of its values.
#include "editor/NeuronMapPopup.h"

#include "editor/NeuronColors.h"
#include "playground/PlaneColours.h"
#include "editor/NodeItem.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
constexpr double kPadding = 8;
constexpr double kTitleHeight = 17;
constexpr double kDetailHeight = 16;
constexpr double kBarHeight = 8;
constexpr double kScaleTextHeight = 15;
constexpr double kMapTop = kPadding + kTitleHeight + kDetailHeight + 4;
constexpr double kBarTop = kMapTop + NeuronMapPopup::kMapSize + 6;
constexpr double kHeight = kBarTop + kBarHeight + kScaleTextHeight + kPadding;

QString number(double value)
{
    return QString::number(value, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
}

QFont titleFont()
{
    QFont font = NodeItem::bodyFont();
    font.setBold(true);
    return font;
}

QFont detailFont()
{
    QFont font = NodeItem::bodyFont();
    font.setPixelSize(NodeItem::kIdPixels);
    return font;
}
} // namespace

NeuronMapPopup::NeuronMapPopup(QGraphicsItem* parent) : QGraphicsItem(parent)
{
    // The same size on screen at any zoom: it is most useful when the design is zoomed out and the small
    // maps are tiny.
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false); // the squares under it keep the hover
}

void NeuronMapPopup::setContent(const QImage& map, const QString& title, const QString& detail, double range)
{
    m_map = map;
    m_title = title;
    m_detail = detail;
    m_range = range;
    // As wide as the map, or as its texts when they are longer (a layer's long id, a class name).
    const double text = std::max(QFontMetricsF(titleFont()).horizontalAdvance(title),
                                 QFontMetricsF(detailFont()).horizontalAdvance(detail));
    const double width = std::ceil(std::max(kMapSize, text)) + 2 * kPadding;
    if (width != m_width) {
        prepareGeometryChange();
        m_width = width;
    }
    update();
}

QRectF NeuronMapPopup::boundingRect() const
{
    return QRectF(-2, -2, m_width + 6, kHeight + 6);
}

void NeuronMapPopup::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF panel(0, 0, m_width, kHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 40));
    painter->drawRoundedRect(panel.translated(2, 3), 6, 6);
    painter->setBrush(Qt::white);
    painter->setPen(QPen(QColor(0xb8, 0xc0, 0xcc), 1));
    painter->drawRoundedRect(panel, 6, 6);

    painter->setFont(titleFont());
    painter->setPen(QColor(0x1f, 0x29, 0x37));
    const QRectF text(kPadding, kPadding, m_width - 2 * kPadding, kTitleHeight);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    painter->setFont(detailFont());
    painter->setPen(QColor(0x5f, 0x6b, 0x7a));
    painter->drawText(text.translated(0, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter, m_detail);

    // Smoothed: at this size the cells' steps would hide the boundary's shape.
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF map(kPadding, kMapTop, kMapSize, kMapSize);
    painter->drawImage(map, m_map);
    painter->setPen(QPen(QColor(0xb8, 0xc0, 0xcc), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(map);
    paintScale(painter, QRectF(kPadding, kBarTop, kMapSize, kBarHeight));
}

// The colour scale under the map: -range, 0 and +range.
void NeuronMapPopup::paintScale(QPainter* painter, const QRectF& bar) const
{
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0, QColor(divergingColour(-m_range, m_range)));
    gradient.setColorAt(0.5, QColor(divergingColour(0, m_range)));
    gradient.setColorAt(1, QColor(divergingColour(m_range, m_range)));
    painter->setPen(QPen(QColor(0xb8, 0xc0, 0xcc), 1));
    painter->setBrush(gradient);
    painter->drawRect(bar);
    const QRectF labels(bar.left(), bar.bottom() + 1, bar.width(), kScaleTextHeight);
    painter->setPen(QColor(0x5f, 0x6b, 0x7a));
    painter->drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, number(-m_range));
    painter->drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("0"));
    painter->drawText(labels, Qt::AlignRight | Qt::AlignVCenter, number(m_range));
}

} // namespace neurite::ui
