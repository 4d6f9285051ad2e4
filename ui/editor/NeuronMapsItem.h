// A layer's units over the plane, drawn under its node's card as small heat maps, as TensorFlow Playground
// draws its neurons; hovering one shows it enlarged (NeuronMapPopup).
#pragma once

#include <neurite/PlaneView.h>

#include <QGraphicsItem>
#include <QImage>
#include <QStringList>
#include <QVector>

namespace neurite::ui {

class NeuronMapPopup;
class NodeItem;

class NeuronMapsItem : public QGraphicsItem {
public:
    static constexpr double kSquare = 20; // scene pixels
    static constexpr double kGap = 4;
    static constexpr int kPerRow = 8; // a 16-unit layer is two rows
    enum { Type = UserType + 4 };

    explicit NeuronMapsItem(NodeItem* node);

    // Replaces the maps with `maps` over a resolution x resolution grid (PlaneGrid::neuronResolution);
    // `unitNames` (may be empty) names the units: the Input's features, the Output's classes.
    void setMaps(const NeuronMaps& maps, int resolution, const QStringList& unitNames);
    int units() const { return int(m_images.size()); }
    // The colour range [-range, range] shared by the layer's units.
    double range() const { return m_range; }
    // One pixel per cell, row 0 at the top (x2 at its largest).
    const QImage& image(int unit) const { return m_images.at(unit); }
    double height() const;
    // Where unit `unit`'s square is, in this item's coordinates.
    QRectF squareRect(int unit) const;
    // The point under the unit's square on the card's bottom edge, in scene coordinates: where its weights'
    // lines leave and arrive (WeightLinesItem).
    QPointF anchorBelow(int unit) const;
    // The unit whose square contains `local`, or -1.
    int unitAt(QPointF local) const;

    // Shows unit `unit` enlarged (-1: hides it), as hovering does.
    void setHoveredUnit(int unit);
    int hoveredUnit() const { return m_hovered; }
    NeuronMapPopup* popup() const { return m_popup; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void updatePopup();

    NodeItem* m_node;
    QString m_layerId;
    QStringList m_unitNames;
    QVector<QImage> m_images;
    QVector<QPair<float, float>> m_unitRanges; // each unit's lowest and highest value
    double m_range = 1;
    int m_hovered = -1;
    NeuronMapPopup* m_popup = nullptr; // a child, made on the first hover
    double m_nodeZ = 0;                // the node's stacking before a popup raised it
};

} // namespace neurite::ui
