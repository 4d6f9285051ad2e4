// Aligned columns of plain text; histograms as rows of block characters.
#include "TableReportText.h"

#include "ConsoleFormat.h"

#include <algorithm>

namespace neurite::cli {

namespace {

std::string plural(std::size_t n, const char* one, const char* many)
{
    return withThousands(double(n)) + " " + (n == 1 ? one : many);
}

// Ten bins as eight-level bars: "▁▃█▅▂▁  ▁".
std::string bars(const std::vector<std::size_t>& bins)
{
    static const char* const kLevels[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    const std::size_t highest = bins.empty() ? 0 : *std::max_element(bins.begin(), bins.end());
    std::string text;
    for (std::size_t count : bins) {
        const std::size_t level = highest == 0 ? 0 : (count * 8 + highest - 1) / highest;
        text += kLevels[std::min<std::size_t>(level, 8)];
    }
    return text;
}

void printColumnDetails(const ColumnSummary& column, std::ostream& out)
{
    out << "      missing " << withThousands(double(column.missing));
    if (column.type == ValueType::Number) {
        out << "  min " << significant(column.min) << "  max " << significant(column.max) << "  mean "
            << significant(column.mean) << "  " << bars(column.histogram) << "\n";
        return;
    }
    out << "  " << plural(column.distinct, "distinct value", "distinct values") << ":";
    for (std::size_t i = 0; i < column.categories.size(); ++i)
        out << (i ? ", " : " ") << column.categories[i] << " (" << withThousands(double(column.categoryCounts[i]))
            << ")";
    out << (column.categories.size() < column.distinct ? ", ..." : "") << "\n";
}

void printTask(const TableReport& report, std::ostream& out, bool details)
{
    out << "Target '" << report.target << "': ";
    if (report.task == TaskKind::Regression) {
        out << "regression (a number to predict)\n";
        return;
    }
    out << "classification, " << plural(report.classNames.size(), "class", "classes");
    if (details || report.classNames.size() <= 10) {
        out << " (";
        for (std::size_t c = 0; c < report.classNames.size(); ++c)
            out << (c ? ", " : "") << report.classNames[c] << " " << withThousands(double(report.classCounts[c]));
        out << ")";
    }
    out << "\n";
}

} // namespace

void printTableReport(const TableReport& report, std::ostream& out, bool details)
{
    out << report.file << ": " << plural(report.rows, "row", "rows") << ", "
        << plural(report.columns.size(), "column", "columns") << " (" << delimiterName(report.delimiter) << "-separated"
        << (report.byteOrderMark ? ", UTF-8 with a byte order mark" : "") << ")\n";
    printTask(report, out, details);
    std::size_t width = 8;
    for (const ColumnSummary& column : report.columns)
        width = std::max(width, column.name.size() + 2);
    for (const ColumnSummary& column : report.columns) {
        out << "  " << padRight(column.name, width) << padRight(roleName(column.role), 13) << column.reason << "\n";
        if (details)
            printColumnDetails(column, out);
    }
    out << "Missing values: " << plural(report.imputedCells, "input cell", "input cells")
        << " imputed from the training rows (median, most frequent category); "
        << plural(report.droppedRows, "row", "rows") << " without a target dropped\n";
    out << "Split: " << plural(report.trainRows, "training row", "training rows") << ", "
        << plural(report.testRows, "test row", "test rows") << "; " << report.encodedWidth << " input values per row\n";
}

} // namespace neurite::cli
