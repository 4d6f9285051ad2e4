// Raw table cells -> the network's input values with a trained DataSchema, and the network's output back to
// a class or a value: the one place where loading, `neurite predict --csv`, eval and the Predict tab's form
// encode rows, so that they all encode alike.
#pragma once

#include "neurite/DataSchema.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace neurite {

// Numeric column: (x - mean) / deviation, a missing value (NaN) replaced by the training median first.
float encodeNumber(const ColumnEncoding& column, double value);
// Categorical column: writes categories.size() values, 1 at `category` and 0 elsewhere. `category` -1 is a
// missing value (the most frequent category is used); -2 a category the training rows never had (all 0).
void encodeCategory(const ColumnEncoding& column, int category, float* out);
constexpr int kMissingCategory = -1;
constexpr int kUnknownCategory = -2;

class TableEncoder {
public:
    // Throws NeuriteError unless `schema` is a table schema.
    explicit TableEncoder(DataSchema schema);

    const DataSchema& schema() const { return m_schema; }
    int width() const { return m_width; }
    // The numeric and categorical columns, in file order: the fields a form asks for.
    std::vector<const ColumnEncoding*> inputColumns() const;

    // Finds the schema's columns in a file's header by name. Throws NeuriteError naming `context` and the
    // input column that is missing; the target (needed only by readTarget) and extra columns may be absent.
    // A file separated by ';' may write decimal commas ("1,5").
    void bindHeader(const std::vector<std::string>& header, const std::string& context, char delimiter = ',');
    bool hasTarget() const { return m_targetPosition >= 0; }

    // Encodes a data row given in the bound header's order into width() values. Throws NeuriteError naming
    // the context, `row` and the column for text in a numeric column and for non-finite numbers.
    void encodeRow(const std::vector<std::string_view>& cells, std::size_t row, float* out) const;
    // Encodes one row given by column name (a form): absent names are missing values.
    std::vector<float> encodeNamed(const std::map<std::string, std::string>& cells) const;

    // The target cell of a bound row: false when it is missing; else the class index (classification,
    // NeuriteError for a class the model does not know) or the value in the target's units (regression).
    bool readTarget(const std::vector<std::string_view>& cells, std::size_t row, int& classIndex, double& value) const;

    // Regression: a network output (standardised) in the target's units, and back.
    double targetValue(float output) const;
    float standardisedTarget(double value) const;

private:
    int categoryOf(const ColumnEncoding& column, std::string_view text) const;
    float numberOf(const ColumnEncoding& column, std::string_view text, std::size_t row) const;

    DataSchema m_schema;
    int m_width = 0;
    bool m_decimalComma = false;
    std::string m_context = "the row";
    std::vector<int> m_positions; // per schema column: its place in the bound header (-1: absent)
    int m_targetPosition = -1;
};

} // namespace neurite
