// Encoding table rows with a schema: standardised numbers and one-hot categories, in file order.
#include "neurite/TableEncoder.h"

#include "data/TableCells.h"
#include "data/TableColumns.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>

namespace neurite {

float encodeNumber(const ColumnEncoding& column, double value)
{
    const double filled = std::isnan(value) ? column.fill : value;
    return float((filled - column.mean) / column.deviation);
}

void encodeCategory(const ColumnEncoding& column, int category, float* out)
{
    const int count = int(column.categories.size());
    if (category == kMissingCategory) {
        const auto fill = std::find(column.categories.begin(), column.categories.end(), column.fillCategory);
        category = fill == column.categories.end() ? kUnknownCategory : int(fill - column.categories.begin());
    }
    std::fill_n(out, count, 0.0f);
    if (category >= 0 && category < count)
        out[category] = 1.0f;
}

TableEncoder::TableEncoder(DataSchema schema) : m_schema(std::move(schema))
{
    if (m_schema.kind != DataSchema::Kind::Table)
        throw NeuriteError("The model was trained on images, not on a table: it takes image files");
    m_width = m_schema.encodedWidth();
    // Unbound, a row is read in the schema's own column order.
    for (std::size_t i = 0; i < m_schema.columns.size(); ++i)
        m_positions.push_back(int(i));
    m_targetPosition = m_schema.targetColumn();
}

std::vector<const ColumnEncoding*> TableEncoder::inputColumns() const
{
    std::vector<const ColumnEncoding*> inputs;
    for (const ColumnEncoding& column : m_schema.columns)
        if (column.role == ColumnRole::Numeric || column.role == ColumnRole::Categorical)
            inputs.push_back(&column);
    return inputs;
}

void TableEncoder::bindHeader(const std::vector<std::string>& header, const std::string& context, char delimiter)
{
    m_context = context;
    m_decimalComma = delimiter == ';';
    m_positions.assign(m_schema.columns.size(), -1);
    for (std::size_t i = 0; i < m_schema.columns.size(); ++i) {
        const ColumnEncoding& column = m_schema.columns[i];
        const auto found = std::find(header.begin(), header.end(), column.name);
        if (found != header.end())
            m_positions[i] = int(found - header.begin());
        else if (column.role == ColumnRole::Numeric || column.role == ColumnRole::Categorical)
            throw NeuriteError(context + " has no column '" + column.name +
                               "', which the model takes as input (the columns are found by their header names)");
    }
    const int target = m_schema.targetColumn();
    m_targetPosition = target < 0 ? -1 : m_positions[std::size_t(target)];
}

int TableEncoder::categoryOf(const ColumnEncoding& column, std::string_view text) const
{
    if (isMissingCell(text))
        return kMissingCategory;
    text = categoryText(text);
    const auto found = std::find(column.categories.begin(), column.categories.end(), text);
    return found == column.categories.end() ? kUnknownCategory : int(found - column.categories.begin());
}

float TableEncoder::numberOf(const ColumnEncoding& column, std::string_view text, std::size_t row) const
{
    const CellValue value = parseCell(text, m_decimalComma);
    // The cell's name is spelt out only for an error: this runs for every number of every row.
    const auto where = [&] { return m_context + ", row " + std::to_string(row) + ", column '" + column.name + "': "; };
    if (value.kind == CellKind::Text)
        throw NeuriteError(where() + "'" + std::string(categoryText(text)) + "' is not a number");
    if (value.kind == CellKind::NonFinite)
        throw NeuriteError(where() + std::string(categoryText(text)) + " is not a finite number");
    const float encoded = encodeNumber(column, value.kind == CellKind::Missing ? std::nan("") : value.number);
    if (!std::isfinite(encoded))
        throw NeuriteError(where() + std::string(categoryText(text)) +
                           " is too far outside the training rows' values to encode");
    return encoded;
}

void TableEncoder::encodeRow(const std::vector<std::string_view>& cells, std::size_t row, float* out) const
{
    for (std::size_t i = 0; i < m_schema.columns.size(); ++i) {
        const ColumnEncoding& column = m_schema.columns[i];
        if (column.role != ColumnRole::Numeric && column.role != ColumnRole::Categorical)
            continue;
        const int position = m_positions[i];
        const std::string_view text = position >= 0 && std::size_t(position) < cells.size() ? cells[position] : "";
        if (column.role == ColumnRole::Numeric) {
            *out++ = numberOf(column, text, row);
            continue;
        }
        encodeCategory(column, categoryOf(column, text), out);
        out += column.categories.size();
    }
}

std::vector<float> TableEncoder::encodeNamed(const std::map<std::string, std::string>& cells) const
{
    std::vector<std::string_view> row;
    for (const ColumnEncoding& column : m_schema.columns) {
        const auto found = cells.find(column.name);
        row.push_back(found == cells.end() ? std::string_view() : std::string_view(found->second));
    }
    TableEncoder unbound(m_schema); // the row is in the schema's column order
    std::vector<float> out(std::size_t(m_width), 0.0f);
    unbound.m_context = "the form";
    unbound.encodeRow(row, 1, out.data());
    return out;
}

bool TableEncoder::readTarget(const std::vector<std::string_view>& cells, std::size_t row, int& classIndex,
                              double& value) const
{
    const int target = m_schema.targetColumn();
    if (target < 0 || m_targetPosition < 0 || std::size_t(m_targetPosition) >= cells.size())
        throw NeuriteError(m_context + " has no target column" +
                           (target < 0 ? std::string() : " '" + m_schema.columns[std::size_t(target)].name + "'"));
    const ColumnEncoding& column = m_schema.columns[std::size_t(target)];
    const std::string_view text = cells[std::size_t(m_targetPosition)];
    if (isMissingCell(text))
        return false;
    const auto where = [&] { return m_context + ", row " + std::to_string(row) + ", column '" + column.name + "': "; };
    const CellValue number = parseCell(text, m_decimalComma);
    if (m_schema.task == TaskKind::Regression) {
        if (number.kind != CellKind::Number)
            throw NeuriteError(where() + "'" + std::string(categoryText(text)) + "' is not a finite number");
        value = number.number;
        if (!std::isfinite(standardisedTarget(value)))
            throw NeuriteError(where() + std::string(categoryText(text)) +
                               " is too far outside the training rows' values to encode");
        return true;
    }
    classIndex = categoryOf(column, text);
    // Classes read from numbers are named by their shortest spelling: "1.0" is class "1".
    if (classIndex < 0 && number.kind == CellKind::Number)
        classIndex = categoryOf(column, classNameOfNumber(number.number));
    if (classIndex < 0)
        throw NeuriteError(where() + "the class '" + std::string(categoryText(text)) +
                           "' is not one the model was trained on");
    return true;
}

double TableEncoder::targetValue(float output) const
{
    return double(output) * m_schema.targetDeviation + m_schema.targetMean;
}

float TableEncoder::standardisedTarget(double value) const
{
    return float((value - m_schema.targetMean) / m_schema.targetDeviation);
}

} // namespace neurite
