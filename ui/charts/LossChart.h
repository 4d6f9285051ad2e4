// The Train tab's loss chart: an EpochMetricChart of the loss.
#pragma once

#include "charts/EpochMetricChart.h"

namespace neurite::ui {

class LossChart : public EpochMetricChart {
public:
    explicit LossChart(QWidget* parent = nullptr) : EpochMetricChart(EpochMetric::Loss, parent) {}
};

} // namespace neurite::ui
