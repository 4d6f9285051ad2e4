// Several runs' curves on one chart: loss or accuracy per epoch (or the smoothed batch loss), the metric
// chosen in the chart's own list. The session's run comparison and the project's Runs list both draw with it.
#pragma once

#include "charts/DownsampledSeries.h"

#include <neurite/TrainingHistory.h>

#include <QColor>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QValueAxis;
class QXYSeries;

namespace neurite::ui {

class ChartHoverLabel;
class ChartLegend;

// One run's line: what the legend and the hover label call it, its history and its colour. The history is
// shared, not copied: a long run's is megabytes, and a chart is redrawn whenever the runs or the ticks change.
struct RunCurve {
    QString name;                                   // "run 3": the hover label's name
    QString legend;                                 // "run 3 (adam lr 0.001 · batch 32)": the legend's entry
    std::shared_ptr<const TrainingHistory> history; // never null
    int epochs = 0;                                 // asked for: the x axis reaches at least this far
    QColor color;
};

class RunCurvesChart : public QWidget {
    Q_OBJECT
public:
    enum class Metric { SmoothedTrainingLoss, TrainingLoss, ValidationLoss, TrainingAccuracy, ValidationAccuracy };

    explicit RunCurvesChart(QWidget* parent = nullptr);
    ~RunCurvesChart() override;

    // Draws these runs (and only these) in their own colours.
    void setRuns(std::vector<RunCurve> runs);
    void setMetric(Metric metric);
    Metric metric() const;
    // Series drawn (one per run with data for the metric).
    int drawnSeriesCount() const;
    QComboBox* metricList() const { return m_metric; }
    QChartView* chartView() const { return m_view; }
    ChartHoverLabel* hoverLabel() const { return m_hover; }
    ChartLegend* legend() const { return m_legend; }

    // A run's colour by its position: the same run keeps its colour while others come and go.
    static QColor runColor(std::size_t index);
    // The points of `metric` in `history`: (epoch, value), accuracies in percent.
    static std::vector<QPointF> curve(const TrainingHistory& history, Metric metric);

private:
    void redraw();
    void fitAxes(bool accuracy, double maxX, double lo, double hi);
    QString describePoint(const QXYSeries* series, QPointF point) const;

    std::vector<RunCurve> m_runs;
    QComboBox* m_metric;
    QChartView* m_view;
    QValueAxis* m_xAxis;
    QValueAxis* m_yAxis;
    std::vector<std::unique_ptr<DownsampledSeries>> m_drawn;
    std::vector<std::size_t> m_drawnRuns; // the run of each drawn series
    ChartHoverLabel* m_hover;
    ChartLegend* m_legend;
};

} // namespace neurite::ui
