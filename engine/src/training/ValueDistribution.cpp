// Percentiles and a histogram of a tensor's values, for layer health's distribution charts.
#include "neurite/LayerHealth.h"

#include <Eigen/Core>

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

// The order statistics `ranks` (sorted, distinct) of values[0, n), by counting: one pass finds the range, one
// counts the values into kBuckets equal buckets, one gathers the values of the few buckets that hold a wanted
// rank, and only those are selected exactly. A tensor of 100,000 weights costs three linear passes instead of
// nth_element's repeated partitioning of all of it, and the same values come out. `ordered` receives, for each
// rank, its value.
constexpr std::size_t kBuckets = 4096;

bool rankByCounting(const float* values, std::size_t n, const std::vector<std::size_t>& ranks,
                    std::vector<float>& ordered)
{
    const Eigen::Map<const Eigen::ArrayXf> all(values, Eigen::Index(n)); // vectorised passes
    if (!all.allFinite())
        return false; // NaN or infinity: no buckets to count into (the caller selects directly)
    const float low = all.minCoeff(), high = all.maxCoeff();
    ordered.assign(ranks.size(), low);
    if (!(high > low))
        return true; // all equal
    // Monotone in v (rounding is), so buckets keep the values' order; both passes below use this one function.
    // In double: a float scale overflows when all values lie within a few denormals of each other.
    const double scale = double(kBuckets) / (double(high) - double(low));
    const auto bucketOf = [low, scale](float v) {
        return std::min(kBuckets - 1, std::size_t((double(v) - double(low)) * scale));
    };
    thread_local std::vector<std::size_t> start; // start[b] = values in buckets before b
    start.assign(kBuckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++start[bucketOf(values[i]) + 1];
    for (std::size_t b = 0; b < kBuckets; ++b)
        start[b + 1] += start[b];
    // Where each wanted bucket's values go in `gathered` (-1: not wanted).
    thread_local std::vector<long> slot;
    slot.assign(kBuckets, -1);
    std::vector<std::size_t> bucketOfRank(ranks.size());
    std::size_t gatheredCount = 0;
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        const std::size_t b = std::size_t(std::upper_bound(start.begin(), start.end(), ranks[r]) - start.begin()) - 1;
        bucketOfRank[r] = b;
        if (slot[b] < 0) {
            slot[b] = long(gatheredCount);
            gatheredCount += start[b + 1] - start[b];
        }
    }
    thread_local std::vector<float> gathered;
    gathered.resize(gatheredCount);
    thread_local std::vector<std::size_t> filled;
    filled.assign(kBuckets, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t b = bucketOf(values[i]);
        if (slot[b] >= 0)
            gathered[std::size_t(slot[b]) + filled[b]++] = values[i];
    }
    // Within a bucket, a rank's place is its rank less the values of the buckets below.
    std::vector<std::size_t> localRanks;
    for (std::size_t r = 0; r < ranks.size();) {
        const std::size_t b = bucketOfRank[r], offset = std::size_t(slot[b]);
        localRanks.clear();
        std::size_t end = r;
        for (; end < ranks.size() && bucketOfRank[end] == b; ++end)
            localRanks.push_back(offset + ranks[end] - start[b]);
        selectRanks(gathered, localRanks.data(), localRanks.size(), offset, offset + start[b + 1] - start[b]);
        for (std::size_t k = r; k < end; ++k)
            ordered[k] = gathered[localRanks[k - r]];
        r = end;
    }
    return true;
}

// numpy.percentile's "linear" method: between the order statistics just below and above each position, found
// by counting (or, for values with NaN or infinities, by selection in place: a few passes, not a sort).
void fillPercentiles(const float* values, std::size_t n, ValueDistribution& out)
{
    std::vector<std::size_t> ranks;
    for (double p : kHealthPercentiles) {
        const std::size_t below = std::min(n - 1, std::size_t(std::floor(p / 100.0 * double(n - 1))));
        ranks.push_back(below);
        ranks.push_back(std::min(n - 1, below + 1));
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    std::vector<float> ordered;
    if (!rankByCounting(values, n, ranks, ordered)) {
        thread_local std::vector<float> scratch; // reused: collecting allocates only when a layer grows
        scratch.assign(values, values + n);
        selectRanks(scratch, ranks.data(), ranks.size(), 0, n);
        ordered.clear();
        for (std::size_t rank : ranks)
            ordered.push_back(scratch[rank]);
    }
    const auto valueAt = [&](std::size_t rank) {
        return double(ordered[std::size_t(std::lower_bound(ranks.begin(), ranks.end(), rank) - ranks.begin())]);
    };
    for (std::size_t i = 0; i < kHealthPercentiles.size(); ++i) {
        const double position = kHealthPercentiles[i] / 100.0 * double(n - 1);
        const std::size_t below = std::min(n - 1, std::size_t(std::floor(position)));
        const double lower = valueAt(below);
        const double upper = valueAt(std::min(n - 1, below + 1));
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
    fillPercentiles(values, count, out);
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
