// The small coloured dot on a layer's node that says how the layer trains (green, amber, red), with the
// warning as its tooltip; a child of the NodeItem, drawn over the card's top-right corner.
#pragma once

#include "health/LayerHealthMarks.h"

#include <QGraphicsItem>

namespace neurite::ui {

class HealthMarkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 7 };
    static constexpr double kRadius = 8;

    explicit HealthMarkItem(QGraphicsItem* node);

    void setMark(const LayerHealthMark& mark);
    const LayerHealthMark& mark() const { return m_mark; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    LayerHealthMark m_mark;
};

} // namespace neurite::ui
