// A small, fast random generator for per-sample draws (SplitMix64), seeded from a tuple of counters so
// that every sample of every batch has its own stream, whatever thread draws it.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>

namespace neurite {

class SampleRandom {
public:
    // One stream per (seed, a, b, c): each part is mixed in turn, so nearby tuples give unrelated streams.
    SampleRandom(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c)
    {
        m_state = mix(seed ^ 0x6a09e667f3bcc908ull);
        m_state = mix(m_state ^ a);
        m_state = mix(m_state ^ b);
        m_state = mix(m_state ^ c);
    }

    std::uint64_t next()
    {
        m_state += 0x9e3779b97f4a7c15ull;
        return mix(m_state);
    }

    // Uniform in [0, 1) with 24 bits: the same value on every compiler and standard library.
    float unit() { return float(next() >> 40) * (1.0f / 16777216.0f); }
    // Uniform in [-range, range].
    float symmetric(float range) { return range * (2.0f * unit() - 1.0f); }
    bool coin() { return (next() >> 63) != 0; }

    // Standard normal by Box-Muller (our own, as std::normal_distribution differs between libraries).
    float normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = (double(next() >> 11) + 1.0) * 0x1.0p-53; // (0, 1]: log stays finite
        const double u2 = double(next() >> 11) * 0x1.0p-53;
        const double radius = std::sqrt(-2.0 * std::log(u1));
        m_spare = float(radius * std::sin(2.0 * std::numbers::pi * u2));
        m_hasSpare = true;
        return float(radius * std::cos(2.0 * std::numbers::pi * u2));
    }

private:
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state = 0;
    float m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace neurite
