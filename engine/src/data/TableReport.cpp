// The load report: each column's role, type, missing count, range, histogram or categories, the class
// balance, the split and the first rows.
#include "data/TableLoading.h"

#include <algorithm>
#include <numeric>

namespace neurite {

namespace {

// Text columns list their categories with counts: the encoding's order for a categorical column, the most
// frequent first (at most this many) for the others.
constexpr std::size_t kListedValues = 20;

void summariseText(const TableColumn& column, const ColumnProfile& profile, const ColumnEncoding& encoding,
                   ColumnSummary& summary)
{
    if (encoding.role == ColumnRole::Categorical || (encoding.role == ColumnRole::Target && !column.numeric)) {
        for (const std::string& category : encoding.categories) {
            const auto found = column.index.find(category);
            summary.categories.push_back(category);
            summary.categoryCounts.push_back(found == column.index.end() ? 0 : profile.codeCounts[found->second]);
        }
        return;
    }
    std::vector<std::uint32_t> codes(profile.codeCounts.size());
    std::iota(codes.begin(), codes.end(), 0u);
    const std::size_t listed = std::min(kListedValues, codes.size());
    std::partial_sort(codes.begin(), codes.begin() + long(listed), codes.end(), [&](auto a, auto b) {
        return profile.codeCounts[a] > profile.codeCounts[b] ||
               (profile.codeCounts[a] == profile.codeCounts[b] && a < b);
    });
    for (std::size_t i = 0; i < listed && profile.codeCounts[codes[i]] > 0; ++i) {
        summary.categories.push_back(column.values[codes[i]]);
        summary.categoryCounts.push_back(profile.codeCounts[codes[i]]);
    }
}

ColumnSummary summarise(const TableColumn& column, const ColumnProfile& profile, const RoleChoice& role,
                        const ColumnEncoding& encoding, const std::vector<std::uint32_t>& kept)
{
    ColumnSummary summary;
    summary.name = column.name;
    summary.role = role.role;
    summary.reason = role.reason;
    summary.type = column.numeric ? ValueType::Number : ValueType::Text;
    summary.missing = profile.missing;
    summary.distinct = profile.distinct;
    summary.min = profile.min;
    summary.max = profile.max;
    summary.mean = profile.mean;
    if (column.numeric)
        summary.histogram = numberHistogram(column, kept, profile);
    else
        summariseText(column, profile, encoding, summary);
    return summary;
}

} // namespace

TableReport buildTableReport(const std::string& file, const ReadColumns& read, const TablePlan& plan,
                             const TableSplit& split, const DataSchema& schema)
{
    TableReport report;
    report.file = file;
    report.delimiter = read.format.delimiter;
    report.byteOrderMark = read.format.byteOrderMark;
    report.rows = read.rows;
    report.droppedRows = read.rows - plan.kept.size();
    report.trainRows = split.train.size();
    report.testRows = split.test.size();
    report.target = read.columns[plan.target].name;
    report.task = plan.task;
    report.encodedWidth = schema.encodedWidth();
    for (std::size_t i = 0; i < read.columns.size(); ++i) {
        const ColumnEncoding& encoding = schema.columns[i];
        report.columns.push_back(summarise(read.columns[i], plan.profiles[i], plan.roles[i], encoding, plan.kept));
        if (encoding.role == ColumnRole::Numeric || encoding.role == ColumnRole::Categorical)
            report.imputedCells += plan.profiles[i].missing;
        report.header.push_back(read.columns[i].name);
    }
    report.classNames = plan.classNames;
    report.classCounts.assign(plan.classNames.size(), 0);
    for (std::uint32_t row : plan.kept)
        if (plan.task == TaskKind::Classification)
            ++report.classCounts[std::size_t(plan.classOfRow[row])];
    report.firstRows = read.preview;
    return report;
}

const ColumnSummary* TableReport::column(const std::string& name) const
{
    for (const ColumnSummary& summary : columns)
        if (summary.name == name)
            return &summary;
    return nullptr;
}

} // namespace neurite
