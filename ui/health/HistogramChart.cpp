// The newest sample's histogram of a layer's weights or gradients (see HistogramChart.h).
#include "health/HistogramChart.h"

#include <QPainter>

#include <algorithm>

namespace neurite::ui {

HistogramChart::HistogramChart(DistributionChart::Values values, QWidget* parent)
    : HealthChart(values == DistributionChart::Values::Weights ? tr("Weights now (histogram)")
                                                               : tr("Gradients now (histogram)"),
                  parent),
      m_values(values)
{
}

// The bars span the plot's width, which stands for [lowest, highest]; the labels on the left give that range.
void HistogramChart::paintPlot(QPainter& painter, const QRectF& plot, QString& top, QString& bottom) const
{
    const LayerHealth* h = series().at(series().samples->size() - 1);
    if (!h)
        return;
    const ValueDistribution& d = m_values == DistributionChart::Values::Weights ? h->weights : h->gradients;
    if (d.histogram.empty())
        return;
    const std::int32_t most = *std::max_element(d.histogram.begin(), d.histogram.end());
    top = shortNumber(d.high());
    bottom = shortNumber(d.low());
    const double width = plot.width() / double(d.histogram.size());
    const QColor colour = m_values == DistributionChart::Values::Weights ? QColor(0xe8, 0x6a, 0x1a)
                                                                         : QColor(0x2f, 0x74, 0xc0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    for (std::size_t i = 0; i < d.histogram.size(); ++i) {
        const double barHeight = most > 0 ? double(d.histogram[i]) / double(most) * plot.height() : 0;
        painter.drawRect(
            QRectF(plot.left() + double(i) * width + 0.5, plot.bottom() - barHeight, width - 1, barHeight));
    }
}

} // namespace neurite::ui
