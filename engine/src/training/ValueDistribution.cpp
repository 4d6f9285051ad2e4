// Percentiles and a histogram of a tensor's values, for layer health's distribution charts.
#include "neurite/LayerHealth.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace neurite {

namespace {

// Puts the order statistics `ranks` (sorted, distinct) of values[lo, hi) in their places: the middle rank
// first, then each half's ranks within that half, so that each level of the split passes over the values once.
void selectRanks(std::vector<float>& values, const std::size_t* ranks, std::size_t count, std::size_t lo,
                 std::size_t hi)
{
    if (count == 0 || lo >= hi)
        return;
    const std::size_t middle = count / 2;
    const std::size_t k = ranks[middle];
    std::nth_element(values.begin() + long(lo), values.begin() + long(k), values.begin() + long(hi));
    selectRanks(values, ranks, middle, lo, k);
    selectRanks(values, ranks + middle + 1, count - middle - 1, k + 1, hi);
}

// numpy.percentile's "linear" method: between the order statistics just below and above each position, found
// by selection in place (a few passes over the values, not a sort).
void fillPercentiles(std::vector<float>& values, ValueDistribution& out)
{
    const std::size_t n = values.size();
    std::vector<std::size_t> ranks;
    for (double p : kHealthPercentiles) {
        const std::size_t below = std::min(n - 1, std::size_t(std::floor(p / 100.0 * double(n - 1))));
        ranks.push_back(below);
        ranks.push_back(std::min(n - 1, below + 1));
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    selectRanks(values, ranks.data(), ranks.size(), 0, n);
    for (std::size_t i = 0; i < kHealthPercentiles.size(); ++i) {
        const double position = kHealthPercentiles[i] / 100.0 * double(n - 1);
        const std::size_t below = std::min(n - 1, std::size_t(std::floor(position)));
        const double lower = values[below];
        const double upper = values[std::min(n - 1, below + 1)];
        out.percentiles[i] = float(lower + (upper - lower) * (position - double(below)));
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
