// One point of a two-dimensional data set, generated or painted: where it lies on the plane and its class or
// value.
#pragma once

namespace neurite {

// Generated classes are Playground's labels, -1 and 1 (blobs: 0 .. classes - 1); a painted point's class is
// an index into its set's class names (0 to 7). Regression values are numbers (about [-1, 1] when generated).
struct PlanePoint {
    double x1 = 0;
    double x2 = 0;
    double target = 0;
    bool operator==(const PlanePoint&) const = default;
};

} // namespace neurite
