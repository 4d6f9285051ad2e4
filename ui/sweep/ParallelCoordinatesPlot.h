// The sweep's parallel-coordinates plot: one vertical axis per swept value and a last one for the metric,
// one polyline per run coloured by its metric, the best run highlighted. Dragging along an axis brushes a
// range on it; only runs inside every brushed range stay drawn (and in the table); a click on an axis
// without dragging clears its brush, a click on a line selects that run.
#pragma once

#include "sweep/SweepPlotData.h"

#include <QPolygonF>
#include <QRectF>
#include <QWidget>

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace neurite::ui {

class ParallelCoordinatesPlot : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinatesPlot(QWidget* parent = nullptr);

    void setData(const SweepPlotData& data);
    const SweepPlotData& data() const { return m_data; }

    // --- geometry (widget coordinates) ---
    QRectF plotArea() const;
    int axisCount() const { return int(m_data.keys.size()) + 1; } // the swept values, then the metric
    double axisX(int axis) const;
    // The y of a position 0..1 along any axis (0 at the bottom).
    double yOfPosition(double position) const;
    // A run's vertices, one per axis it has a value on (the metric's only once it has finished).
    QPolygonF polyline(int run) const;
    // The axis within grabbing distance of x, or -1.
    int axisNear(double x) const;

    // --- brushing: ranges of positions 0..1 along axes ---
    void setBrush(int axis, double low, double high);
    void clearBrush(int axis);
    void clearBrushes();
    const std::map<int, std::pair<double, double>>& brushes() const { return m_brushes; }
    // The runs inside every brush (every run when nothing is brushed), by plan index.
    std::set<int> runsInBrushes() const;

    QSize sizeHint() const override { return {640, 320}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

Q_SIGNALS:
    // The brushes changed: these runs are the ones left (every run when no brush is set).
    void brushedRunsChanged(const std::set<int>& runs);
    void runClicked(int run);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    double positionOnAxis(int run, int axis) const; // -1 when the run has no value there yet
    double positionOfY(double y) const;
    const SweepAxisScale& scaleOf(int axis) const;
    QString axisTitle(int axis) const;
    int runNear(QPointF point) const;
    void drawAxes(QPainter& painter) const;
    void drawRuns(QPainter& painter) const;
    void drawBrushes(QPainter& painter) const;

    SweepPlotData m_data;
    std::map<int, std::pair<double, double>> m_brushes;
    int m_dragAxis = -1;
    double m_dragStart = 0; // position along the dragged axis where the drag began
    bool m_dragMoved = false;
    QPointF m_pressPoint;
};

} // namespace neurite::ui
