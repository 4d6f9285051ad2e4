// One neuron's heat map enlarged, floating next to the small square the mouse is over, with the unit's
// name and the range of its values.
#pragma once

#include <QGraphicsItem>
#include <QImage>
#include <QString>

namespace neurite::ui {

class NeuronMapPopup : public QGraphicsItem {
public:
    static constexpr double kMapSize = 140; // screen pixels at any zoom
    enum { Type = UserType + 5 };

    explicit NeuronMapPopup(QGraphicsItem* parent);

    // `map` is the unit's image (one pixel per cell); `range` the layer's colour range [-range, range].
    void setContent(const QImage& map, const QString& title, const QString& detail, double range);
    const QImage& map() const { return m_map; }
    const QString& title() const { return m_title; }
    const QString& detail() const { return m_detail; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintScale(QPainter* painter, const QRectF& bar) const;

    QImage m_map;
    QString m_title;
    QString m_detail;
    double m_range = 1;
    double m_width = kMapSize + 16; // the panel's
};

} // namespace neurite::ui
