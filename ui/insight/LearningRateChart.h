// The range test's curve: loss against learning rate on a log axis, the smoothed loss drawn over the faint
// raw losses, and the suggested rate marked.
#pragma once

#include <neurite/LearningRateFinder.h>

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace neurite::ui {

// Only the GUI thread touches the series.
class LearningRateChart : public QChartView {
    Q_OBJECT
public:
    explicit LearningRateChart(QWidget* parent = nullptr);

    // An empty chart whose x axis spans the sweep's range, so that the curve grows into a fixed frame.
    void reset(const LearningRateFinderSettings& finder);
    // Keeps every point; draws every stride-th (at most kDrawnPoints of a sweep): a long sweep's hundred
    // thousand markers would take QtCharts seconds to repaint.
    void addPoints(const std::vector<LearningRatePoint>& points);
    static constexpr int kDrawnPoints = 1000;
    // Marks the suggestion (a vertical line and a ring on the smoothed curve), or clears the mark.
    void showSuggestion(const LearningRateSuggestion& suggestion);

    int pointCount() const { return int(m_points.size()); }
    QLineSeries* smoothedSeries() const { return m_smoothed; }
    QScatterSeries* rawSeries() const { return m_raw; }
    QScatterSeries* suggestionSeries() const { return m_suggested; }
    QLogValueAxis* xAxis() const { return m_xAxis; }
    QValueAxis* yAxis() const { return m_yAxis; }

private:
    void fitLossAxis();

    QLogValueAxis* m_xAxis;
    QValueAxis* m_yAxis;
    QScatterSeries* m_raw;
    QLineSeries* m_smoothed;
    QLineSeries* m_suggestedLine;
    QScatterSeries* m_suggested;
    std::vector<LearningRatePoint> m_points;
    int m_stride = 1;
};

} // namespace neurite::ui
