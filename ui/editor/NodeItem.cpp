// How a layer looks on the canvas: a card with its caption, output shape, parameter count and ports.
#include "editor/NodeItem.h"

#include "editor/GraphScene.h"
#include "editor/NeuronMapsItem.h"
#include "editor/PortItem.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace neurite::ui {

namespace {
constexpr double kBodyHeight = 50;
constexpr double kPortSpacing = 24;
constexpr double kCorner = 7;
const QColor kErrorColor(0xd9, 0x30, 0x25);
const QColor kSelectionColor(0x26, 0x84, 0xff);
} // namespace

QColor categoryColor(const QString& category)
{
    if (category == QLatin1String("Input"))
        return QColor(0x2f, 0x74, 0xc0);
    if (category == QLatin1String("Core"))
        return QColor(0x6f, 0x4f, 0xb8);
    if (category == QLatin1String("Activations"))
        return QColor(0x15, 0x8f, 0x7b);
    if (category == QLatin1String("Regularisation"))
        return QColor(0xc7, 0x7a, 0x1c);
    if (category == QLatin1String("Output"))
        return QColor(0x3c, 0x48, 0x5a);
    if (category.startsWith(QLatin1String("Conv")))
        return QColor(0xb0, 0x45, 0x8c);
    if (category == QLatin1String("Merge"))
        return QColor(0x8a, 0x6d, 0x3b);
    return QColor(0x70, 0x70, 0x70);
}

NodeItem::NodeItem(const QString& nodeId, int inputPorts) : m_nodeId(nodeId)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    for (int i = 0; i < inputPorts; ++i)
        m_inputs.append(new PortItem(this, PortItem::Kind::Input, i));
    m_output = new PortItem(this, PortItem::Kind::Output, 0);
    // Ports sit on the card's edges, spread evenly down the body.
    const double h = bodyHeight();
    for (int i = 0; i < inputPorts; ++i)
        m_inputs[i]->setPos(0, kHeaderHeight + (h - kHeaderHeight) * (i + 1) / (inputPorts + 1));
    m_output->setPos(kWidth, kHeaderHeight + (h - kHeaderHeight) / 2);
}

QFont NodeItem::captionFont()
{
    QFont font;
    font.setPixelSize(kCaptionPixels);
    font.setBold(true);
    return font;
}

QFont NodeItem::bodyFont()
{
    QFont font;
    font.setPixelSize(kBodyPixels);
    return font;
}

PortItem* NodeItem::inputPort(int index) const
{
    return index >= 0 && index < m_inputs.size() ? m_inputs[index] : nullptr;
}

double NodeItem::bodyHeight() const
{
    return kHeaderHeight + std::max(kBodyHeight, kPortSpacing * (m_inputs.size() + 0.5));
}

double NodeItem::height() const
{
    return bodyHeight() + (m_maps ? m_maps->height() : 0);
}

NeuronMapsItem* NodeItem::ensureNeuronMaps()
{
    if (!m_maps) {
        prepareGeometryChange();
        m_maps = new NeuronMapsItem(this);
        m_maps->setPos(0, bodyHeight());
    }
    return m_maps;
}

void NodeItem::removeNeuronMaps()
{
    if (!m_maps)
        return;
    m_maps->setHoveredUnit(-1); // gives back the stacking a popup took
    prepareGeometryChange();
    delete m_maps;
    m_maps = nullptr;
}

void NodeItem::setLook(const NodeLook& look)
{
    m_look = look;
    QString tip = QStringLiteral("<b>%1</b> (%2)").arg(m_look.caption.toHtmlEscaped(), m_nodeId);
    for (const QString& error : m_look.errors)
        tip += QStringLiteral("<br><span style='color:#d93025'>✖ %1</span>").arg(error.toHtmlEscaped());
    for (const QString& warning : m_look.warnings)
        tip += QStringLiteral("<br><span style='color:#b36b00'>⚠ %1</span>").arg(warning.toHtmlEscaped());
    setToolTip(tip);
    update();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-4, -4, kWidth + 8, height() + 8);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, height());
    // A soft shadow lifts the card off the grid.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 28));
    painter->drawRoundedRect(card.translated(1.5, 2.5), kCorner, kCorner);
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(card, kCorner, kCorner);
    paintHeader(painter, card);
    paintBody(painter, card);
    QPen border(QColor(0xb8, 0xc0, 0xcc), 1);
    if (hasErrors())
        border = QPen(kErrorColor, 2.5);
    if (isSelected())
        border = QPen(kSelectionColor, 2.5);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(card, kCorner, kCorner);
}

void NodeItem::paintHeader(QPainter* painter, const QRectF& card) const
{
    QPainterPath header;
    header.addRoundedRect(QRectF(card.left(), card.top(), card.width(), kHeaderHeight + kCorner), kCorner, kCorner);
    QPainterPath clip;
    clip.addRect(QRectF(card.left(), card.top(), card.width(), kHeaderHeight));
    painter->setPen(Qt::NoPen);
    painter->setBrush(hasErrors() ? kErrorColor : categoryColor(m_look.category));
    painter->drawPath(header.intersected(clip));

    QFont idFont = bodyFont();
    idFont.setPixelSize(kIdPixels);
    const QFont captionFont = NodeItem::captionFont();
    const double idWidth = QFontMetricsF(idFont).horizontalAdvance(m_nodeId) + 8;
    const double room = card.width() - 20;
    // The caption (type and key options) matters more than the id: the id gives way when both do not fit.
    const bool showId = QFontMetricsF(captionFont).horizontalAdvance(m_look.caption) + idWidth <= room;
    if (showId) {
        painter->setFont(idFont);
        painter->setPen(QColor(255, 255, 255, 190));
        painter->drawText(QRectF(card.left() + 10, card.top(), room, kHeaderHeight), Qt::AlignRight | Qt::AlignVCenter,
                          m_nodeId);
    }
    painter->setFont(captionFont);
    painter->setPen(Qt::white);
    const QRectF captionRect(card.left() + 10, card.top(), room - (showId ? idWidth : 0), kHeaderHeight);
    const QString caption = painter->fontMetrics().elidedText(m_look.caption, Qt::ElideRight, int(captionRect.width()));
    painter->drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter, caption);
}

void NodeItem::paintBody(QPainter* painter, const QRectF& card) const
{
    painter->setFont(bodyFont());
    const QRectF line1(card.left() + 14, card.top() + kHeaderHeight + 5, card.width() - 28, 18);
    const QRectF line2 = line1.translated(0, 19);
    const QColor muted(0x5f, 0x6b, 0x7a);

    painter->setPen(muted);
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("output"));
    painter->setPen(hasErrors() && m_look.shapeText.isEmpty() ? kErrorColor : QColor(0x1f, 0x29, 0x37));
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter,
                      m_look.shapeText.isEmpty() ? QStringLiteral("?") : m_look.shapeText);

    painter->setPen(muted);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("params"));
    painter->setPen(QColor(0x1f, 0x29, 0x37));
    const QString params = m_look.parameters < 0 ? QStringLiteral("?")
                                                 : QLocale().toString(qlonglong(m_look.parameters));
    painter->drawText(line2, Qt::AlignRight | Qt::AlignVCenter, params);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    auto* graph = qobject_cast<GraphScene*>(scene());
    if (change == ItemPositionChange && graph)
        return graph->snapped(value.toPointF());
    if (change == ItemPositionHasChanged && graph)
        graph->nodeItemMoved(this);
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace neurite::ui
