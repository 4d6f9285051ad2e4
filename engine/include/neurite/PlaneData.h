// Named two-dimensional data sets generated from a seed, after TensorFlow Playground's: points (x1, x2) in
// the square [-6, 6]² with a class (circle, xor, gauss, spiral, blobs) or a value (plane, gauss-regression),
// and the user's own points ("painted"). They load as built-in tables (a column per chosen input feature,
// then the target), so training, eval and export treat them as any table.
#pragma once

#include "neurite/PaintedPoints.h"
#include "neurite/PlaneFeatures.h"
#include "neurite/PlanePoint.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// Every generated point lies within [-kPlaneExtent, kPlaneExtent] on both axes.
constexpr double kPlaneExtent = 6.0;

struct PlaneDataOptions {
    int points = 500;       // 2 to 100,000
    double noise = 0;       // 0 to 0.5: Playground's 0-50% noise slider as a fraction
    double testRatio = 0.5; // 0.05 to 0.95: the stratified share held out for testing
    std::uint64_t seed = 1; // generates the points and chooses the test rows
    int classes = 3;        // blobs only: 3 to 5
    // The input features, each a column of the table (at least one).
    PlaneFeatureSet features = kDefaultPlaneFeatures;
    // The "painted" set's points (the other sets ignore them).
    PaintedPoints painted;
    bool operator==(const PlaneDataOptions&) const = default;
};

// Throws NeuriteError naming the option (points, noise, test split, classes, features) that is out of range.
void validatePlaneDataOptions(const PlaneDataOptions& options);

// The name of the set of the user's own points, whose points are PlaneDataOptions::painted.
constexpr const char* kPaintedDataSet = "painted";

// "circle", "xor", "gauss", "spiral", "blobs", "plane", "gauss-regression", "painted".
std::vector<std::string> planeDataSetNames();
bool isPlaneDataSet(const std::string& name);
// One line for `neurite data list`, e.g. "2 classes: a disc inside a ring".
std::string planeDataDescription(const std::string& name);
// Whether the set's target is a value to predict (plane, gauss-regression, painted values) rather than a
// class.
bool isPlaneRegression(const std::string& name, const PlaneDataOptions& options = {});

// The points of the named set, the same for the same options on every platform (a 64-bit Mersenne
// Twister with the uniform and normal transforms written out); for "painted", options.painted.points once
// they are checked trainable. Validates the options first; throws NeuriteError for an unknown name.
std::vector<PlanePoint> generatePlaneData(const std::string& name, const PlaneDataOptions& options);

// The points as a comma-separated table: a column per chosen feature (planeFeatureColumns' names and order:
// "x1,x2,x1^2,...") then "label" (or "value" for a regression), numbers written so that they read back
// exactly; a painted set's classes are written by name.
std::string planeDataCsv(const std::string& name, const PlaneDataOptions& options);

} // namespace neurite
