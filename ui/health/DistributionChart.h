// TensorBoard's distribution chart of a layer's weights or gradients over the run: bands between matching
// percentiles (min-max, then the normal distribution's 2, 1.5 and 1 sigma points), darker towards the median.
#pragma once

#include "health/HealthChart.h"

namespace neurite::ui {

class DistributionChart : public HealthChart {
    Q_OBJECT
public:
    enum class Values { Weights, Gradients };
    DistributionChart(Values values, QWidget* parent = nullptr);

protected:
    void paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const override;

private:
    const ValueDistribution& distribution(const LayerHealth& layer) const;
    Values m_values;
};

} // namespace neurite::ui
