// One of a layer's health figures over the run as a line: the gradient norm and the update ratio on a log
// scale (the ratio with its healthy band shaded), the dead ReLUs' share from 0 to 1.
#pragma once

#include "health/HealthChart.h"

#include <optional>

namespace neurite::ui {

class HealthLineChart : public HealthChart {
    Q_OBJECT
public:
    enum class Figure { GradientNorm, UpdateRatio, DeadFraction };
    HealthLineChart(Figure figure, QWidget* parent = nullptr);

    // The healthy band of the update ratio: a decade either side of 1e-3.
    static constexpr double kHealthyLow = 1e-4;
    static constexpr double kHealthyHigh = 1e-2;

protected:
    void paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const override;

private:
    std::optional<double> valueOf(const LayerHealth& layer) const;
    void range(double& low, double& high) const;
    Figure m_figure;
};

} // namespace neurite::ui
