// Drawing and brushing the sweep's parallel-coordinates plot (see ParallelCoordinatesPlot.h).
#include "sweep/ParallelCoordinatesPlot.h"

#include "sweep/SweepMetricColour.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr double kMarginLeft = 64;  // tick labels sit left of each axis
constexpr double kMarginRight = 64; // and of the metric's
constexpr double kMarginTop = 40;   // axis titles
constexpr double kMarginBottom = 16;
constexpr double kGrabDistance = 12; // how near an axis a press starts a brush
constexpr double kClickDistance = 6; // how near a line a click selects its run
constexpr double kMinBrush = 0.01;   // a drag shorter than this (in positions) is a click

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

} // namespace

ParallelCoordinatesPlot::ParallelCoordinatesPlot(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(false);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void ParallelCoordinatesPlot::setData(const SweepPlotData& data)
{
    const bool sameAxes = data.keys == m_data.keys;
    m_data = data;
    if (!sameAxes && !m_brushes.empty()) { // another sweep: its axes are not the brushed ones
        m_brushes.clear();
        Q_EMIT brushedRunsChanged(runsInBrushes());
    } else if (!m_brushes.empty()) {
        Q_EMIT brushedRunsChanged(runsInBrushes()); // a run that finished may enter the metric's brush
    }
    update();
}

QRectF ParallelCoordinatesPlot::plotArea() const
{
    return QRectF(rect()).adjusted(kMarginLeft, kMarginTop, -kMarginRight, -kMarginBottom);
}

double ParallelCoordinatesPlot::axisX(int axis) const
{
    const QRectF area = plotArea();
    const int count = axisCount();
    return count == 1 ? area.center().x() : area.left() + area.width() * axis / (count - 1);
}

double ParallelCoordinatesPlot::yOfPosition(double position) const
{
    const QRectF area = plotArea();
    return area.bottom() - position * area.height();
}

double ParallelCoordinatesPlot::positionOfY(double y) const
{
    const QRectF area = plotArea();
    return std::clamp((area.bottom() - y) / area.height(), 0.0, 1.0);
}

const SweepAxisScale& ParallelCoordinatesPlot::scaleOf(int axis) const
{
    return axis < int(m_data.scales.size()) ? m_data.scales[std::size_t(axis)] : m_data.metricScale;
}

double ParallelCoordinatesPlot::positionOnAxis(int run, int axis) const
{
    const SweepPlotRun& r = m_data.runs[std::size_t(run)];
    if (axis < int(m_data.keys.size()))
        return scaleOf(axis).position(r.values[std::size_t(axis)]);
    return r.hasMetric() ? m_data.metricScale.positionOfNumber(r.metric) : -1;
}

QPolygonF ParallelCoordinatesPlot::polyline(int run) const
{
    QPolygonF points;
    for (int axis = 0; axis < axisCount(); ++axis) {
        const double position = positionOnAxis(run, axis);
        if (position >= 0)
            points << QPointF(axisX(axis), yOfPosition(position));
    }
    return points;
}

int ParallelCoordinatesPlot::axisNear(double x) const
{
    for (int axis = 0; axis < axisCount(); ++axis)
        if (std::abs(x - axisX(axis)) <= kGrabDistance)
            return axis;
    return -1;
}

void ParallelCoordinatesPlot::setBrush(int axis, double low, double high)
{
    if (low > high)
        std::swap(low, high);
    m_brushes[axis] = {std::clamp(low, 0.0, 1.0), std::clamp(high, 0.0, 1.0)};
    update();
    Q_EMIT brushedRunsChanged(runsInBrushes());
}

void ParallelCoordinatesPlot::clearBrush(int axis)
{
    if (m_brushes.erase(axis) == 0)
        return;
    update();
    Q_EMIT brushedRunsChanged(runsInBrushes());
}

void ParallelCoordinatesPlot::clearBrushes()
{
    if (m_brushes.empty())
        return;
    m_brushes.clear();
    update();
    Q_EMIT brushedRunsChanged(runsInBrushes());
}

// A run without a value on a brushed axis (the metric of a run still training) is outside that brush.
std::set<int> ParallelCoordinatesPlot::runsInBrushes() const
{
    std::set<int> inside;
    for (int run = 0; run < int(m_data.runs.size()); ++run) {
        bool in = true;
        for (const auto& brush : m_brushes) {
            const double position = positionOnAxis(run, brush.first);
            in = in && position >= 0 && position >= brush.second.first - 1e-9 && position <= brush.second.second + 1e-9;
        }
        if (in)
            inside.insert(run);
    }
    return inside;
}

int ParallelCoordinatesPlot::runNear(QPointF point) const
{
    const std::set<int> shown = runsInBrushes();
    int nearest = -1;
    double best = kClickDistance;
    for (int run : shown) {
        const QPolygonF line = polyline(run);
        for (int i = 0; i + 1 < line.size(); ++i) {
            const double d = distanceToSegment(point, line[i], line[i + 1]);
            if (d <= best) {
                best = d;
                nearest = run;
            }
        }
    }
    return nearest;
}

void ParallelCoordinatesPlot::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressPoint = event->position();
    m_dragAxis = axisNear(m_pressPoint.x());
    m_dragStart = positionOfY(m_pressPoint.y());
    m_dragMoved = false;
}

void ParallelCoordinatesPlot::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragAxis < 0 || !(event->buttons() & Qt::LeftButton))
        return;
    const double position = positionOfY(event->position().y());
    if (std::abs(position - m_dragStart) < kMinBrush)
        return;
    m_dragMoved = true;
    setBrush(m_dragAxis, m_dragStart, position);
}

void ParallelCoordinatesPlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const int axis = m_dragAxis;
    m_dragAxis = -1;
    if (axis >= 0 && m_dragMoved)
        return;
    if (const int run = runNear(event->position()); run >= 0)
        Q_EMIT runClicked(run);
    else if (axis >= 0)
        clearBrush(axis);
}

QString ParallelCoordinatesPlot::axisTitle(int axis) const
{
    return axis < int(m_data.keys.size()) ? QString::fromStdString(m_data.keys[std::size_t(axis)])
                                          : tr("test %1").arg(m_data.metricName);
}

void ParallelCoordinatesPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_data.runs.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Start a sweep: each run becomes a line across its settings."));
        return;
    }
    drawBrushes(painter);
    drawRuns(painter);
    drawAxes(painter);
}

void ParallelCoordinatesPlot::drawAxes(QPainter& painter) const
{
    const QFontMetricsF metrics(font());
    for (int axis = 0; axis < axisCount(); ++axis) {
        const double x = axisX(axis);
        painter.setPen(QPen(palette().color(QPalette::Text), 1.2));
        painter.drawLine(QPointF(x, yOfPosition(0)), QPointF(x, yOfPosition(1)));
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        const QString title = axisTitle(axis);
        const double width = QFontMetricsF(bold).horizontalAdvance(title);
        painter.drawText(QPointF(x - width / 2, plotArea().top() - metrics.height()), title);
        painter.setFont(font());
        for (const auto& [position, label] : scaleOf(axis).ticks()) {
            const double y = yOfPosition(position);
            painter.drawLine(QPointF(x - 3, y), QPointF(x, y));
            const double w = metrics.horizontalAdvance(label);
            painter.drawText(QPointF(x - 6 - w, y + metrics.ascent() / 2 - 1), label);
        }
    }
}

// Unfinished runs in light grey under the finished ones; the best run, then the selected one, on top.
void ParallelCoordinatesPlot::drawRuns(QPainter& painter) const
{
    const std::set<int> shown = runsInBrushes();
    for (int run : shown)
        if (!m_data.runs[std::size_t(run)].hasMetric()) {
            painter.setPen(QPen(QColor(190, 190, 190), 1, Qt::DashLine));
            painter.drawPolyline(polyline(run));
        }
    for (int run : shown) {
        const SweepPlotRun& r = m_data.runs[std::size_t(run)];
        if (r.hasMetric() && run != m_data.best && run != m_data.selected) {
            painter.setPen(QPen(sweepMetricColour(m_data.metricScale.positionOfNumber(r.metric)), 1.6));
            painter.drawPolyline(polyline(run));
        }
    }
    if (m_data.best >= 0 && shown.count(m_data.best)) {
        painter.setPen(QPen(QColor(220, 50, 32), 3.2));
        painter.drawPolyline(polyline(m_data.best));
    }
    if (m_data.selected >= 0 && m_data.selected != m_data.best && shown.count(m_data.selected)) {
        painter.setPen(QPen(palette().color(QPalette::Text), 2.6));
        painter.drawPolyline(polyline(m_data.selected));
    }
}

void ParallelCoordinatesPlot::drawBrushes(QPainter& painter) const
{
    for (const auto& [axis, range] : m_brushes) {
        const QRectF band(QPointF(axisX(axis) - 7, yOfPosition(range.second)),
                          QPointF(axisX(axis) + 7, yOfPosition(range.first)));
        painter.fillRect(band, QColor(30, 120, 220, 70));
        painter.setPen(QPen(QColor(30, 120, 220), 1));
        painter.drawRect(band);
    }
}

} // namespace neurite::ui
