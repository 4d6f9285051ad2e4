// The table of normal quantiles behind SampleRandom::normal().
#include "data/SampleRandom.h"

#include <cmath>

namespace neurite {

namespace {

// The x with Phi(x) = p, by bisection on Phi(x) = erfc(-x / sqrt 2) / 2 in double (to about 1e-12).
double normalQuantile(double p)
{
    double low = -10.0, high = 10.0;
    for (int i = 0; i < 64; ++i) {
        const double middle = 0.5 * (low + high);
        (0.5 * std::erfc(-middle / std::sqrt(2.0)) < p ? low : high) = middle;
    }
    return 0.5 * (low + high);
}

} // namespace

const std::array<float, SampleRandom::kNormalLevels>& SampleRandom::normalQuantiles()
{
    // Computed once, on first use (a few milliseconds); C++ makes the initialisation thread-safe.
    static const std::array<float, kNormalLevels> table = [] {
        std::array<float, kNormalLevels> quantiles{};
        for (std::size_t i = 0; i < kNormalLevels; ++i)
            quantiles[i] = float(normalQuantile((double(i) + 0.5) / double(kNormalLevels)));
        return quantiles;
    }();
    return table;
}

} // namespace neurite
