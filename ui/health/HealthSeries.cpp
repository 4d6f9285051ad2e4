// What the layer health charts draw from (see HealthSeries.h).
#include "health/HealthSeries.h"

namespace neurite::ui {

const LayerHealth* HealthSeries::at(std::size_t sample) const
{
    if (empty() || sample >= samples->size())
        return nullptr;
    const std::vector<LayerHealth>& layers = (*samples)[sample].layers;
    return std::size_t(layer) < layers.size() ? &layers[std::size_t(layer)] : nullptr;
}

double HealthSeries::firstStep() const
{
    return empty() ? 0.0 : double(samples->front().step);
}

double HealthSeries::lastStep() const
{
    return empty() ? 1.0 : double(samples->back().step);
}

double HealthSeries::xOf(double step, const QRectF& plot) const
{
    const double span = lastStep() - firstStep();
    if (span <= 0)
        return plot.right();
    return plot.left() + (step - firstStep()) / span * plot.width();
}

} // namespace neurite::ui
