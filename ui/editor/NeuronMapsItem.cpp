// A layer's units over the plane, drawn under its node's card as small heat maps, as TensorFlow Playground
// draws its neurons; hovering one shows it enlarged (NeuronMapPopup).
#include "editor/NeuronMapsItem.h"

#include "editor/NeuronColors.h"
#include "playground/PlaneColours.h"
#include "editor/NeuronMapPopup.h"
#include "editor/NodeItem.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
constexpr double kTop = 6;     // below the body's text
constexpr double kBottom = 10; // above the card's bottom edge
constexpr double kPopupZ = 10; // the hovered node above its neighbours, so that the popup is too

QString number(double value)
{
    return QString::number(value, 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
}

// The largest |value| of the layer, at least 1e-6 so that an all-zero layer (a fresh ReLU layer) divides by
// something.
double largestMagnitude(const std::vector<float>& values)
{
    double m = 1e-6;
    for (float v : values)
        if (std::isfinite(v))
            m = std::max(m, double(std::abs(v)));
    return m;
}
} // namespace

NeuronMapsItem::NeuronMapsItem(NodeItem* node) : QGraphicsItem(node), m_node(node)
{
    setAcceptHoverEvents(true);
}

// The colours span [-m, m] with m the layer's largest |value|, shared by its units, rather than a fixed
// [-1, 1]: early in training a tanh layer's outputs are small and would all look white under a fixed range,
// while it is their shapes a learner watches form; ReLU outputs and the standardised features are not bounded
// by 1 at all. Sharing m within the layer keeps a weak unit paler than a strong one, and the enlarged map
// prints the numbers.
void NeuronMapsItem::setMaps(const NeuronMaps& maps, int resolution, const QStringList& unitNames)
{
    const int cells = resolution * resolution;
    const int units = cells > 0 && maps.units > 0 && long(maps.values.size()) == long(maps.units) * cells ? maps.units
                                                                                                          : 0;
    if (units != this->units()) {
        m_node->neuronMapsResizing();
        prepareGeometryChange();
        m_images.resize(units);
        m_unitRanges.resize(units);
    }
    m_layerId = QString::fromStdString(maps.layerId);
    m_unitNames = unitNames;
    m_range = largestMagnitude(maps.values);
    for (int u = 0; u < units; ++u) {
        QImage& image = m_images[u];
        if (image.width() != resolution)
            image = QImage(resolution, resolution, QImage::Format_RGB32);
        const float* values = maps.values.data() + long(u) * cells;
        float low = values[0], high = values[0];
        for (int row = 0; row < resolution; ++row) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
            for (int col = 0; col < resolution; ++col) {
                const float v = values[row * resolution + col];
                line[col] = divergingColour(v, m_range);
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        m_unitRanges[u] = {low, high};
    }
    if (m_hovered >= units)
        setHoveredUnit(-1);
    updatePopup();
    update();
}

double NeuronMapsItem::height() const
{
    if (m_images.isEmpty())
        return 0;
    const int rows = (units() + kPerRow - 1) / kPerRow;
    return kTop + rows * kSquare + (rows - 1) * kGap + kBottom;
}

// Rows of up to kPerRow squares, each row centred in the card.
QRectF NeuronMapsItem::squareRect(int unit) const
{
    const int row = unit / kPerRow;
    const int inRow = std::min(kPerRow, units() - row * kPerRow);
    const double rowWidth = inRow * kSquare + (inRow - 1) * kGap;
    const double left = (NodeItem::kWidth - rowWidth) / 2;
    return QRectF(left + (unit % kPerRow) * (kSquare + kGap), kTop + row * (kSquare + kGap), kSquare, kSquare);
}

QPointF NeuronMapsItem::anchorBelow(int unit) const
{
    return mapToScene(QPointF(squareRect(unit).center().x(), height()));
}

int NeuronMapsItem::unitAt(QPointF local) const
{
    for (int u = 0; u < units(); ++u)
        if (squareRect(u).contains(local))
            return u;
    return -1;
}

QRectF NeuronMapsItem::boundingRect() const
{
    return QRectF(0, 0, NodeItem::kWidth, height());
}

void NeuronMapsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_images.isEmpty())
        return;
    painter->setPen(QPen(QColor(0xe3, 0xe7, 0xed), 1));
    painter->drawLine(QPointF(10, 0.5), QPointF(NodeItem::kWidth - 10, 0.5));
    // Cells stay crisp: each shows the value at its centre, as the enlarged map's numbers do.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (int u = 0; u < units(); ++u)
        painter->drawImage(squareRect(u), m_images[u]);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    for (int u = 0; u < units(); ++u) {
        const bool hovered = u == m_hovered;
        painter->setPen(QPen(hovered ? QColor(0x26, 0x84, 0xff) : QColor(0xb8, 0xc0, 0xcc), hovered ? 2 : 1));
        painter->drawRect(squareRect(u).adjusted(-0.5, -0.5, 0.5, 0.5));
    }
}

void NeuronMapsItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    setHoveredUnit(unitAt(event->pos()));
}

void NeuronMapsItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    setHoveredUnit(-1);
}

void NeuronMapsItem::setHoveredUnit(int unit)
{
    unit = unit >= 0 && unit < units() ? unit : -1;
    if (unit == m_hovered)
        return;
    if (m_hovered < 0 && unit >= 0) {
        m_nodeZ = m_node->zValue();
        m_node->setZValue(kPopupZ);
    } else if (unit < 0) {
        m_node->setZValue(m_nodeZ);
    }
    m_hovered = unit;
    if (unit >= 0 && !m_popup)
        m_popup = new NeuronMapPopup(this);
    updatePopup();
    update();
}

// The popup hangs below the card under the hovered square, where it hides none of the layer's maps.
void NeuronMapsItem::updatePopup()
{
    if (!m_popup)
        return;
    m_popup->setVisible(m_hovered >= 0);
    if (m_hovered < 0)
        return;
    const int u = m_hovered;
    QString title = QObject::tr("%1 · unit %2").arg(m_layerId).arg(u + 1);
    if (u < m_unitNames.size() && !m_unitNames[u].isEmpty())
        title = QObject::tr("%1 · %2").arg(m_layerId, m_unitNames[u]);
    const QString detail =
        QObject::tr("values %1 to %2").arg(number(m_unitRanges[u].first), number(m_unitRanges[u].second));
    m_popup->setContent(m_images[u], title, detail, m_range);
    m_popup->setPos(squareRect(u).left(), height() + 4);
}

} // namespace neurite::ui
