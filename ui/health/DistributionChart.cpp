// TensorBoard's distribution chart of a layer's weights or gradients over the run (see DistributionChart.h).
#include "health/DistributionChart.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

DistributionChart::DistributionChart(Values values, QWidget* parent)
    : HealthChart(values == Values::Weights ? tr("Weights (percentiles over steps)")
                                            : tr("Gradients (percentiles over steps)"),
                  parent),
      m_values(values)
{
}

const ValueDistribution& DistributionChart::distribution(const LayerHealth& layer) const
{
    return m_values == Values::Weights ? layer.weights : layer.gradients;
}

void DistributionChart::paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const
{
    const HealthSeries& s = series();
    double low = INFINITY, high = -INFINITY;
    for (std::size_t i = 0; i < s.samples->size(); ++i)
        if (const LayerHealth* h = s.at(i);
            h && std::isfinite(distribution(*h).low()) && std::isfinite(distribution(*h).high())) {
            low = std::min(low, double(distribution(*h).low()));
            high = std::max(high, double(distribution(*h).high()));
        }
    if (!(high >= low))
        return;
    if (high == low)
        high = low + 1e-12;
    top = shortNumber(high);
    bottom = shortNumber(low);
    const auto y = [&](float v) { return plot.bottom() - (double(v) - low) / (high - low) * plot.height(); };
    const QColor base = m_values == Values::Weights ? QColor(0xe8, 0x6a, 0x1a) : QColor(0x2f, 0x74, 0xc0);
    constexpr std::size_t kLast = kHealthPercentiles.size() - 1;
    // Outer band first, each inner one drawn over it.
    for (std::size_t band = 0; band < kLast / 2; ++band) {
        QPolygonF shape;
        for (std::size_t i = 0; i < s.samples->size(); ++i)
            if (const LayerHealth* h = s.at(i))
                shape << QPointF(s.xOf(double((*s.samples)[i].step), plot), y(distribution(*h).percentiles[band]));
        for (std::size_t i = s.samples->size(); i-- > 0;)
            if (const LayerHealth* h = s.at(i))
                shape << QPointF(s.xOf(double((*s.samples)[i].step), plot),
                                 y(distribution(*h).percentiles[kLast - band]));
        QColor fill = base;
        fill.setAlpha(50 + int(band) * 40);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPolygon(shape);
    }
    QPolygonF median;
    for (std::size_t i = 0; i < s.samples->size(); ++i)
        if (const LayerHealth* h = s.at(i))
            median << QPointF(s.xOf(double((*s.samples)[i].step), plot), y(distribution(*h).percentiles[kLast / 2]));
    // Width 1: Qt's raster engine draws such a line with its fast cosmetic stroker; a wider one is stroked into
    // a polygon and filled, about 30 times the cost for 512 points, at every repaint of the Layers view.
    painter.setPen(QPen(base.darker(140), 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(median);
}

} // namespace neurite::ui
