// The Train tab's accuracy chart: an EpochMetricChart of the accuracy, in percent.
#pragma once

#include "charts/EpochMetricChart.h"

namespace neurite::ui {

class AccuracyChart : public EpochMetricChart {
public:
    explicit AccuracyChart(QWidget* parent = nullptr) : EpochMetricChart(EpochMetric::Accuracy, parent) {}
};

} // namespace neurite::ui
