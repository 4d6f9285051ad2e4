// How a point of the plane becomes a two-dimensional table's encoded input: which feature each input column
// is, and that column's standardisation from the schema.
#include "neurite/PlaneView.h"

namespace neurite {

namespace {

// The numeric input columns in encoded order; false when an input is categorical (a one-hot block is no
// function of the point).
bool numericInputs(const DataSchema& schema, std::vector<const ColumnEncoding*>& inputs)
{
    for (const ColumnEncoding& column : schema.columns) {
        if (column.role == ColumnRole::Categorical)
            return false;
        if (column.role == ColumnRole::Numeric)
            inputs.push_back(&column);
    }
    return true;
}

// The plane feature each column is named after (x1, x2, x1^2, ...), when every column is one, each at most
// once, and x1 and x2 are among them: the base columns the other features are computed from.
bool namedFeatures(const std::vector<const ColumnEncoding*>& inputs, std::vector<PlaneFeature>& features)
{
    PlaneFeatureSet seen = 0;
    for (const ColumnEncoding* column : inputs) {
        PlaneFeature feature{};
        if (!planeFeatureOfColumn(column->name, feature) || (seen & featureBit(feature)))
            return false;
        seen |= featureBit(feature);
        features.push_back(feature);
    }
    return (seen & kDefaultPlaneFeatures) == kDefaultPlaneFeatures;
}

// Two columns of any names are the plane's axes, first x1 then x2; unless one of them is named after a
// derived feature (x1^2, sin(x1)...), which would mean a feature set missing a base column.
bool twoBaseColumns(const std::vector<const ColumnEncoding*>& inputs, std::vector<PlaneFeature>& features)
{
    if (inputs.size() != 2)
        return false;
    for (const ColumnEncoding* column : inputs) {
        PlaneFeature feature{};
        if (planeFeatureOfColumn(column->name, feature) && !(featureBit(feature) & kDefaultPlaneFeatures))
            return false;
    }
    features = {PlaneFeature::X1, PlaneFeature::X2};
    return true;
}

} // namespace

std::optional<PlaneInputs> PlaneInputs::of(const DataSchema& schema)
{
    if (schema.kind != DataSchema::Kind::Table)
        return std::nullopt;
    std::vector<const ColumnEncoding*> inputs;
    if (!numericInputs(schema, inputs))
        return std::nullopt;
    std::vector<PlaneFeature> features;
    if (!namedFeatures(inputs, features) && !twoBaseColumns(inputs, features))
        return std::nullopt;
    PlaneInputs result;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        result.m_columns.push_back({features[i], inputs[i]->mean, inputs[i]->deviation});
        if (features[i] == PlaneFeature::X1)
            result.m_x1Name = inputs[i]->name;
        if (features[i] == PlaneFeature::X2)
            result.m_x2Name = inputs[i]->name;
    }
    result.m_regression = schema.task == TaskKind::Regression;
    result.m_targetMean = schema.targetMean;
    result.m_targetDeviation = schema.targetDeviation;
    return result;
}

// The same arithmetic as encodeNumber (TableEncoder.h), in double and rounded once, so that a grid point
// encodes exactly as the same values read from a file would.
void PlaneInputs::encode(double x1, double x2, float* out) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const Column& column = m_columns[i];
        out[i] = float((planeFeatureValue(column.feature, x1, x2) - column.mean) / column.deviation);
    }
}

void PlaneInputs::decode(const float* encoded, double& x1, double& x2) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const Column& column = m_columns[i];
        const double value = double(encoded[i]) * column.deviation + column.mean;
        if (column.feature == PlaneFeature::X1)
            x1 = value;
        else if (column.feature == PlaneFeature::X2)
            x2 = value;
    }
}

} // namespace neurite
