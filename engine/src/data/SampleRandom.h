// A small, fast random generator for per-sample draws (SplitMix64), seeded from a tuple of counters so
// that every sample of every batch has its own stream, whatever thread draws it.
#pragma once

#include <array>
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

    // A standard normal value, as one of 4096 equally likely levels: the normal's quantiles at the
    // midpoints of 4096 equal-probability cells (so the tails stop at 3.7 standard deviations). Five come
    // from each 64-bit draw: Box-Muller's logarithm and sine per value cost more than the rest of a
    // sample's augmentation.
    float normal()
    {
        if (m_bitsLeft < kNormalBits) {
            m_bits = next();
            m_bitsLeft = 64;
        }
        const float value = normalQuantiles()[m_bits & (kNormalLevels - 1)];
        m_bits >>= kNormalBits;
        m_bitsLeft -= kNormalBits;
        return value;
    }

    static constexpr int kNormalBits = 12;
    static constexpr std::uint64_t kNormalLevels = std::uint64_t(1) << kNormalBits;
    static const std::array<float, kNormalLevels>& normalQuantiles();

private:
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state = 0;
    std::uint64_t m_bits = 0; // unused bits of the last draw for normal()
    int m_bitsLeft = 0;
};

} // namespace neurite
