// Fuzzes the CSV reader and table loading. The first byte picks the options (the target, the test split,
// a role override); the rest is the file. A loaded table must be consistent (values for every row, labels
// below the class count), and the raw-row encoder (eval, predict) must give bit for bit the values that
// loading gave, for every row.
#include "FuzzSupport.h"
#include "neurite/Error.h"
#include "neurite/TableData.h"

#include <cmath>
#include <optional>

using namespace neurite;

namespace {

std::optional<Dataset> tryLoad(const std::string& path, const DataOptions& options, TableReport* report)
{
    try {
        return loadTable(path, options, report);
    } catch (const NeuriteError&) {
        return std::nullopt;
    }
}

void checkSet(const SampleSet& set, const Dataset& data)
{
    const std::size_t width = std::size_t(data.schema.encodedWidth());
    if (set.kind != SampleKind::TableRow || std::size_t(set.valuesPerSample()) != width ||
        set.values.size() != set.count() * width)
        fuzz::invariantBroken("a loaded table's values disagree with its row count and schema width");
    for (float value : set.values)
        if (!std::isfinite(value))
            fuzz::invariantBroken("a loaded table holds a value that is not finite");
    for (float target : set.targets)
        if (!std::isfinite(target))
            fuzz::invariantBroken("a loaded table holds a target that is not finite");
    for (std::uint8_t label : set.labels)
        if (label >= data.classCount())
            fuzz::invariantBroken("a label is not below the class count");
    if (data.task() == TaskKind::Regression && !set.labels.empty())
        fuzz::invariantBroken("a regression has class labels");
}

void checkReport(const TableReport& report, const Dataset& data)
{
    if (report.trainRows != data.train.count() || report.testRows != data.test.count() ||
        report.trainRows + report.testRows + report.droppedRows != report.rows ||
        report.encodedWidth != data.schema.encodedWidth() || report.columns.size() != data.schema.columns.size())
        fuzz::invariantBroken("the load report disagrees with the loaded table");
}

// All rows in training, then the same file through the encoder of the learnt schema.
void checkRawRowsEncodeAlike(const std::string& path, const DataOptions& chosen)
{
    DataOptions options = chosen;
    options.testSplit = 0;
    const std::optional<Dataset> loaded = tryLoad(path, options, nullptr);
    if (!loaded)
        return;
    Dataset raw;
    try {
        raw = loadTableWithSchema(path, loaded->schema);
    } catch (const NeuriteError&) {
        fuzz::invariantBroken("a table that loaded cannot be read with its own schema");
    }
    if (raw.test.values != loaded->train.values || raw.test.labels != loaded->train.labels ||
        raw.test.targets != loaded->train.targets)
        fuzz::invariantBroken("raw rows encode differently from loading");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const std::string path = fuzz::scratchPath("table.csv");
    fuzz::writeScratch(path, data + 1, size - 1);
    DataOptions options;
    options.testSplit = (data[0] & 6) == 0 ? 0.0 : (data[0] & 6) == 2 ? 0.2 : 0.5;
    options.splitSeed = data[0] >> 4;
    TableReport report;
    if (data[0] & 1) {
        // The first column as the target: its header cell, read as the reader reads it.
        try {
            readTableRows(
                path, [&](const std::vector<std::string>& header, char) { options.target = header.front(); },
                [](std::size_t, const std::vector<std::string_view>&) {});
        } catch (const NeuriteError&) {
            return 0;
        }
    }
    if ((data[0] & 8) && !options.target.empty())
        options.columnRoles[options.target] = ColumnRole::Categorical;
    const std::optional<Dataset> table = tryLoad(path, options, &report);
    if (!table)
        return 0;
    checkSet(table->train, *table);
    checkSet(table->test, *table);
    checkReport(report, *table);
    checkRawRowsEncodeAlike(path, options);
    return 0;
}
