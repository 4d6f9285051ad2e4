// The user's own two-dimensional points, the data set named "painted": painted in the Train tab or read from
// a CSV file, saved in the project's settings, and loaded as a table like the generated sets.
#pragma once

#include "neurite/PlanePoint.h"

#include <cstddef>
#include <string>
#include <vector>

namespace neurite {

constexpr int kMaxPaintedClasses = 8;
constexpr std::size_t kMaxPaintedPoints = 100000;
// Fewest points that can be split into training and test points.
constexpr std::size_t kMinPaintedPoints = 4;
constexpr std::size_t kMaxClassNameBytes = 64;

struct PaintedPoints {
    // Each point's target is a class index (0 to kMaxPaintedClasses - 1) or, for a regression, its value.
    std::vector<PlanePoint> points;
    // The classes' names by index; a class without one here is named paintedClassName(index). Classes
    // without points are left out of the data set.
    std::vector<std::string> classes;
    bool regression = false;
    bool operator==(const PaintedPoints&) const = default;
};

// "class 1" for index 0, "class 2" for index 1, ...
std::string paintedClassName(int index);
// The name of every class up to the highest one used or named: the given names, then paintedClassName.
std::vector<std::string> paintedClassNames(const PaintedPoints& painted);

// What any set of points must be (finite coordinates and values, class indices 0 to 7, at most 100,000
// points, at most 8 distinct well-formed class names); throws NeuriteError naming the point or class.
void checkPaintedPoints(const PaintedPoints& painted);
// What a set needs to be trained on, on top of checkPaintedPoints: at least kMinPaintedPoints points, two
// classes with points and no class of a single point, or values that are not all the same.
void checkPaintedPointsTrainable(const PaintedPoints& painted);

} // namespace neurite
