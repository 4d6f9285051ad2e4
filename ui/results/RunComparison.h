// Compare runs: every run of this session is kept with its settings; tick two or more to overlay their curves.
#pragma once

#include "charts/RunCurvesChart.h"
#include "training/TrainingProgress.h"

#include <QWidget>

#include <memory>
#include <vector>

class QChartView;
class QListWidget;

namespace neurite::ui {

class ChartHoverLabel;
class ChartLegend;

struct RunRecord {
    QString name; // "Run 3"
    TrainingSettings settings;
    std::shared_ptr<const TrainingHistory> history; // never null; shared with the chart's curve
    TrainingResult::Outcome outcome = TrainingResult::Outcome::Completed;
};

class RunComparison : public QWidget {
    Q_OBJECT
public:
    using Metric = RunCurvesChart::Metric;

    explicit RunComparison(QWidget* parent = nullptr);
    ~RunComparison() override;

    // Adds a run (checked, so the newest is always in the overlay).
    void addRun(RunRecord run);
    int runCount() const { return int(m_runs.size()); }
    const RunRecord& run(int index) const { return m_runs[std::size_t(index)]; }
    void setChecked(int index, bool checked);
    // The run's test figures changed (other weights kept): its record and its line follow.
    void setTestResult(int index, float accuracy, float loss);
    void setMetric(Metric metric);
    // Series currently drawn (one per checked run with data for the metric).
    int drawnSeriesCount() const { return m_chart->drawnSeriesCount(); }
    QChartView* chartView() const { return m_chart->chartView(); }
    // The value label that follows the mouse over the chart ("Run 2, epoch 12: validation accuracy 96.41%").
    ChartHoverLabel* hoverLabel() const { return m_chart->hoverLabel(); }
    ChartLegend* legend() const { return m_chart->legend(); }

    // "adam lr 0.001 · batch 32 · 10 epochs"
    static QString describeSettings(const TrainingSettings& settings);
    // The run's line in the list: its name, settings, how far it went when it ended early, and its test
    // accuracy ("Run 2: adam lr 0.001 · batch 32 · 300 epochs · stopped at epoch 188 → test 96.39%").
    static QString runLabel(const RunRecord& run);

private:
    void redraw();

    std::vector<RunRecord> m_runs;
    QListWidget* m_list;
    RunCurvesChart* m_chart;
};

} // namespace neurite::ui
