// A small, fast random generator for per-sample draws (SplitMix64), seeded from a tuple of counters so
// that every sample of every batch has its own stream, whatever thread draws it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

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

    // A standard normal value for (key, index), as one of 4096 equally likely levels: the normal's
    // quantiles at the midpoints of 4096 equal-probability cells (so the tails stop at 3.7 standard
    // deviations), picked by a hash of the index. Drawn this way, a sample's noise is a loop the compiler
    // vectorises; Box-Muller's logarithm and sine per value cost more than the rest of the augmentation.
    static float normalAt(const float* quantiles, std::uint32_t key, std::uint32_t index)
    {
        std::uint32_t h = key + index * 0x9e3779b9u; // murmur3's finaliser of a Weyl sequence
        h = (h ^ (h >> 16)) * 0x85ebca6bu;
        h = (h ^ (h >> 13)) * 0xc2b2ae35u;
        h ^= h >> 16;
        return quantiles[h >> (32 - kNormalBits)];
    }

    static constexpr int kNormalBits = 12;
    static constexpr std::size_t kNormalLevels = std::size_t(1) << kNormalBits;
    static const std::array<float, kNormalLevels>& normalQuantiles();

private:
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state = 0;
};

} // namespace neurite
