// loadTable: read the columns, choose the target and the roles, drop rows without a target, split, learn
// the encoding from the training rows, encode, and report what was done.
#include "neurite/TableData.h"

#include "data/TableCells.h"
#include "data/TableFit.h"
#include "data/TableProfile.h"
#include "data/TableLoading.h"
#include "data/TableRoles.h"
#include "data/TableSource.h"
#include "kernels/ThreadPool.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#if !NEURITE_PLAIN_THREADS
#include <tbb/parallel_for.h>
#endif

namespace neurite {

namespace {

// At most this many encoded values (4 GiB of floats) are allocated for a table.
constexpr double kMaxEncodedValues = 1e9;
constexpr int kMaxClasses = 256; // labels are bytes

ReadColumns readColumns(const TableSource& source)
{
    TableColumnsSink sink(source.name);
    ReadColumns read;
    read.format = readCsv(source.open(), source.name, sink);
    read.rows = read.format.rows - 1;
    if (read.rows == 0)
        throw NeuriteError(source.name + " has a header but no rows of data");
    if (sink.columns().size() < 2)
        throw NeuriteError(source.name + " has a single column (" + sink.columns().front().name +
                           "): a table needs input columns and a target column, separated by commas, semicolons "
                           "or tabs");
    read.columns = std::move(sink.columns());
    read.preview = sink.previewRows();
    return read;
}

// body(0) .. body(n - 1) on all cores: each column's statistics are independent. (Straight oneTBB rather
// than a ThreadPool, whose arena flushes denormals: statistics must not depend on where they ran.)
void forEachColumn(std::size_t n, const std::function<void(std::size_t)>& body)
{
#if NEURITE_PLAIN_THREADS
    for (std::size_t i = 0; i < n; ++i)
        body(i); // see ThreadPool.h
#else
    tbb::parallel_for(std::size_t(0), n, body);
#endif
}

// A text column set numeric: each distinct text must be a number.
void textToNumbers(TableColumn& column, bool decimalComma, const std::string& file)
{
    std::vector<double> valueOfCode;
    for (std::size_t code = 0; code < column.values.size(); ++code) {
        const CellValue cell = parseCell(column.values[code], decimalComma);
        if (cell.kind == CellKind::Text || cell.kind == CellKind::NonFinite) {
            const auto row = std::find(column.codes.begin(), column.codes.end(), std::uint32_t(code));
            throw NeuriteError(file + ", row " + std::to_string(row - column.codes.begin() + 2) + ", column '" +
                               column.name + "': '" + column.values[code] + "' is not " +
                               (cell.kind == CellKind::Text ? "a number" : "a finite number") +
                               ", but the column is set numeric");
        }
        valueOfCode.push_back(cell.kind == CellKind::Missing ? std::nan("") : cell.number);
    }
    column.numbers.resize(column.codes.size());
    for (std::size_t r = 0; r < column.codes.size(); ++r)
        column.numbers[r] = column.codes[r] == kMissingCode ? std::nan("") : valueOfCode[column.codes[r]];
    column.numeric = true;
    column.codes = {};
}

// Applies --column overrides that change what a column holds, reading text a second time when a column
// of numbers is wanted as categories (or turned to text after its first rows).
void applyValueOverrides(const TableSource& source, ReadColumns& read, const std::map<std::string, ColumnRole>& roles,
                         std::size_t target)
{
    std::vector<bool> wanted(read.columns.size(), false);
    for (std::size_t i = 0; i < read.columns.size(); ++i) {
        TableColumn& column = read.columns[i];
        const auto role = roles.find(column.name);
        const bool categorical = role != roles.end() && role->second == ColumnRole::Categorical;
        // A column turned to text after its first rows is read again even when ignored: the report counts it.
        wanted[i] = column.textLater || (categorical && column.numeric && i != target);
        if (role != roles.end() && role->second == ColumnRole::Numeric && !column.numeric && !column.textLater)
            textToNumbers(column, read.format.delimiter == ';', source.name);
    }
    if (std::find(wanted.begin(), wanted.end(), true) != wanted.end()) {
        TableTextSink sink(read.columns, wanted);
        readCsv(source.open(), source.name, sink);
    }
    for (std::size_t i = 0; i < read.columns.size(); ++i) {
        const auto role = roles.find(read.columns[i].name);
        if (wanted[i] && role != roles.end() && role->second == ColumnRole::Numeric)
            textToNumbers(read.columns[i], read.format.delimiter == ';', source.name);
    }
}

// "inf" or "1e999" in a column used as numbers.
void checkFinite(const TableColumn& column, const std::string& file)
{
    if (column.numeric && column.nonFiniteRow != 0)
        throw NeuriteError(file + ", row " + std::to_string(column.nonFiniteRow) + ", column '" + column.name +
                           "': " + column.nonFiniteText + " is not a finite number");
}

std::vector<std::uint32_t> rowsWithTarget(const TableColumn& target)
{
    std::vector<std::uint32_t> kept;
    kept.reserve(target.rows());
    for (std::size_t r = 0; r < target.rows(); ++r) {
        const bool missing = target.numeric ? std::isnan(target.numbers[r]) : target.codes[r] == kMissingCode;
        if (!missing)
            kept.push_back(std::uint32_t(r));
    }
    return kept;
}

} // namespace

namespace {

// The classes of a classification target, sorted (text by its bytes, numbers by value), and each kept
// row's class.
void findClasses(const TableColumn& target, TablePlan& plan, const std::string& file)
{
    const auto tooMany = [&] {
        return NeuriteError(file + ", column '" + target.name + "': more than " + std::to_string(kMaxClasses) +
                            " classes; a classification target may have at most " + std::to_string(kMaxClasses) +
                            " (for a number to predict, set it numeric: --column '" + target.name + "=numeric')");
    };
    plan.classOfRow.assign(target.rows(), -1);
    if (target.numeric) {
        std::vector<double> values;
        for (std::uint32_t row : plan.kept)
            if (std::find(values.begin(), values.end(), target.numbers[row]) == values.end()) {
                values.push_back(target.numbers[row]);
                if (values.size() > std::size_t(kMaxClasses))
                    throw tooMany();
            }
        std::sort(values.begin(), values.end());
        for (double value : values)
            plan.classNames.push_back(classNameOfNumber(value));
        for (std::uint32_t row : plan.kept)
            plan.classOfRow[row] = int(std::lower_bound(values.begin(), values.end(), target.numbers[row]) -
                                       values.begin());
        return;
    }
    std::vector<std::uint32_t> codes;
    for (std::size_t code = 0; code < plan.profiles[plan.target].codeCounts.size(); ++code)
        if (plan.profiles[plan.target].codeCounts[code] > 0)
            codes.push_back(std::uint32_t(code));
    if (codes.size() > std::size_t(kMaxClasses))
        throw tooMany();
    std::sort(codes.begin(), codes.end(), [&](auto a, auto b) { return target.values[a] < target.values[b]; });
    std::vector<int> classOfCode(target.values.size(), -1);
    for (std::size_t c = 0; c < codes.size(); ++c) {
        classOfCode[codes[c]] = int(c);
        plan.classNames.push_back(target.values[codes[c]]);
    }
    for (std::uint32_t row : plan.kept)
        plan.classOfRow[row] = classOfCode[target.codes[row]];
}

// Puts the classes in the order of `names` (those not among them last, in their own order): painted classes
// keep the painter's order whatever their names sort as.
void orderClasses(TablePlan& plan, const std::vector<std::string>& names)
{
    const auto rank = [&](const std::string& name) {
        return std::find(names.begin(), names.end(), name) - names.begin();
    };
    std::vector<int> order(plan.classNames.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return rank(plan.classNames[std::size_t(a)]) < rank(plan.classNames[std::size_t(b)]);
    });
    std::vector<int> newIndex(order.size());
    std::vector<std::string> ordered;
    for (std::size_t i = 0; i < order.size(); ++i) {
        newIndex[std::size_t(order[i])] = int(i);
        ordered.push_back(plan.classNames[std::size_t(order[i])]);
    }
    plan.classNames = std::move(ordered);
    for (int& c : plan.classOfRow)
        if (c >= 0)
            c = newIndex[std::size_t(c)];
}

void checkTarget(const TableColumn& target, const TablePlan& plan, const std::string& file)
{
    const std::string column = file + ", column '" + target.name + "' (the target): ";
    if (plan.kept.empty())
        throw NeuriteError(column + "empty in every row, so there is nothing to learn; choose another target with "
                                    "--target");
    if (plan.task == TaskKind::Classification && plan.classNames.size() < 2)
        throw NeuriteError(column + "only one class ('" + plan.classNames.front() + "') in its " +
                           std::to_string(plan.kept.size()) + " rows; a classifier needs at least two classes");
    const ColumnProfile& profile = plan.profiles[plan.target];
    if (plan.task == TaskKind::Regression && profile.min == profile.max)
        throw NeuriteError(column + "the same value (" + numberText(profile.min) +
                           ") in every row; there is "
                           "nothing to learn");
}

TablePlan planTable(ReadColumns& read, const DataOptions& options, std::size_t target, const std::string& file)
{
    TablePlan plan;
    plan.target = target;
    plan.kept = rowsWithTarget(read.columns[target]);
    plan.profiles.resize(read.columns.size());
    forEachColumn(read.columns.size(),
                  [&](std::size_t i) { plan.profiles[i] = profileColumn(read.columns[i], plan.kept); });
    const auto overrideOf = [&](const TableColumn& column) -> const ColumnRole* {
        const auto found = options.columnRoles.find(column.name);
        return found == options.columnRoles.end() ? nullptr : &found->second;
    };
    // "inf" is an error wherever numbers are read, unless the column is left out by the user.
    for (const TableColumn& column : read.columns)
        if (const ColumnRole* role = overrideOf(column); !role || *role != ColumnRole::Ignored)
            checkFinite(column, file);
    const TableColumn& targetColumn = read.columns[target];
    plan.task = targetTask(targetColumn, plan.profiles[target], overrideOf(targetColumn));
    if (plan.task == TaskKind::Classification && !plan.kept.empty())
        findClasses(targetColumn, plan, file);
    checkTarget(targetColumn, plan, file);
    for (std::size_t i = 0; i < read.columns.size(); ++i) {
        const TableColumn& column = read.columns[i];
        if (i == target) {
            const char* kind = plan.task == TaskKind::Classification ? "the target: classes" : "the target: a number";
            plan.roles.push_back({ColumnRole::Target, kind});
        } else if (const ColumnRole* role = overrideOf(column)) {
            plan.roles.push_back({*role, "set by --column"});
        } else {
            plan.roles.push_back(inferInputRole(column, plan.profiles[i], file));
        }
    }
    return plan;
}

std::string ignoredList(const ReadColumns& read, const TablePlan& plan)
{
    std::string list;
    for (std::size_t i = 0; i < read.columns.size(); ++i)
        if (plan.roles[i].role == ColumnRole::Ignored)
            list += (list.empty() ? "" : "; ") + read.columns[i].name + ": " + plan.roles[i].reason;
    return list;
}

// Numbers near the end of double's range (beyond about 1e154) overflow the sum of squares: refused rather
// than encoded as infinities.
void checkStatistics(const ColumnEncoding& column, const std::string& file)
{
    if (!std::isfinite(column.mean) || !std::isfinite(column.deviation))
        throw NeuriteError(file + ", column '" + column.name +
                           "': its numbers are too large to standardise (their mean or deviation is beyond 1e308)");
}

// The schema learnt from the training rows. A column without a filled training cell is ignored.
DataSchema fitSchema(const ReadColumns& read, TablePlan& plan, const TableSplit& split, const std::string& file)
{
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    schema.task = plan.task;
    std::vector<std::optional<ColumnEncoding>> encodings(read.columns.size());
    forEachColumn(read.columns.size(), [&](std::size_t i) {
        if (plan.roles[i].role == ColumnRole::Numeric)
            encodings[i] = fitNumeric(read.columns[i], split.train);
        else if (plan.roles[i].role == ColumnRole::Categorical)
            encodings[i] = fitCategorical(read.columns[i], split.train);
    });
    for (std::size_t i = 0; i < read.columns.size(); ++i) {
        RoleChoice& role = plan.roles[i];
        std::optional<ColumnEncoding>& encoding = encodings[i];
        if (!encoding && (role.role == ColumnRole::Numeric || role.role == ColumnRole::Categorical))
            role = {ColumnRole::Ignored, "no value in the training rows"};
        if (!encoding)
            encoding = ColumnEncoding{.name = read.columns[i].name, .role = role.role};
        if (role.role == ColumnRole::Target && plan.task == TaskKind::Classification)
            encoding->categories = plan.classNames;
        schema.columns.push_back(*encoding);
    }
    if (schema.encodedWidth() == 0)
        throw NeuriteError(file + ": no column is left as an input (" + ignoredList(read, plan) +
                           "); set one with --column NAME=numeric or NAME=categorical");
    if (plan.task == TaskKind::Regression) {
        const std::optional<ColumnEncoding> target = fitNumeric(read.columns[plan.target], split.train);
        schema.targetMean = target->mean;
        schema.targetDeviation = target->deviation;
        checkStatistics(*target, file);
    }
    for (const ColumnEncoding& column : schema.columns)
        if (column.role == ColumnRole::Numeric)
            checkStatistics(column, file);
    return schema;
}

SampleSet encodeSplit(const ReadColumns& read, const TablePlan& plan, const DataSchema& schema,
                      const std::vector<std::uint32_t>& rows, const std::string& file)
{
    SampleSet set;
    encodeTableRows(read.columns, schema, rows, set, file);
    const TableColumn& target = read.columns[plan.target];
    for (std::uint32_t row : rows) {
        if (plan.task == TaskKind::Classification)
            set.labels.push_back(std::uint8_t(plan.classOfRow[row]));
        else
            set.targets.push_back(
                encodedOrThrow(float((target.numbers[row] - schema.targetMean) / schema.targetDeviation),
                               target.numbers[row], row, target.name, file));
    }
    return set;
}

// How a table is read: as given, or for a generated set as the set says (its own target, read as classes or
// as a value even for a tiny set; its test ratio and seed choose the test rows).
DataOptions readingOptions(const std::string& nameOrPath, DataOptions options)
{
    if (!isPlaneDataSet(nameOrPath)) {
        if (!(options.testSplit >= 0 && options.testSplit <= 0.9))
            throw NeuriteError("the test split must be between 0 and 0.9");
        return options;
    }
    const bool regression = isPlaneRegression(nameOrPath, options.plane);
    options.target.clear(); // the last column
    options.columnRoles[regression ? "value" : "label"] = regression ? ColumnRole::Numeric : ColumnRole::Categorical;
    options.testSplit = options.plane.testRatio;
    options.splitSeed = options.plane.seed;
    return options;
}

} // namespace

Dataset loadTable(const std::string& nameOrPath, const DataOptions& given, TableReport* report)
{
    const DataOptions options = readingOptions(nameOrPath, given);
    const TableSource source = tableSource(nameOrPath, options.plane);
    ReadColumns read = readColumns(source);
    const std::size_t target = findTargetColumn(read.columns, options.target, source.name);
    checkRoleOverrides(read.columns, options.columnRoles, target, source.name);
    applyValueOverrides(source, read, options.columnRoles, target);
    TablePlan plan = planTable(read, options, target, source.name);
    if (nameOrPath == kPaintedDataSet && plan.task == TaskKind::Classification)
        orderClasses(plan, paintedClassNames(options.plane.painted));
    const TableSplit split = splitRows(plan.kept,
                                       plan.task == TaskKind::Classification ? plan.classOfRow : std::vector<int>{},
                                       options.testSplit, options.splitSeed);
    const DataSchema schema = fitSchema(read, plan, split, source.name);
    if (double(plan.kept.size()) * schema.encodedWidth() > kMaxEncodedValues)
        throw NeuriteError(source.name + ": " + std::to_string(plan.kept.size()) + " rows of " +
                           std::to_string(schema.encodedWidth()) +
                           " encoded values each are more than this machine should hold; leave out categorical "
                           "columns with many categories (--column NAME=ignored)");
    Dataset data;
    data.name = nameOrPath;
    data.source = source.name;
    data.schema = schema;
    data.classNames = plan.classNames;
    data.train = encodeSplit(read, plan, schema, split.train, source.name);
    data.test = encodeSplit(read, plan, schema, split.test, source.name);
    if (report)
        *report = buildTableReport(source.name, read, plan, split, schema);
    return data;
}

} // namespace neurite
