// Drawing the sweep's scatter of a swept value against the metric (see SweepScatterPlot.h).
#include "sweep/SweepScatterPlot.h"

#include "sweep/SweepMetricColour.h"

#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace neurite::ui {

namespace {

constexpr double kMarginLeft = 80; // the metric's labels, and its title turned upright beside them
constexpr double kMarginRight = 24;
constexpr double kMarginTop = 16;
constexpr double kMarginBottom = 44;
constexpr double kEdge = 0.06; // values keep this share of the width from the ends (dots are not cut)
constexpr double kDotRadius = 5;

} // namespace

SweepScatterPlot::SweepScatterPlot(QWidget* parent) : QWidget(parent)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void SweepScatterPlot::setData(const SweepPlotData& data)
{
    if (data.keys != m_data.keys)
        m_key = 0;
    m_data = data;
    update();
}

void SweepScatterPlot::setKey(int key)
{
    m_key = key;
    update();
}

void SweepScatterPlot::setShownRuns(const std::set<int>& runs)
{
    m_shown = runs;
    m_showAll = false;
    update();
}

QRectF SweepScatterPlot::plotArea() const
{
    return QRectF(rect()).adjusted(kMarginLeft, kMarginTop, -kMarginRight, -kMarginBottom);
}

QPointF SweepScatterPlot::pointOf(int run) const
{
    if (m_key < 0 || m_key >= int(m_data.keys.size()))
        return {};
    const SweepPlotRun& r = m_data.runs[std::size_t(run)];
    const double x = m_data.scales[std::size_t(m_key)].position(r.values[std::size_t(m_key)]);
    if (!r.hasMetric() || x < 0)
        return {};
    const QRectF area = plotArea();
    const double across = kEdge + (1 - 2 * kEdge) * x;
    return {area.left() + across * area.width(),
            area.bottom() - m_data.metricScale.positionOfNumber(r.metric) * area.height()};
}

void SweepScatterPlot::mouseReleaseEvent(QMouseEvent* event)
{
    int nearest = -1;
    double best = kDotRadius + 3;
    for (int run = 0; run < int(m_data.runs.size()); ++run) {
        const QPointF p = pointOf(run);
        if (p.isNull() || (!m_showAll && !m_shown.count(run)))
            continue;
        const double d = std::hypot(p.x() - event->position().x(), p.y() - event->position().y());
        if (d <= best) {
            best = d;
            nearest = run;
        }
    }
    if (nearest >= 0)
        Q_EMIT runClicked(nearest);
}

void SweepScatterPlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_key < 0 || m_key >= int(m_data.keys.size())) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Start a sweep: each finished run becomes a dot."));
        return;
    }
    drawAxes(painter);
    drawDots(painter);
}

void SweepScatterPlot::drawAxes(QPainter& painter) const
{
    const QRectF area = plotArea();
    const QFontMetricsF metrics(font());
    painter.setPen(QPen(palette().color(QPalette::Text), 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());
    for (const auto& [position, label] : m_data.scales[std::size_t(m_key)].ticks()) {
        const double x = area.left() + (kEdge + (1 - 2 * kEdge) * position) * area.width();
        painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4));
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, area.bottom() + 6 + metrics.ascent()),
                         label);
    }
    for (const auto& [position, label] : m_data.metricScale.ticks()) {
        const double y = area.bottom() - position * area.height();
        painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y));
        painter.drawText(QPointF(area.left() - 8 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1),
                         label);
    }
    const QString across = QString::fromStdString(m_data.keys[std::size_t(m_key)]);
    painter.drawText(QPointF(area.center().x() - metrics.horizontalAdvance(across) / 2, height() - 6), across);
    painter.save();
    painter.translate(metrics.ascent() + 2, area.center().y());
    painter.rotate(-90);
    const QString up = tr("test %1").arg(m_data.metricName);
    painter.drawText(QPointF(-metrics.horizontalAdvance(up) / 2, 0), up);
    painter.restore();
}

void SweepScatterPlot::drawDots(QPainter& painter) const
{
    for (int run = 0; run < int(m_data.runs.size()); ++run) {
        const QPointF p = pointOf(run);
        if (p.isNull() || (!m_showAll && !m_shown.count(run)))
            continue;
        const double t = m_data.metricScale.positionOfNumber(m_data.runs[std::size_t(run)].metric);
        painter.setPen(QPen(QColor(60, 60, 60), 0.8));
        painter.setBrush(sweepMetricColour(t));
        painter.drawEllipse(p, kDotRadius, kDotRadius);
        if (run == m_data.best || run == m_data.selected) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(run == m_data.best ? QColor(220, 50, 32) : palette().color(QPalette::Text), 2.4));
            painter.drawEllipse(p, kDotRadius + 4, kDotRadius + 4);
        }
    }
}

} // namespace neurite::ui
