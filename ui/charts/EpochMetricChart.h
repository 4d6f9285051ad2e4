// A live training chart of one metric over epochs: the loss (log scale on request) or the accuracy (percent).
#pragma once

#include "charts/DownsampledSeries.h"
#include "charts/SmoothedAverage.h"
#include "charts/TrainingChart.h"
#include "training/TrainingProgress.h"

#include <vector>

class QLineSeries;
class QTimer;
class QScatterSeries;

namespace neurite::ui {

enum class EpochMetric {
    Loss,     // raw per-batch line (faint) and its smoothed line, validation per epoch; linear or log scale
    Accuracy, // smoothed per-batch line (faint), training and validation per epoch, in percent
};

// Per-batch values arrive in bulk (addBatches), per-epoch values one by one (addEpoch). The best epoch is
// marked on the validation curve (the training curve without validation). The faint per-batch line lets
// the chart move during the first epoch, before any per-epoch point exists.
//
// The lines are redrawn at most kRedrawMs after a report, once for all the reports that came meanwhile:
// Qt Charts restrokes a whole line (and its hover shape) whenever it changes, and a fast run's reports
// arrive by the hundred, so a redraw per report once held the window for seconds at the end of a run.
class EpochMetricChart : public TrainingChart {
    Q_OBJECT
public:
    static constexpr int kRedrawMs = 50;
    // The per-epoch lines draw every epoch up to this many, then means of 2, 4, ... epochs. A wide line costs
    // Qt Charts a stroke per drawn segment at every paint: 3 lines of 4,500 epochs each made showing the Train
    // tab or pausing a long run hold the window for about 100 ms.
    static constexpr int kMaxDrawnEpochs = 500;
    // Beyond this many epochs a per-epoch line drops its dots, which would be a blur costing one ellipse each.
    static constexpr int kMostDottedEpochs = 200;

    explicit EpochMetricChart(EpochMetric metric, QWidget* parent = nullptr);

    EpochMetric metric() const { return m_metric; }
    void reset(int plannedEpochs);
    void addBatches(const BatchReports& batches);
    void addEpoch(const EpochReport& report);
    // Shows a finished run's history (e.g. from an opened project).
    void setHistory(const TrainingHistory& history, int plannedEpochs);
    void setLogScale(bool on);
    // Draws what has arrived now rather than at the next redraw.
    void redraw();

    // Every batch's value as reported (the loss only; empty for the accuracy, which draws no raw line).
    const DownsampledSeries& rawBatches() const { return m_raw; }
    // The debiased moving average of the batch values (percent for the accuracy).
    const DownsampledSeries& smoothedBatches() const { return m_smooth; }
    // Per-epoch training points (the accuracy only: the loss's training curve is the smoothed line).
    int trainPointCount() const;
    int validationPointCount() const;
    const DownsampledSeries& trainEpochs() const { return m_trainLine; }
    const DownsampledSeries& validationEpochs() const { return m_validationLine; }
    int bestEpoch() const { return m_bestEpoch; }

protected:
    // "epoch 12: validation accuracy 96.41% (best epoch)" on an epoch point, the batch and its values on
    // the batch lines.
    QString describePoint(const QXYSeries* series, QPointF point) const override;

private:
    void addLossSeries();
    void addAccuracySeries();
    // The metric as drawn: the loss as is, the accuracy in percent; NaN when the report has none.
    double drawn(float value) const;
    double trainValue(const EpochReport& e) const;
    double validationValue(const EpochReport& e) const;
    void scheduleRedraw();
    void rescale();
    void rescaleLoss();
    void rescaleAccuracy();
    QString valueText(double value) const;
    QString batchPlace(double x) const;
    QString describeBatch(const QXYSeries* series, double x) const;
    QString describeEpoch(const EpochReport& e, bool trainingFirst) const;

    EpochMetric m_metric;
    QLineSeries* m_rawSeries = nullptr; // the loss only
    QLineSeries* m_smoothSeries = nullptr;
    QLineSeries* m_trainSeries = nullptr; // the accuracy only
    QLineSeries* m_validationSeries = nullptr;
    QScatterSeries* m_bestSeries = nullptr;
    DownsampledSeries m_raw;
    DownsampledSeries m_smooth;
    DownsampledSeries m_trainLine{nullptr, kMaxDrawnEpochs}; // per epoch (the accuracy only)
    DownsampledSeries m_validationLine{nullptr, kMaxDrawnEpochs};
    QPointF m_bestPoint;
    bool m_epochsChanged = false;
    QTimer* m_redrawTimer;
    std::vector<EpochReport> m_epochs;
    SmoothedAverage m_average; // of the batch values
    int m_bestEpoch = 0;
    int m_batchesPerEpoch = 0; // of the batches shown, to name a batch from its x
};

} // namespace neurite::ui
