// The spray of point painting: while the left button drags, a few points land at random within a small
// disc around the cursor each time it has moved a little, from a seeded generator so that the same strokes
// give the same points.
#pragma once

#include <QPointF>

#include <cstdint>
#include <random>
#include <vector>

namespace neurite::ui {

class PlaneSpray {
public:
    static constexpr double kRadius = 14;     // widget pixels around the cursor
    static constexpr int kPointsPerBurst = 3; // points per burst
    static constexpr double kStep = 10;       // widget pixels the cursor moves between bursts: the rate limit

    explicit PlaneSpray(std::uint64_t seed = 1);

    // Restarts the generator.
    void reseed(std::uint64_t seed);
    // A drag starts at `pos` (the click there adds its own point).
    void start(const QPointF& pos);
    // The widget positions of a burst when the cursor has moved at least kStep since the last one (or the
    // start); nothing otherwise.
    std::vector<QPointF> moveTo(const QPointF& pos);

private:
    double uniform(); // [0, 1)

    std::mt19937_64 m_random;
    QPointF m_last;
};

} // namespace neurite::ui
