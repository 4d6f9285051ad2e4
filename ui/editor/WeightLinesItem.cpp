// A Dense layer's weights drawn as TensorFlow Playground draws them: one line per weight between the two
// nodes' heat maps, as thick as the weight is large and coloured by its sign.
#include "editor/WeightLinesItem.h"

#include "editor/NeuronColors.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {
// How far below the lower of its two ends a line sags: more for ends further apart, so that lines between
// neighbouring cards stay close under them.
double sag(QPointF from, QPointF to)
{
    return std::clamp(0.3 * std::abs(to.x() - from.x()), 30.0, 110.0);
}
} // namespace

WeightLinesItem::WeightLinesItem()
{
    setZValue(0.5); // above the wires, below the cards
    setAcceptedMouseButtons(Qt::NoButton);
    // Hundreds of thick antialiased strokes take milliseconds to draw, and the maps on the cards above them
    // change with every look at the plane (the view repaints all it shows): drawn once per change of the
    // weights or the zoom, at the screen's own resolution, and copied otherwise.
    setCacheMode(DeviceCoordinateCache);
}

void WeightLinesItem::setWeights(const std::vector<float>& weights, int inputs, int units)
{
    Q_ASSERT(long(weights.size()) == long(inputs) * units);
    m_weights = QVector<float>(weights.begin(), weights.end());
    m_inputs = inputs;
    m_units = units;
    m_largest = 1e-6;
    for (float w : weights)
        if (std::isfinite(w))
            m_largest = std::max(m_largest, double(std::abs(w)));
    update();
}

void WeightLinesItem::setAnchors(const QVector<QPointF>& from, const QVector<QPointF>& to)
{
    if (from == m_from && to == m_to)
        return;
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    // Cached: the scene asks for the bounds far more often than the anchors move.
    QRectF box;
    for (int i = 0; i < m_from.size(); ++i)
        for (int j = 0; j < m_to.size(); ++j)
            box |= linePath(i, j).controlPointRect();
    m_bounds = box.adjusted(-kThickest, -kThickest, kThickest, kThickest);
}

// Scaled by the layer's largest |w|: the thickest line is that weight's, whatever the scale training
// reached.
double WeightLinesItem::lineWidth(int i, int j) const
{
    const double w = weight(i, j);
    const double share = std::isfinite(w) ? std::abs(w) / m_largest : 0;
    return kThinnest + (kThickest - kThinnest) * std::min(1.0, share);
}

QColor WeightLinesItem::lineColor(int i, int j) const
{
    return weightColor(weight(i, j), m_largest);
}

QPainterPath WeightLinesItem::linePath(int i, int j) const
{
    const QPointF from = m_from.value(i);
    const QPointF to = m_to.value(j);
    const double bottom = std::max(from.y(), to.y()) + sag(from, to);
    QPainterPath path(from);
    path.cubicTo(QPointF(from.x(), bottom), QPointF(to.x(), bottom), to);
    return path;
}

QRectF WeightLinesItem::boundingRect() const
{
    return m_bounds;
}

void WeightLinesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_from.size() != m_inputs || m_to.size() != m_units)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    // The strongest weights last, on top of the weak ones.
    QVector<int> order(lineCount());
    for (int k = 0; k < lineCount(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(),
              [this](int a, int b) { return std::abs(m_weights[a]) < std::abs(m_weights[b]); });
    for (int k : order) {
        const int i = k / m_units, j = k % m_units;
        QPen pen(lineColor(i, j), lineWidth(i, j));
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        painter->drawPath(linePath(i, j));
    }
}

} // namespace neurite::ui
