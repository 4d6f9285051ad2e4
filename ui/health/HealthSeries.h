// What the layer health charts draw from: the run's samples and which layer of them a chart shows.
#pragma once

#include <neurite/LayerHealth.h>

#include <QRectF>

#include <functional>
#include <vector>

namespace neurite::ui {

// A view of one layer's values in the samples that the LayerHealthView owns (it outlives its charts).
struct HealthSeries {
    const std::vector<HealthSample>* samples = nullptr;
    int layer = -1; // index into each sample's layers

    bool empty() const { return !samples || samples->empty() || layer < 0; }
    const LayerHealth* at(std::size_t sample) const;
    // The steps the samples span (first, last), for the x axis.
    double firstStep() const;
    double lastStep() const;
    // x of `step` inside `plot`.
    double xOf(double step, const QRectF& plot) const;
};

} // namespace neurite::ui
