// The sweep's scatter: one swept value (chosen by the user) across, the metric up, a dot per finished run
// coloured by its metric, the best run ringed in red and the selected one in black. A click on a dot
// selects its run; brushing in the parallel-coordinates plot hides the dots it leaves out.
#pragma once

#include "sweep/SweepPlotData.h"

#include <QWidget>

#include <set>

namespace neurite::ui {

class SweepScatterPlot : public QWidget {
    Q_OBJECT
public:
    explicit SweepScatterPlot(QWidget* parent = nullptr);

    void setData(const SweepPlotData& data);
    // Which swept key runs across (an index into the data's keys).
    void setKey(int key);
    int key() const { return m_key; }
    // Only these runs are drawn (the brushed ones).
    void setShownRuns(const std::set<int>& runs);

    QRectF plotArea() const;
    // Where a finished run's dot is; a null point for a run without a metric or value.
    QPointF pointOf(int run) const;

    QSize sizeHint() const override { return {640, 320}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

Q_SIGNALS:
    void runClicked(int run);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void drawAxes(QPainter& painter) const;
    void drawDots(QPainter& painter) const;

    SweepPlotData m_data;
    std::set<int> m_shown;
    bool m_showAll = true;
    int m_key = 0;
};

} // namespace neurite::ui
