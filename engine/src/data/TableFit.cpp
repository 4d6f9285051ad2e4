// The training split's statistics become the schema; every row (training, test, and later raw rows) is
// encoded with them through the TableEncoder's functions.
#include "data/TableFit.h"

#include "data/TableCells.h"
#include "neurite/Error.h"
#include "neurite/TableEncoder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace neurite {

namespace {

// Fisher-Yates with our own use of the generator, so that a seed splits alike on every standard library.
void shuffle(std::vector<std::uint32_t>& v, std::mt19937_64& rng)
{
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[std::size_t(rng() % i)]);
}

// Moves round(share * n) of `group` (keeping at least `keep` behind) to `split.test`, the rest to train.
void holdOut(std::vector<std::uint32_t> group, double share, std::size_t keep, std::mt19937_64& rng, TableSplit& split)
{
    shuffle(group, rng);
    std::size_t test = std::size_t(std::llround(double(group.size()) * share));
    test = std::min(test, group.size() > keep ? group.size() - keep : 0);
    split.test.insert(split.test.end(), group.begin(), group.begin() + long(test));
    split.train.insert(split.train.end(), group.begin() + long(test), group.end());
}

double median(std::vector<double>& values)
{
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + long(middle), values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + long(middle));
    return (lower + upper) / 2;
}

} // namespace

TableSplit splitRows(const std::vector<std::uint32_t>& rows, const std::vector<int>& classes, double share,
                     std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    TableSplit split;
    if (classes.empty()) {
        holdOut(rows, share, 1, rng, split);
    } else {
        std::map<int, std::vector<std::uint32_t>> byClass;
        for (std::uint32_t row : rows)
            byClass[classes[row]].push_back(row);
        for (auto& entry : byClass)
            holdOut(std::move(entry.second), share, 1, rng, split);
    }
    // Both in ascending order, in one pass rather than two sorts.
    std::vector<bool> held(rows.empty() ? 0 : std::size_t(*std::max_element(rows.begin(), rows.end())) + 1, false);
    for (std::uint32_t row : split.test)
        held[row] = true;
    split.train.clear();
    split.test.clear();
    for (std::uint32_t row : rows)
        (held[row] ? split.test : split.train).push_back(row);
    return split;
}

std::optional<ColumnEncoding> fitNumeric(const TableColumn& column, const std::vector<std::uint32_t>& train)
{
    std::vector<double> filled;
    filled.reserve(train.size());
    for (std::uint32_t row : train)
        if (!std::isnan(column.numbers[row]))
            filled.push_back(column.numbers[row]);
    if (filled.empty())
        return std::nullopt;
    double sum = 0;
    for (double x : filled)
        sum += x;
    const double mean = sum / double(filled.size());
    double squares = 0;
    for (double x : filled)
        squares += (x - mean) * (x - mean);
    const double deviation = std::sqrt(squares / double(filled.size()));
    ColumnEncoding encoding;
    encoding.name = column.name;
    encoding.role = ColumnRole::Numeric;
    encoding.mean = mean;
    // A column constant over the training rows encodes as 0 there; elsewhere its offset from the mean.
    // (An infinite one, from numbers beyond 1e154, is kept for the loader to refuse.)
    encoding.deviation = deviation > 0 ? deviation : 1.0;
    encoding.fill = median(filled);
    return encoding;
}

std::optional<ColumnEncoding> fitCategorical(const TableColumn& column, const std::vector<std::uint32_t>& train)
{
    std::vector<std::size_t> counts(column.values.size(), 0);
    for (std::uint32_t row : train)
        if (column.codes[row] != kMissingCode)
            ++counts[column.codes[row]];
    ColumnEncoding encoding;
    encoding.name = column.name;
    encoding.role = ColumnRole::Categorical;
    std::size_t best = 0;
    for (std::size_t code = 0; code < counts.size(); ++code)
        if (counts[code] > 0)
            encoding.categories.push_back(column.values[code]);
    if (encoding.categories.empty())
        return std::nullopt;
    std::sort(encoding.categories.begin(), encoding.categories.end());
    // The most frequent category fills missing cells; a tie goes to the first in sorted order.
    for (std::size_t code = 0; code < counts.size(); ++code) {
        const bool better = counts[code] > best ||
                            (counts[code] == best && best > 0 && column.values[code] < encoding.fillCategory);
        if (better) {
            best = counts[code];
            encoding.fillCategory = column.values[code];
        }
    }
    return encoding;
}

float encodedOrThrow(float encoded, double value, std::uint32_t row, const std::string& column, const std::string& file)
{
    if (!std::isfinite(encoded))
        throw NeuriteError(file + ", row " + std::to_string(std::size_t(row) + 2) + ", column '" + column +
                           "': " + numberText(value) + " is too far outside the training rows' values to encode");
    return encoded;
}

void encodeTableRows(const std::vector<TableColumn>& columns, const DataSchema& schema,
                     const std::vector<std::uint32_t>& rows, SampleSet& set, const std::string& file)
{
    const int width = schema.encodedWidth();
    set.kind = SampleKind::TableRow;
    set.channels = set.rows = 1;
    set.cols = width;
    set.values.assign(rows.size() * std::size_t(width), 0.0f);
    std::size_t offset = 0; // where the column's values start in an encoded row
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ColumnEncoding& encoding = schema.columns[c];
        const TableColumn& column = columns[c];
        if (encoding.role == ColumnRole::Numeric) {
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const double value = column.numbers[rows[r]];
                set.values[r * std::size_t(width) + offset] = encodedOrThrow(encodeNumber(encoding, value), value,
                                                                             rows[r], column.name, file);
            }
            offset += 1;
        } else if (encoding.role == ColumnRole::Categorical) {
            // The category of each code, found once.
            std::vector<int> categoryOfCode(column.values.size(), kUnknownCategory);
            for (std::size_t code = 0; code < column.values.size(); ++code) {
                const auto& categories = encoding.categories;
                const auto found = std::lower_bound(categories.begin(), categories.end(), column.values[code]);
                if (found != categories.end() && *found == column.values[code])
                    categoryOfCode[code] = int(found - categories.begin());
            }
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const std::uint32_t code = column.codes[rows[r]];
                encodeCategory(encoding, code == kMissingCode ? kMissingCategory : categoryOfCode[code],
                               set.values.data() + r * std::size_t(width) + offset);
            }
            offset += encoding.categories.size();
        }
    }
}

} // namespace neurite
