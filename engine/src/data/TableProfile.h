// What a column holds over a set of rows: counts, range, distinct values. Roles are inferred from it and
// the load report shows it.
#pragma once

#include "data/TableColumns.h"
#include "neurite/TableData.h"

#include <cstdint>
#include <vector>

namespace neurite {

// Distinct numbers are counted up to this many (enough to tell classes from measurements).
constexpr std::size_t kDistinctNumbersCounted = 100;

struct ColumnProfile {
    std::size_t filled = 0;
    std::size_t missing = 0;
    // Number columns.
    double min = 0, max = 0, mean = 0;
    bool wholeNumbers = true;          // every filled value is an integer
    bool rowNumbers = false;           // filled in every row with first, first + 1, first + 2, ...
    std::size_t distinct = 0;          // text: exact; numbers: at most kDistinctNumbersCounted + 1
    std::vector<double> firstDistinct; // numbers: the distinct values counted, unordered
    // Text columns: rows per code.
    std::vector<std::size_t> codeCounts;
};

// `rows` are indices into the column's values.
ColumnProfile profileColumn(const TableColumn& column, const std::vector<std::uint32_t>& rows);

// kHistogramBins equal bins from profile.min to profile.max over the filled values of `rows`.
std::vector<std::size_t> numberHistogram(const TableColumn& column, const std::vector<std::uint32_t>& rows,
                                         const ColumnProfile& profile);

} // namespace neurite
