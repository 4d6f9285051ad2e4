// The generated two-dimensional shapes. Random numbers are drawn in a fixed order per point (position,
// then noise), so that a seed always gives the same points.
#include "data/PlaneShapes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace neurite {

namespace {

constexpr double kCircleRadius = 5; // Playground: inner disc to half of it, outer ring from 0.7 of it
constexpr double kXorHalfWidth = 5; // Playground: uniform in [-5, 5], then pushed 0.3 away from the axes
constexpr double kXorPadding = 0.3;
constexpr double kSpiralRadius = 5;
constexpr double kSpiralTurns = 1.75;
constexpr double kBlobCircle = 3.5; // blobs' centres: far enough apart for 5 classes at noise 0
constexpr double kMaxPlaygroundNoise = 0.5;

// Playground's variance for the Gaussian sets: 0.5 at noise 0 rising linearly to 4 at noise 0.5.
double blobDeviation(double noise)
{
    return std::sqrt(0.5 + (4.0 - 0.5) * noise / kMaxPlaygroundNoise);
}

// A normal point around (cx, cy), drawn again while outside the square so that every point is on the plane
// Playground draws (a truncated Gaussian; at noise 0 a redraw is rarer than one in ten million).
PlanePoint gaussianPoint(double cx, double cy, double deviation, double target, PlaneRandom& random)
{
    for (;;) {
        const double x1 = random.normal(cx, deviation);
        const double x2 = random.normal(cy, deviation);
        if (std::abs(x1) <= kPlaneExtent && std::abs(x2) <= kPlaneExtent)
            return {x1, x2, target};
    }
}

// A coordinate of xor: uniform in [-5, 5], pushed 0.3 away from 0 so that the quadrants stand apart.
double xorCoordinate(PlaneRandom& random)
{
    const double value = random.uniform(-kXorHalfWidth, kXorHalfWidth);
    return value + (value > 0 ? kXorPadding : -kXorPadding);
}

double xorLabel(double x1, double x2)
{
    return x1 * x2 >= 0 ? 1 : -1;
}

// Points uniform over the square, valued by `value` at the point moved by up to 6 * noise on each axis.
template <class Value>
std::vector<PlanePoint> valuedPoints(const PlaneDataOptions& options, PlaneRandom& random, Value value)
{
    std::vector<PlanePoint> points;
    points.reserve(std::size_t(options.points));
    for (int i = 0; i < options.points; ++i) {
        const double x1 = random.uniform(-kPlaneExtent, kPlaneExtent);
        const double x2 = random.uniform(-kPlaneExtent, kPlaneExtent);
        const double noise1 = random.uniform(-kPlaneExtent, kPlaneExtent) * options.noise;
        const double noise2 = random.uniform(-kPlaneExtent, kPlaneExtent) * options.noise;
        points.push_back({x1, x2, value(x1 + noise1, x2 + noise2)});
    }
    return points;
}

} // namespace

int classShare(int points, int classes, int index)
{
    return points / classes + (index < points % classes ? 1 : 0);
}

std::vector<PlanePoint> circlePoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    std::vector<PlanePoint> points;
    const auto ring = [&](double inner, double outer, int count) {
        for (int i = 0; i < count; ++i) {
            const double r = random.uniform(inner, outer);
            const double angle = random.uniform(0, 2 * std::numbers::pi);
            const double x1 = r * std::sin(angle), x2 = r * std::cos(angle);
            const double noise1 = random.uniform(-kCircleRadius, kCircleRadius) * options.noise;
            const double noise2 = random.uniform(-kCircleRadius, kCircleRadius) * options.noise;
            const bool inside = std::hypot(x1 + noise1, x2 + noise2) < kCircleRadius * 0.5;
            points.push_back({x1, x2, inside ? 1.0 : -1.0});
        }
    };
    ring(0, kCircleRadius * 0.5, classShare(options.points, 2, 0));
    ring(kCircleRadius * 0.7, kCircleRadius, classShare(options.points, 2, 1));
    return points;
}

std::vector<PlanePoint> xorPoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    std::vector<PlanePoint> points;
    const int same = classShare(options.points, 2, 0);
    for (int i = 0; i < options.points; ++i) {
        const double x1 = xorCoordinate(random);
        double x2 = xorCoordinate(random);
        // Playground labels uniform points by their quadrant; choosing the quadrant pair by the index (and
        // mirroring x2 into it) keeps that distribution within each class while the classes stay half each.
        const double wanted = i < same ? 1 : -1;
        if (xorLabel(x1, x2) != wanted)
            x2 = -x2;
        const double noise1 = random.uniform(-kXorHalfWidth, kXorHalfWidth) * options.noise;
        const double noise2 = random.uniform(-kXorHalfWidth, kXorHalfWidth) * options.noise;
        points.push_back({x1, x2, xorLabel(x1 + noise1, x2 + noise2)});
    }
    return points;
}

std::vector<PlanePoint> gaussPoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    const double deviation = blobDeviation(options.noise);
    std::vector<PlanePoint> points;
    for (int i = 0; i < classShare(options.points, 2, 0); ++i)
        points.push_back(gaussianPoint(2, 2, deviation, 1, random));
    for (int i = 0; i < classShare(options.points, 2, 1); ++i)
        points.push_back(gaussianPoint(-2, -2, deviation, -1, random));
    return points;
}

std::vector<PlanePoint> spiralPoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    std::vector<PlanePoint> points;
    const auto spiral = [&](double turn, double label, int count) {
        for (int i = 0; i < count; ++i) {
            const double along = double(i) / count; // 0 at the centre, towards 1 at the outer end
            const double r = along * kSpiralRadius;
            const double t = kSpiralTurns * along * 2 * std::numbers::pi + turn;
            const double x1 = r * std::sin(t) + random.uniform(-1, 1) * options.noise;
            const double x2 = r * std::cos(t) + random.uniform(-1, 1) * options.noise;
            points.push_back({x1, x2, label});
        }
    };
    spiral(0, 1, classShare(options.points, 2, 0));
    spiral(std::numbers::pi, -1, classShare(options.points, 2, 1));
    return points;
}

std::vector<PlanePoint> blobPoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    const double deviation = blobDeviation(options.noise);
    std::vector<PlanePoint> points;
    for (int c = 0; c < options.classes; ++c) {
        const double angle = std::numbers::pi / 2 + 2 * std::numbers::pi * c / options.classes;
        const double cx = kBlobCircle * std::cos(angle), cy = kBlobCircle * std::sin(angle);
        for (int i = 0; i < classShare(options.points, options.classes, c); ++i)
            points.push_back(gaussianPoint(cx, cy, deviation, double(c), random));
    }
    return points;
}

std::vector<PlanePoint> planePoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    // Playground maps x1 + x2 from [-10, 10] onto [-1, 1] (without clamping).
    return valuedPoints(options, random, [](double x1, double x2) { return (x1 + x2) / 10; });
}

double gaussRegressionValue(double x1, double x2)
{
    struct Bump {
        double cx, cy, sign;
    };
    constexpr std::array<Bump, 6> kBumps = {
        {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}}};
    double value = 0;
    for (const Bump& bump : kBumps) {
        // Playground's scale: distance 0 gives 1, distance 2 and beyond 0.
        const double height = std::clamp(1 - std::hypot(x1 - bump.cx, x2 - bump.cy) / 2, 0.0, 1.0);
        if (height > std::abs(value))
            value = bump.sign * height;
    }
    return value;
}

std::vector<PlanePoint> gaussRegressionPoints(const PlaneDataOptions& options, PlaneRandom& random)
{
    return valuedPoints(options, random, gaussRegressionValue);
}

} // namespace neurite
