// The common frame of the live training charts: an epoch x axis, hover read-outs, LR-change marks, PNG export.
#pragma once

#include <neurite/TrainingHistory.h>

#include <QChartView>
#include <QColor>
#include <QLineF>
#include <QList>
#include <QString>

#include <vector>

class QAbstractAxis;
class QGraphicsPathItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;

namespace neurite::ui {

class ChartHoverLabel;
class ChartLegend;

// A QChartView whose x axis counts epochs (batch b of epoch e sits at e - 1 + b / batchesPerEpoch).
// Subclasses add their series through addLine/addScatter and say what a hovered point is (describePoint).
// Only the GUI thread touches the series.
class TrainingChart : public QChartView {
    Q_OBJECT
public:
    explicit TrainingChart(const QString& title, QWidget* parent = nullptr);

    // The x axis spans [0, epochs] from the start so that curves grow into a fixed frame.
    void setPlannedEpochs(int epochs);
    // A dashed vertical line at `x` (epochs), labelled in the hover text.
    void markLearningRateChange(double x, float learningRate);
    int learningRateMarkCount() const { return int(m_lrMarks.size()); }
    // The marks as drawn, in the scene's coordinates: a vertical line across the plot at each change within
    // the epoch axis's range.
    QList<QLineF> learningRateMarkLines() const;
    bool logScale() const { return m_logScale; }
    bool savePng(const QString& path);

    QValueAxis* xAxis() const { return m_xAxis; }
    QAbstractAxis* yAxis() const { return m_yAxis; }
    double yMin() const { return m_yMin; }
    double yMax() const { return m_yMax; }
    // The value label that follows the mouse.
    ChartHoverLabel* hoverLabel() const { return m_hover; }
    // The legend under the plot (it wraps rather than elides).
    ChartLegend* legend() const { return m_legend; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    QLineSeries* addLine(const QString& name, const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine);
    QScatterSeries* addScatter(const QString& name, const QColor& color, qreal size);
    // Shows [lo, hi] on the y axis (clamped to positive values in log scale); LR marks follow.
    void setYRange(double lo, double hi);
    void setLogScale(bool on);
    // Round linear y ranges out to tidy tick values.
    void setNiceNumbers(bool on) { m_niceNumbers = on; }
    void clearMarks();
    // The exact values behind `point` of `series` for the hover label; empty leaves the series out.
    virtual QString describePoint(const QXYSeries* series, QPointF point) const = 0;
    QString learningRateNote(double x) const;

private:
    struct LrMark {
        double x;
        float learningRate;
    };
    void attach(QAbstractSeries* series);
    void updateMarkLines();
    // The interval between epoch labels for the planned epochs and the plot's width, and setting it.
    double epochTickStep() const;
    void setEpochTickStep(double step);
    QString describeHover(const QXYSeries* series, QPointF point) const;

    QValueAxis* m_xAxis;
    QAbstractAxis* m_yAxis;
    bool m_logScale = false;
    bool m_niceNumbers = false;
    int m_plannedEpochs = 1;
    double m_yMin = 0, m_yMax = 1;
    std::vector<LrMark> m_lrMarks;
    // All the marks as one path over the plot rather than a series each: a series costs Qt Charts tens of kB
    // and every change re-laid out all of them (a run with 135 changes took 160 ms of the GUI thread per new
    // change and 10 MB; bench_long_run_charts).
    QGraphicsPathItem* m_lrMarkPath;
    ChartHoverLabel* m_hover;
    ChartLegend* m_legend;
};

// x of batch `batch` (1-based) of epoch `epoch` (1-based): epochs completed so far, fractional.
double epochPosition(const BatchReport& report);

} // namespace neurite::ui
