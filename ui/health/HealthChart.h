// The frame every small layer health chart shares: a title, a plot area, axis labels on the left, and
// painting only when shown (the view tells it when its data changed).
#pragma once

#include "health/HealthSeries.h"

#include <QWidget>

namespace neurite::ui {

class HealthChart : public QWidget {
    Q_OBJECT
public:
    explicit HealthChart(const QString& title, QWidget* parent = nullptr);

    void setSeries(HealthSeries series);
    const HealthSeries& series() const { return m_series; }
    QSize sizeHint() const override { return {220, 120}; }
    QSize minimumSizeHint() const override { return {140, 90}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    // Draws the data inside `plot`, and the y axis's top and bottom labels into `top` and `bottom`.
    virtual void paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const = 0;

private:
    QString m_title;
    HealthSeries m_series;
};

// "1e-3", "0.25", "12": short axis labels.
QString shortNumber(double value);

} // namespace neurite::ui
