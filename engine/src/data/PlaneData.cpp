// The named two-dimensional data sets: their names and descriptions, checking the options, and the points
// as a table.
#include "neurite/PlaneData.h"

#include "data/PlaneShapes.h"
#include "neurite/Error.h"
#include "neurite/TablePredictions.h"

#include <charconv>

namespace neurite {

namespace {

using Generator = std::vector<PlanePoint> (*)(const PlaneDataOptions&, PlaneRandom&);

struct PlaneDataSet {
    const char* name;
    const char* description;
    Generator generate;
    bool regression;
};

constexpr PlaneDataSet kPlaneDataSets[] = {
    {"circle", "2 classes: a disc inside a ring", circlePoints, false},
    {"xor", "2 classes: opposite quadrants (x1 * x2 >= 0 or < 0)", xorPoints, false},
    {"gauss", "2 classes: two Gaussian blobs", gaussPoints, false},
    {"spiral", "2 classes: two interleaved spirals", spiralPoints, false},
    {"blobs", "3 to 5 classes (--classes): Gaussian blobs on a circle", blobPoints, false},
    {"plane", "regression: a value rising across the plane, (x1 + x2) / 10", planePoints, true},
    {"gauss-regression", "regression: six bumps of values 1 and -1", gaussRegressionPoints, true},
    // Not generated: the points come with the options.
    {kPaintedDataSet, "your own points: painted in the Train tab, or read from a CSV with --points-file", nullptr,
     false},
};

constexpr int kMinPoints = 2;
constexpr int kMaxPoints = 100000;

const PlaneDataSet* findPlaneDataSet(const std::string& name)
{
    for (const PlaneDataSet& set : kPlaneDataSets)
        if (name == set.name)
            return &set;
    return nullptr;
}

const PlaneDataSet& planeDataSet(const std::string& name)
{
    if (const PlaneDataSet* set = findPlaneDataSet(name))
        return *set;
    throw NeuriteError("There is no generated data set named '" + name +
                       "' (circle, xor, gauss, spiral, blobs, plane, gauss-regression or painted)");
}

// The shortest text that reads back as exactly `value`.
std::string exactText(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

} // namespace

void validatePlaneDataOptions(const PlaneDataOptions& options)
{
    if (options.points < kMinPoints || options.points > kMaxPoints)
        throw NeuriteError("points must be between 2 and 100000 (got " + std::to_string(options.points) + ")");
    // Negated comparisons so that NaN is refused too.
    if (!(options.noise >= 0 && options.noise <= 0.5))
        throw NeuriteError("noise must be between 0 and 0.5 (Playground's 0 to 50%; got " + exactText(options.noise) +
                           ")");
    if (!(options.testRatio >= 0.05 && options.testRatio <= 0.95))
        throw NeuriteError("the test split of a generated set must be between 0.05 and 0.95 (got " +
                           exactText(options.testRatio) + ")");
    if (options.classes < 3 || options.classes > 5)
        throw NeuriteError("classes (blobs) must be between 3 and 5 (got " + std::to_string(options.classes) + ")");
    if (options.features == 0 || (options.features & ~kAllPlaneFeatures) != 0)
        throw NeuriteError(
            "features must be one or more of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) (got " +
            (options.features == 0 ? std::string("none") : "the bit set " + std::to_string(options.features)) + ")");
}

std::vector<std::string> planeDataSetNames()
{
    std::vector<std::string> names;
    for (const PlaneDataSet& set : kPlaneDataSets)
        names.emplace_back(set.name);
    return names;
}

bool isPlaneDataSet(const std::string& name)
{
    return findPlaneDataSet(name) != nullptr;
}

std::string planeDataDescription(const std::string& name)
{
    return planeDataSet(name).description;
}

bool isPlaneRegression(const std::string& name, const PlaneDataOptions& options)
{
    return name == kPaintedDataSet ? options.painted.regression : planeDataSet(name).regression;
}

std::vector<PlanePoint> generatePlaneData(const std::string& name, const PlaneDataOptions& options)
{
    const PlaneDataSet& set = planeDataSet(name);
    validatePlaneDataOptions(options);
    if (!set.generate) {
        checkPaintedPointsTrainable(options.painted);
        return options.painted.points;
    }
    PlaneRandom random(options.seed);
    return set.generate(options, random);
}

std::string planeDataCsv(const std::string& name, const PlaneDataOptions& options)
{
    const std::vector<PlanePoint> points = generatePlaneData(name, options);
    const bool regression = isPlaneRegression(name, options);
    const bool painted = name == kPaintedDataSet;
    // Painted classes are written by name, so that the table's classes and the results carry them.
    std::vector<std::string> targetText;
    if (painted && !regression)
        for (const std::string& className : paintedClassNames(options.painted))
            targetText.push_back(csvField(className));
    std::vector<PlaneFeature> features;
    std::string csv;
    for (const PlaneFeatureInfo& info : planeFeatures())
        if (options.features & featureBit(info.feature)) {
            features.push_back(info.feature);
            csv += std::string(info.column) + ',';
        }
    csv += regression ? "value\n" : "label\n";
    csv.reserve(csv.size() + points.size() * 24 * (features.size() + 1));
    for (const PlanePoint& point : points) {
        for (PlaneFeature feature : features)
            csv += exactText(planeFeatureValue(feature, point.x1, point.x2)) + ',';
        csv += targetText.empty() ? exactText(point.target) : targetText[std::size_t(point.target)];
        csv += '\n';
    }
    return csv;
}

} // namespace neurite
