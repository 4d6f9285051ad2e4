// Live loss chart: per-batch training loss (smoothed, raw faint behind) and per-epoch validation loss.
#pragma once

#include "charts/DownsampledSeries.h"
#include "charts/SmoothedAverage.h"
#include "charts/TrainingChart.h"
#include "training/TrainingProgress.h"

#include <vector>

class QLineSeries;
class QScatterSeries;

namespace neurite::ui {

class LossChart : public TrainingChart {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);

    void reset(int plannedEpochs);
    void addBatches(const BatchReports& batches);
    void addEpoch(const EpochReport& report);
    // Shows a finished run's history (e.g. from an opened project).
    void setHistory(const TrainingHistory& history, int plannedEpochs);
    void setLogScale(bool on);

    const DownsampledSeries& rawLoss() const { return m_raw; }
    const DownsampledSeries& smoothedLoss() const { return m_smooth; }
    int validationPointCount() const;
    int bestEpoch() const { return m_bestEpoch; }

protected:
    QString describeAt(double x) const override;

private:
    void rescale();

    QLineSeries* m_rawSeries;
    QLineSeries* m_smoothSeries;
    QLineSeries* m_validationSeries;
    QScatterSeries* m_bestSeries;
    DownsampledSeries m_raw;
    DownsampledSeries m_smooth;
    std::vector<EpochReport> m_epochs;
    SmoothedAverage m_average;  // of the batch loss
    int m_bestEpoch = 0;
};

// x of batch `batch` (1-based) of epoch `epoch` (1-based): epochs completed so far, fractional.
double epochPosition(const BatchReport& report);

} // namespace neurite::ui
