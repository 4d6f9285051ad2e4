// Formatting runs as a ranked, aligned text table.
#include "SweepTableText.h"

#include "ConsoleFormat.h"
#include "neurite/SweepResults.h"

#include <algorithm>
#include <cmath>

namespace neurite::cli {

namespace {

std::string metricCell(const RunRecord& run)
{
    const double metric = runMetric(run);
    if (std::isnan(metric))
        return "-";
    return run.test.regression ? fixed(metric, 4) : percent(metric);
}

std::string validationCell(const RunRecord& run)
{
    const double best = bestValidation(run);
    if (std::isnan(best))
        return "-";
    return run.test.regression ? fixed(best, 4) : percent(best);
}

using Row = std::vector<std::string>;

// Characters, not bytes: "R²" is two wide.
std::size_t displayWidth(const std::string& text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void printRows(const std::vector<Row>& rows, std::ostream& out)
{
    std::vector<std::size_t> widths;
    for (const Row& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c], displayWidth(row[c]));
        }
    for (const Row& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? padRight(row[c], widths[c] + 2) : row[c];
        out << line << "\n";
    }
}

} // namespace

std::string runTimeText(double seconds)
{
    return seconds < 60 ? fixed(seconds, 1) + " s" : duration(seconds);
}

std::string runMetricText(const RunRecord& run)
{
    if (std::isnan(runMetric(run)))
        return "untested";
    return runMetricName(run) + " " + metricCell(run);
}

void printRunTable(const std::vector<RunRecord>& runs, std::ostream& out)
{
    if (runs.empty())
        return;
    const std::vector<std::string> keys = sweptKeys(runs);
    const bool regression = std::any_of(runs.begin(), runs.end(), [](const RunRecord& r) { return r.test.regression; });
    // The name says what a run is when it swept nothing (a `train --project` run, a window's run).
    const bool named = std::any_of(runs.begin(), runs.end(), [](const RunRecord& r) { return r.swept.empty(); });
    Row header = {"rank"};
    if (named)
        header.push_back("run");
    header.insert(header.end(), keys.begin(), keys.end());
    for (const char* column : {regression ? "test R\u00b2" : "test acc", "best val", "epochs", "time"})
        header.push_back(column);
    std::vector<Row> rows = {header};
    const std::vector<std::size_t> order = rankRuns(runs);
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const RunRecord& run = runs[order[rank]];
        Row row = {std::to_string(rank + 1)};
        if (named)
            row.push_back(run.name);
        for (const std::string& key : keys)
            row.push_back(sweptValue(run, key).empty() ? "-" : sweptValue(run, key));
        row.push_back(metricCell(run));
        row.push_back(validationCell(run));
        row.push_back(std::to_string(run.history.epochs.size()));
        row.push_back(runTimeText(run.seconds));
        rows.push_back(std::move(row));
    }
    printRows(rows, out);
}

} // namespace neurite::cli
