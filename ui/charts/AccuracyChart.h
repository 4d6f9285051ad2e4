// Live accuracy chart: training and validation accuracy per epoch, with the smoothed batch accuracy faint.
#pragma once

#include "charts/DownsampledSeries.h"
#include "charts/SmoothedAverage.h"
#include "charts/TrainingChart.h"
#include "training/TrainingProgress.h"

#include <vector>

class QLineSeries;
class QScatterSeries;

namespace neurite::ui {

// Accuracies are drawn in percent. The faint per-batch line lets the chart move during the first epoch,
// before any per-epoch point exists.
class AccuracyChart : public TrainingChart {
    Q_OBJECT
public:
    explicit AccuracyChart(QWidget* parent = nullptr);

    void reset(int plannedEpochs);
    void addBatches(const BatchReports& batches);
    void addEpoch(const EpochReport& report);
    void setHistory(const TrainingHistory& history, int plannedEpochs);

    const DownsampledSeries& batchAccuracy() const { return m_batch; }
    int trainPointCount() const;
    int validationPointCount() const;
    int bestEpoch() const { return m_bestEpoch; }

protected:
    QString describeAt(double x) const override;

private:
    void rescale();

    QLineSeries* m_batchSeries;
    QLineSeries* m_trainSeries;
    QLineSeries* m_validationSeries;
    QScatterSeries* m_bestSeries;
    DownsampledSeries m_batch;
    std::vector<EpochReport> m_epochs;
    SmoothedAverage m_average;  // of the batch accuracy
    int m_bestEpoch = 0;
};

} // namespace neurite::ui
