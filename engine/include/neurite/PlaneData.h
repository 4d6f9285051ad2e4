// Named two-dimensional data sets generated from a seed, after TensorFlow Playground's: points (x1, x2) in
// the square [-6, 6]² with a class (circle, xor, gauss, spiral, blobs) or a value (plane, gauss-regression).
// They load as built-in tables (columns x1, x2 and the target), so training, eval and export treat them as
// any table.
#pragma once

#include "neurite/PlaneFeatures.h"

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
    PlaneFeatureSet features = kDefaultPlaneFeatures;
    bool operator==(const PlaneDataOptions&) const = default;
};

// Throws NeuriteError naming the option (points, noise, test split, classes) that is out of range.
void validatePlaneDataOptions(const PlaneDataOptions& options);

// "circle", "xor", "gauss", "spiral", "blobs", "plane", "gauss-regression".
std::vector<std::string> planeDataSetNames();
bool isPlaneDataSet(const std::string& name);
// One line for `neurite data list`, e.g. "2 classes: a disc inside a ring".
std::string planeDataDescription(const std::string& name);
// Whether the set's target is a value to predict (plane, gauss-regression) rather than a class.
bool isPlaneRegression(const std::string& name);

// One generated point. Classes are Playground's labels, -1 and 1 (blobs: 0 .. classes - 1); regression
// values are in about [-1, 1].
struct PlanePoint {
    double x1 = 0;
    double x2 = 0;
    double target = 0;
};

// The points of the named set, the same for the same options on every platform (a 64-bit Mersenne
// Twister with the uniform and normal transforms written out). Validates the options first; throws
// NeuriteError for an unknown name.
std::vector<PlanePoint> generatePlaneData(const std::string& name, const PlaneDataOptions& options);

// The points as a comma-separated table with the header "x1,x2,label" (or "x1,x2,value" for a
// regression), numbers written so that they read back exactly.
std::string planeDataCsv(const std::string& name, const PlaneDataOptions& options);

} // namespace neurite
