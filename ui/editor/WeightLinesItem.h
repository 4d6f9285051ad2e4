// A Dense layer's weights drawn as TensorFlow Playground draws them: one line from each unit of its source
// to each of its own units, as thick and as deeply coloured as the weight is large, its hue by its sign, between the
// two nodes' heat maps. The lines hang below the cards, from under one square to under the other, so that they never
// cover a map and each can be followed to its square.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QVector>

namespace neurite::ui {

class WeightLinesItem : public QGraphicsItem {
public:
    static constexpr double kThinnest = 0.3; // scene pixels, for a weight of 0
    static constexpr double kThickest = 3;   // for the layer's largest |w|
    enum { Type = UserType + 6 };

    WeightLinesItem();

    // `weights` is the layer's (inputs, units) matrix, row-major: w(i, j) joins source unit i to unit j.
    void setWeights(const std::vector<float>& weights, int inputs, int units);
    // Where each source unit's lines leave and each unit's lines arrive (scene coordinates).
    void setAnchors(const QVector<QPointF>& from, const QVector<QPointF>& to);

    int inputs() const { return m_inputs; }
    int units() const { return m_units; }
    int lineCount() const { return m_inputs * m_units; }
    double weight(int i, int j) const { return m_weights.at(i * m_units + j); }
    double lineWidth(int i, int j) const;
    QColor lineColor(int i, int j) const;
    QPainterPath linePath(int i, int j) const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override { return {}; } // never under the mouse: clicks reach the wires
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QVector<float> m_weights;
    int m_inputs = 0;
    int m_units = 0;
    double m_largest = 1e-6;
    QVector<QPointF> m_from;
    QVector<QPointF> m_to;
    QRectF m_bounds;
};

} // namespace neurite::ui
