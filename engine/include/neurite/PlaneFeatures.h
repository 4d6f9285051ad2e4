// The input features of a two-dimensional data set, as TensorFlow Playground offers them: x1, x2, x1², x2²,
// x1·x2, sin x1, sin x2. Each chosen feature is one numeric column of the set's table (named as below), so
// the Input layer's width is the number chosen; the decision plane computes the same values for each point
// of its grid.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// One bit per feature; a set of features is their OR.
enum class PlaneFeature : std::uint32_t {
    X1 = 1u << 0,
    X2 = 1u << 1,
    X1Squared = 1u << 2,
    X2Squared = 1u << 3,
    X1TimesX2 = 1u << 4,
    SinX1 = 1u << 5,
    SinX2 = 1u << 6,
};
using PlaneFeatureSet = std::uint32_t;

constexpr PlaneFeatureSet featureBit(PlaneFeature feature)
{
    return PlaneFeatureSet(feature);
}
constexpr PlaneFeatureSet kDefaultPlaneFeatures = featureBit(PlaneFeature::X1) | featureBit(PlaneFeature::X2);
constexpr PlaneFeatureSet kAllPlaneFeatures = (1u << 7) - 1;

struct PlaneFeatureInfo {
    PlaneFeature feature;
    const char* column; // the table column and the command-line name: "x1", "x1^2", "x1*x2", "sin(x1)"
    const char* label;  // for people: "x₁²", "x₁x₂", "sin x₁"
};

// Every feature, in column order (x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)).
const std::vector<PlaneFeatureInfo>& planeFeatures();
// The feature's value at the point (x1, x2).
double planeFeatureValue(PlaneFeature feature, double x1, double x2);
// The feature whose column is `column` ("x1^2"), if any.
bool planeFeatureOfColumn(const std::string& column, PlaneFeature& feature);
// The columns of the chosen features, in column order.
std::vector<std::string> planeFeatureColumns(PlaneFeatureSet features);
// "x1,x2,x1^2" for the command line and messages.
std::string planeFeaturesText(PlaneFeatureSet features);
// Reads a comma-separated list of columns ("x1,x2,sin(x1)"; also "x1x2", "x1sq", "sinx1"). Throws NeuriteError
// naming an unknown feature or an empty list.
PlaneFeatureSet parsePlaneFeatures(const std::string& text);

} // namespace neurite
