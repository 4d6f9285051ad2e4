// The input features of two-dimensional data sets: their columns, values and names.
#include "neurite/PlaneFeatures.h"

#include "neurite/Error.h"

#include <cmath>

namespace neurite {

namespace {

// Shorter spellings a shell does not need quoted.
struct FeatureAlias {
    const char* alias;
    PlaneFeature feature;
};
constexpr FeatureAlias kAliases[] = {
    {"x1sq", PlaneFeature::X1Squared}, {"x2sq", PlaneFeature::X2Squared}, {"x1x2", PlaneFeature::X1TimesX2},
    {"sinx1", PlaneFeature::SinX1},    {"sinx2", PlaneFeature::SinX2},
};

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

const std::vector<PlaneFeatureInfo>& planeFeatures()
{
    static const std::vector<PlaneFeatureInfo> kFeatures = {
        {PlaneFeature::X1, "x1", "x₁"},
        {PlaneFeature::X2, "x2", "x₂"},
        {PlaneFeature::X1Squared, "x1^2", "x₁²"},
        {PlaneFeature::X2Squared, "x2^2", "x₂²"},
        {PlaneFeature::X1TimesX2, "x1*x2", "x₁x₂"},
        {PlaneFeature::SinX1, "sin(x1)", "sin x₁"},
        {PlaneFeature::SinX2, "sin(x2)", "sin x₂"},
    };
    return kFeatures;
}

double planeFeatureValue(PlaneFeature feature, double x1, double x2)
{
    switch (feature) {
    case PlaneFeature::X1: return x1;
    case PlaneFeature::X2: return x2;
    case PlaneFeature::X1Squared: return x1 * x1;
    case PlaneFeature::X2Squared: return x2 * x2;
    case PlaneFeature::X1TimesX2: return x1 * x2;
    case PlaneFeature::SinX1: return std::sin(x1);
    case PlaneFeature::SinX2: return std::sin(x2);
    }
    return 0;
}

bool planeFeatureOfColumn(const std::string& column, PlaneFeature& feature)
{
    for (const PlaneFeatureInfo& info : planeFeatures())
        if (column == info.column) {
            feature = info.feature;
            return true;
        }
    return false;
}

std::vector<std::string> planeFeatureColumns(PlaneFeatureSet features)
{
    std::vector<std::string> columns;
    for (const PlaneFeatureInfo& info : planeFeatures())
        if (features & featureBit(info.feature))
            columns.emplace_back(info.column);
    return columns;
}

std::string planeFeaturesText(PlaneFeatureSet features)
{
    std::string text;
    for (const std::string& column : planeFeatureColumns(features))
        text += (text.empty() ? "" : ",") + column;
    return text;
}

PlaneFeatureSet parsePlaneFeatures(const std::string& text)
{
    PlaneFeatureSet features = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string name = trimmed(
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        start = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (name.empty())
            continue;
        PlaneFeature feature{};
        bool known = planeFeatureOfColumn(name, feature);
        for (const FeatureAlias& alias : kAliases)
            if (!known && name == alias.alias) {
                feature = alias.feature;
                known = true;
            }
        if (!known)
            throw NeuriteError("unknown input feature '" + name +
                               "' (the features are x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2); also x1sq, x2sq, "
                               "x1x2, sinx1, sinx2)");
        features |= featureBit(feature);
    }
    if (features == 0)
        throw NeuriteError("no input features given (choose from x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2))");
    return features;
}

} // namespace neurite
