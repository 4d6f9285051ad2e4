// Seeded spraying of painted points.
#include "playground/PlaneSpray.h"

#include <cmath>
#include <numbers>

namespace neurite::ui {

PlaneSpray::PlaneSpray(std::uint64_t seed) : m_random(seed) {}

void PlaneSpray::reseed(std::uint64_t seed)
{
    m_random.seed(seed);
}

void PlaneSpray::start(const QPointF& pos)
{
    m_last = pos;
}

// The top 53 bits of the generator, written out so that a seed gives the same points with any library.
double PlaneSpray::uniform()
{
    return double(m_random() >> 11) * 0x1.0p-53;
}

std::vector<QPointF> PlaneSpray::moveTo(const QPointF& pos)
{
    const QPointF moved = pos - m_last;
    if (std::hypot(moved.x(), moved.y()) < kStep)
        return {};
    m_last = pos;
    std::vector<QPointF> burst;
    burst.reserve(kPointsPerBurst);
    for (int i = 0; i < kPointsPerBurst; ++i) {
        // Uniform over the disc: the radius goes with the square root of a uniform number.
        const double radius = kRadius * std::sqrt(uniform());
        const double angle = 2 * std::numbers::pi * uniform();
        burst.emplace_back(pos.x() + radius * std::cos(angle), pos.y() + radius * std::sin(angle));
    }
    return burst;
}

} // namespace neurite::ui
