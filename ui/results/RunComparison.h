// Compare runs: every run of this session is kept with its settings; tick two or more to overlay their curves.
#pragma once

#include "charts/DownsampledSeries.h"
#include "training/TrainingProgress.h"

#include <QWidget>

#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QListWidget;
class QValueAxis;

namespace neurite::ui {

struct RunRecord {
    QString name; // "Run 3"
    TrainingSettings settings;
    TrainingHistory history;
    TrainingResult::Outcome outcome = TrainingResult::Outcome::Completed;
};

class RunComparison : public QWidget {
    Q_OBJECT
public:
    enum class Metric { SmoothedTrainingLoss, TrainingLoss, ValidationLoss, TrainingAccuracy, ValidationAccuracy };

    explicit RunComparison(QWidget* parent = nullptr);
    ~RunComparison() override;

    // Adds a run (checked, so the newest is always in the overlay).
    void addRun(const RunRecord& run);
    int runCount() const { return int(m_runs.size()); }
    const RunRecord& run(int index) const { return m_runs[std::size_t(index)]; }
    void setChecked(int index, bool checked);
    // The run's test figures changed (other weights kept): its record and its line follow.
    void setTestResult(int index, float accuracy, float loss);
    void setMetric(Metric metric);
    // Series currently drawn (one per checked run with data for the metric).
    int drawnSeriesCount() const;
    QChartView* chartView() const { return m_view; }

    // "adam lr 0.001 · batch 32 · 10 epochs"
    static QString describeSettings(const TrainingSettings& settings);
    // The run's line in the list: its name, settings, how far it went when it ended early, and its test
    // accuracy ("Run 2: adam lr 0.001 · batch 32 · 300 epochs · stopped at epoch 188 → test 96.39%").
    static QString runLabel(const RunRecord& run);

private:
    void redraw();
    std::vector<QPointF> curve(const RunRecord& run, Metric metric) const;

    std::vector<RunRecord> m_runs;
    QListWidget* m_list;
    QComboBox* m_metric;
    QChartView* m_view;
    QValueAxis* m_xAxis;
    QValueAxis* m_yAxis;
    std::vector<std::unique_ptr<DownsampledSeries>> m_drawn;
};

} // namespace neurite::ui
