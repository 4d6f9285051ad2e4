// The newest sample's histogram of a layer's weights or gradients: equal bins from the lowest to the highest
// value of that step.
#pragma once

#include "health/DistributionChart.h"

namespace neurite::ui {

class HistogramChart : public HealthChart {
    Q_OBJECT
public:
    HistogramChart(DistributionChart::Values values, QWidget* parent = nullptr);

protected:
    void paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const override;

private:
    DistributionChart::Values m_values;
};

} // namespace neurite::ui
