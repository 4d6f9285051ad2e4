// Splitting a table's rows, learning each column's encoding from the training split, and encoding rows.
#pragma once

#include "data/TableColumns.h"
#include "neurite/DataSchema.h"
#include "neurite/Dataset.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace neurite {

struct TableSplit {
    std::vector<std::uint32_t> train; // row indices, ascending
    std::vector<std::uint32_t> test;
};

// Holds out round(share * n) of `rows` (ascending) for testing, chosen by `seed`; with `classes` (a class per row
// index, or empty for regression) the share is taken from each class, and a class keeps at least one training row.
TableSplit splitRows(const std::vector<std::uint32_t>& rows, const std::vector<int>& classes, double share,
                     std::uint64_t seed);

// A numeric column's mean, deviation (population) and median over the filled training rows; nullopt when
// none is filled.
std::optional<ColumnEncoding> fitNumeric(const TableColumn& column, const std::vector<std::uint32_t>& train);
// A categorical column's categories (those of the training rows, sorted) and the most frequent one;
// nullopt when no training row is filled.
std::optional<ColumnEncoding> fitCategorical(const TableColumn& column, const std::vector<std::uint32_t>& train);

// Encodes `rows` with `schema` (whose columns are `columns`, in the same order) into set.values. Throws
// NeuriteError naming `file`, the row and the column for a number too far outside the training values to
// encode as a float.
void encodeTableRows(const std::vector<TableColumn>& columns, const DataSchema& schema,
                     const std::vector<std::uint32_t>& rows, SampleSet& set, const std::string& file);

// `encoded`, or a NeuriteError naming the cell (row index `row`, 0-based) when it is not finite.
float encodedOrThrow(float encoded, double value, std::uint32_t row, const std::string& column,
                     const std::string& file);

} // namespace neurite
