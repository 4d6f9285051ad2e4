// One of a layer's health figures over the run as a line (see HealthLineChart.h).
#include "health/HealthLineChart.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

QString titleOf(HealthLineChart::Figure figure)
{
    switch (figure) {
    case HealthLineChart::Figure::GradientNorm: return HealthLineChart::tr("Gradient norm (log)");
    case HealthLineChart::Figure::UpdateRatio: return HealthLineChart::tr("Update / weights (log; healthy ~1e-3)");
    case HealthLineChart::Figure::DeadFraction: return HealthLineChart::tr("Dead ReLUs (share of units)");
    }
    return {};
}

} // namespace

HealthLineChart::HealthLineChart(Figure figure, QWidget* parent)
    : HealthChart(titleOf(figure), parent), m_figure(figure)
{
}

std::optional<double> HealthLineChart::valueOf(const LayerHealth& layer) const
{
    const double value = m_figure == Figure::GradientNorm  ? layer.gradientNorm
                         : m_figure == Figure::UpdateRatio ? layer.updateRatio
                                                           : layer.deadFraction;
    if (!std::isfinite(value))
        return std::nullopt;
    // Log charts show a zero at their floor.
    return m_figure == Figure::DeadFraction ? value : std::log10(std::max(value, 1e-12));
}

// The y range: 0 to 1 for the dead share; whole decades around the values (and the healthy band) on a log scale.
void HealthLineChart::range(double& low, double& high) const
{
    if (m_figure == Figure::DeadFraction) {
        low = 0;
        high = 1;
        return;
    }
    low = INFINITY;
    high = -INFINITY;
    for (std::size_t i = 0; i < series().samples->size(); ++i)
        if (const LayerHealth* h = series().at(i))
            if (const std::optional<double> v = valueOf(*h)) {
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
    if (m_figure == Figure::UpdateRatio) {
        low = std::min(low, std::log10(kHealthyLow));
        high = std::max(high, std::log10(kHealthyHigh));
    }
    low = std::floor(low);
    high = std::max(low + 1, std::ceil(high));
}

void HealthLineChart::paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const
{
    double low = 0, high = 1;
    range(low, high);
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    const bool log = m_figure != Figure::DeadFraction;
    top = log ? shortNumber(std::pow(10.0, high)) : QStringLiteral("1");
    bottom = log ? shortNumber(std::pow(10.0, low)) : QStringLiteral("0");
    const auto y = [&](double v) { return plot.bottom() - (v - low) / (high - low) * plot.height(); };
    if (m_figure == Figure::UpdateRatio) {
        const double bandTop = y(std::log10(kHealthyHigh)), bandBottom = y(std::log10(kHealthyLow));
        painter.fillRect(QRectF(plot.left(), bandTop, plot.width(), bandBottom - bandTop),
                         QColor(0x3c, 0xa0, 0x5a, 45));
    }
    QPolygonF line;
    for (std::size_t i = 0; i < series().samples->size(); ++i)
        if (const LayerHealth* h = series().at(i))
            if (const std::optional<double> v = valueOf(*h))
                line << QPointF(series().xOf(double((*series().samples)[i].step), plot), y(*v));
    // Width 1: drawn by Qt's fast cosmetic stroker (a wider line is stroked and filled, ~30 times the cost).
    painter.setPen(QPen(QColor(0x3c, 0x48, 0x5a), 1.0));
    painter.drawPolyline(line);
    if (line.size() == 1)
        painter.drawEllipse(line.front(), 2, 2);
}

} // namespace neurite::ui
