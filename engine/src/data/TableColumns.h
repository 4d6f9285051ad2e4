// A table read into columns: numbers where every filled cell is a number, dictionary-coded text otherwise.
#pragma once

#include "data/CsvReader.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace neurite {

constexpr std::uint32_t kMissingCode = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kPreviewRows = 10;

// Hashes string views and strings alike, so that a cell's text is looked up without copying it.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};

struct TableColumn {
    std::string name;
    bool numeric = true;              // every filled cell is a number (NaN marks a missing one)
    bool textLater = false;           // numbers first, then text: its text is read in a second pass
    std::vector<double> numbers;      // numeric: a value per row
    std::vector<std::uint32_t> codes; // text: an index into `values` per row, or kMissingCode
    std::vector<std::string> values;  // text: the distinct values in order of appearance
    std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> index;
    std::size_t nonFiniteRow = 0; // the first row (file numbering) holding "inf" or "1e999", 0 when none
    std::string nonFiniteText;

    void addText(std::string_view text);    // a text cell (missing ones included)
    void startText(std::size_t rowsBefore); // becomes a text column whose first rows are all missing
    std::size_t rows() const { return numeric ? numbers.size() : codes.size(); }
};

// Collects a file's cells into columns while the reader runs: the header's names (an empty one becomes
// "column N"), then each column as numbers until a text cell makes it a text column.
class TableColumnsSink : public CsvCellSink {
public:
    explicit TableColumnsSink(std::string name);
    // A file separated by ';' may write "1,5" for 1.5.
    void onFormat(const CsvFormat& format) override { m_decimalComma = format.delimiter == ';'; }
    void onCell(std::size_t row, std::size_t column, std::string_view text) override;
    void onRowEnd(std::size_t row, std::size_t cells) override;

    std::vector<TableColumn>& columns() { return m_columns; }
    const std::vector<std::vector<std::string>>& previewRows() const { return m_preview; }

private:
    void onHeaderCell(std::size_t column, std::string_view text);
    void onDataCell(std::size_t row, TableColumn& column, std::string_view text);

    std::string m_name;
    bool m_decimalComma = false;
    std::vector<TableColumn> m_columns;
    std::vector<std::vector<std::string>> m_preview; // the first kPreviewRows data rows as read
};

// A second pass over the file for columns whose text is needed after all (`columns[i].textLater`, or a
// number column set to categorical): fills their codes and values.
class TableTextSink : public CsvCellSink {
public:
    TableTextSink(std::vector<TableColumn>& columns, const std::vector<bool>& wanted);
    void onCell(std::size_t row, std::size_t column, std::string_view text) override;
    void onRowEnd(std::size_t, std::size_t) override {}

private:
    std::vector<TableColumn>& m_columns;
    std::vector<bool> m_wanted;
};

// The text of a cell as categories compare it: without the spaces around it.
std::string_view categoryText(std::string_view text);
// A header cell as a column name: trimmed; an empty one is "column N" (1-based).
std::string headerName(std::string_view text, std::size_t column);

} // namespace neurite
