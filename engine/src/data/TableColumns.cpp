// Columns filled cell by cell as the CSV reader meets them.
#include "data/TableColumns.h"

#include "data/TableCells.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>

namespace neurite {

std::string_view categoryText(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string headerName(std::string_view text, std::size_t column)
{
    const std::string_view name = categoryText(text);
    return name.empty() ? "column " + std::to_string(column + 1) : std::string(name);
}

void TableColumn::addText(std::string_view text)
{
    if (isMissingCell(text)) {
        codes.push_back(kMissingCode);
        return;
    }
    text = categoryText(text);
    const auto found = index.find(text);
    if (found != index.end()) {
        codes.push_back(found->second);
        return;
    }
    const auto code = std::uint32_t(values.size());
    values.emplace_back(text);
    index.emplace(values.back(), code);
    codes.push_back(code);
}

void TableColumn::startText(std::size_t rowsBefore)
{
    numeric = false;
    numbers = {};
    codes.assign(rowsBefore, kMissingCode);
}

TableColumnsSink::TableColumnsSink(std::string name) : m_name(std::move(name)) {}

void TableColumnsSink::onHeaderCell(std::size_t column, std::string_view text)
{
    TableColumn added;
    added.name = headerName(text, column);
    m_columns.push_back(std::move(added));
}

void TableColumnsSink::onDataCell(std::size_t row, TableColumn& column, std::string_view text)
{
    if (column.textLater)
        return;
    if (!column.numeric) {
        column.addText(text);
        return;
    }
    const CellValue value = parseCell(text, m_decimalComma);
    switch (value.kind) {
    case CellKind::Missing: column.numbers.push_back(std::nan("")); return;
    case CellKind::Number: column.numbers.push_back(value.number); return;
    case CellKind::NonFinite:
        if (column.nonFiniteRow == 0) {
            column.nonFiniteRow = row;
            column.nonFiniteText = std::string(categoryText(text));
        }
        column.numbers.push_back(std::nan(""));
        return;
    case CellKind::Text: break;
    }
    // The first text cell: with only missing cells before it the column simply becomes text; after numbers
    // their exact spelling is gone, so the whole column is read again as text.
    const bool anyNumber = std::any_of(column.numbers.begin(), column.numbers.end(),
                                       [](double x) { return !std::isnan(x); });
    if (anyNumber || column.nonFiniteRow != 0) {
        column.textLater = true;
        column.numeric = false;
        column.numbers = {};
        return;
    }
    column.startText(column.numbers.size());
    column.addText(text);
}

void TableColumnsSink::onCell(std::size_t row, std::size_t column, std::string_view text)
{
    if (row == 1)
        return onHeaderCell(column, text);
    onDataCell(row, m_columns[column], text);
    if (row - 2 < kPreviewRows) {
        if (m_preview.size() < row - 1)
            m_preview.emplace_back();
        m_preview.back().emplace_back(text);
    }
}

void TableColumnsSink::onRowEnd(std::size_t row, std::size_t)
{
    if (row != 1)
        return;
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const auto [first, added] = seen.emplace(m_columns[i].name, i);
        if (!added)
            throw NeuriteError(m_name + ", row 1: columns " + std::to_string(first->second + 1) + " and " +
                               std::to_string(i + 1) + " are both named '" + m_columns[i].name +
                               "': give each column its own name");
    }
}

TableTextSink::TableTextSink(std::vector<TableColumn>& columns, const std::vector<bool>& wanted)
    : m_columns(columns), m_wanted(wanted)
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_wanted[i]) {
            TableColumn& column = m_columns[i];
            const std::size_t rows = column.rows();
            column.numeric = column.textLater = false;
            column.numbers = {};
            column.values.clear();
            column.index.clear();
            column.codes.clear();
            column.codes.reserve(rows);
        }
}

void TableTextSink::onCell(std::size_t row, std::size_t column, std::string_view text)
{
    if (row > 1 && m_wanted[column])
        m_columns[column].addText(text);
}

} // namespace neurite
