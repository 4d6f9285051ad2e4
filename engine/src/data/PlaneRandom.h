// The random numbers of the generated two-dimensional data sets: std::mt19937_64 (its output is fixed by
// the C++ standard) with the uniform and normal transforms written out, because the standard library's
// distributions differ between implementations and a seed must give the same points everywhere.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace neurite {

class PlaneRandom {
public:
    explicit PlaneRandom(std::uint64_t seed) : m_engine(seed) {}

    // Uniform in [0, 1): the top 53 bits of one draw, so every double the interval can hold is as likely.
    double unit() { return double(m_engine() >> 11) * 0x1.0p-53; }
    // Uniform in [low, high), as Playground's randUniform.
    double uniform(double low, double high) { return low + (high - low) * unit(); }
    // A normal value by Box-Muller (two draws per value; 1 - u keeps the logarithm's argument above 0).
    double normal(double mean, double deviation)
    {
        const double radius = std::sqrt(-2.0 * std::log(1.0 - unit()));
        return mean + deviation * radius * std::cos(2.0 * std::numbers::pi * unit());
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace neurite
