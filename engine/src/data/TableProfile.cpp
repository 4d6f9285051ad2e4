// One pass per column over the kept rows: counts, range, mean, whole numbers, distinct values.
#include "data/TableProfile.h"

#include <algorithm>
#include <cmath>

namespace neurite {

namespace {

void profileNumbers(const TableColumn& column, const std::vector<std::uint32_t>& rows, ColumnProfile& p)
{
    double sum = 0;
    double previous = 0;
    p.min = std::numeric_limits<double>::infinity();
    p.max = -p.min;
    p.rowNumbers = !rows.empty();
    for (std::uint32_t row : rows) {
        const double x = column.numbers[row];
        if (std::isnan(x)) {
            ++p.missing;
            p.rowNumbers = false;
            continue;
        }
        p.rowNumbers = p.rowNumbers && (p.filled == 0 || x == previous + 1);
        previous = x;
        ++p.filled;
        sum += x;
        p.min = std::min(p.min, x);
        p.max = std::max(p.max, x);
        p.wholeNumbers = p.wholeNumbers && x == std::floor(x);
        // Counting stops once there are more than a class count's worth: measurements need no more.
        if (p.distinct <= kDistinctNumbersCounted &&
            std::find(p.firstDistinct.begin(), p.firstDistinct.end(), x) == p.firstDistinct.end()) {
            p.firstDistinct.push_back(x);
            p.distinct = p.firstDistinct.size();
        }
    }
    p.rowNumbers = p.rowNumbers && p.wholeNumbers && p.filled >= 3;
    p.mean = p.filled ? sum / double(p.filled) : std::nan("");
    if (p.filled == 0)
        p.min = p.max = std::nan("");
}

void profileText(const TableColumn& column, const std::vector<std::uint32_t>& rows, ColumnProfile& p)
{
    p.codeCounts.assign(column.values.size(), 0);
    for (std::uint32_t row : rows) {
        const std::uint32_t code = column.codes[row];
        if (code == kMissingCode) {
            ++p.missing;
            continue;
        }
        ++p.filled;
        p.distinct += p.codeCounts[code] == 0 ? 1 : 0;
        ++p.codeCounts[code];
    }
    p.wholeNumbers = false;
    p.min = p.max = p.mean = std::nan("");
}

} // namespace

ColumnProfile profileColumn(const TableColumn& column, const std::vector<std::uint32_t>& rows)
{
    ColumnProfile profile;
    if (column.numeric)
        profileNumbers(column, rows, profile);
    else
        profileText(column, rows, profile);
    return profile;
}

std::vector<std::size_t> numberHistogram(const TableColumn& column, const std::vector<std::uint32_t>& rows,
                                         const ColumnProfile& profile)
{
    std::vector<std::size_t> bins(kHistogramBins, 0);
    if (!column.numeric || profile.filled == 0)
        return bins;
    const double width = (profile.max - profile.min) / kHistogramBins;
    for (std::uint32_t row : rows) {
        const double x = column.numbers[row];
        if (std::isnan(x))
            continue;
        const int bin = width > 0 ? int((x - profile.min) / width) : 0;
        ++bins[std::size_t(std::clamp(bin, 0, kHistogramBins - 1))];
    }
    return bins;
}

} // namespace neurite
