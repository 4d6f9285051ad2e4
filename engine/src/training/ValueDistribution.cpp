// Percentiles and a histogram of a tensor's values, for layer health's distribution charts.
#include "neurite/LayerHealth.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace neurite {

namespace {

// numpy.percentile's "linear" method on values partially ordered in place: each rank is found with
// nth_element in what is left above the previous one, so the nine ranks cost about one pass each, not a sort.
void fillPercentiles(std::vector<float>& values, ValueDistribution& out)
{
    const std::size_t n = values.size();
    std::size_t from = 0;
    for (std::size_t i = 0; i < kHealthPercentiles.size(); ++i) {
        const double position = kHealthPercentiles[i] / 100.0 * double(n - 1);
        const std::size_t below = std::min(n - 1, std::size_t(std::floor(position)));
        std::nth_element(values.begin() + long(from), values.begin() + long(below), values.end());
        const double lower = values[below];
        double upper = lower;
        if (below + 1 < n && position > double(below))
            upper = *std::min_element(values.begin() + long(below) + 1, values.end());
        out.percentiles[i] = float(lower + (upper - lower) * (position - double(below)));
        from = below;
    }
}

// Equal bins from the lowest to the highest value; the highest value belongs to the last bin. All values equal:
// every value in the middle bin.
void fillHistogram(const float* values, std::size_t count, float low, float high, ValueDistribution& out)
{
    out.histogram.assign(kHealthHistogramBins, 0);
    const double width = double(high) - double(low);
    for (std::size_t i = 0; i < count; ++i) {
        int bin = kHealthHistogramBins / 2;
        if (width > 0)
            bin = std::min(kHealthHistogramBins - 1,
                           int((double(values[i]) - double(low)) / width * kHealthHistogramBins));
        ++out.histogram[std::size_t(bin)];
    }
}

} // namespace

ValueDistribution describeValues(const float* values, std::size_t count)
{
    ValueDistribution out;
    if (count == 0)
        return out;
    thread_local std::vector<float> scratch; // reused: collecting allocates only when a layer grows
    scratch.assign(values, values + count);
    fillPercentiles(scratch, out);
    fillHistogram(values, count, out.low(), out.high(), out);
    return out;
}

bool LayerHealth::operator==(const LayerHealth& other) const
{
    // NaN (no ReLU) equals NaN here: a round trip of a sample must compare equal.
    const bool sameDead = (std::isnan(deadFraction) && std::isnan(other.deadFraction)) ||
                          deadFraction == other.deadFraction;
    return layerId == other.layerId && weights == other.weights && gradients == other.gradients &&
           weightNorm == other.weightNorm && gradientNorm == other.gradientNorm && updateRatio == other.updateRatio &&
           sameDead;
}

void thinHealthSamples(std::vector<HealthSample>& samples)
{
    if (samples.size() < 3)
        return;
    std::vector<HealthSample> kept;
    kept.reserve(samples.size() / 2 + 2);
    for (std::size_t i = 0; i + 1 < samples.size(); i += 2)
        kept.push_back(std::move(samples[i]));
    kept.push_back(std::move(samples.back()));
    samples = std::move(kept);
}

} // namespace neurite
