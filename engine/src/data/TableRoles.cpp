// Role inference: the rules a person would apply looking at a column, with the reason kept for the report.
#include "data/TableRoles.h"

#include "neurite/Error.h"
#include "neurite/TableData.h"

namespace neurite {

namespace {

// Identifier-like text has a distinct value in more than half of its rows (and more than this many).
constexpr std::size_t kIdentifierMinimum = 10;

std::string columnList(const std::vector<TableColumn>& columns)
{
    constexpr std::size_t kListed = 20;
    std::string list;
    for (std::size_t i = 0; i < columns.size() && i < kListed; ++i)
        list += (i ? ", " : "") + columns[i].name;
    if (columns.size() > kListed)
        list += ", ... (" + std::to_string(columns.size()) + " columns)";
    return list;
}

std::string count(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::size_t findTargetColumn(const std::vector<TableColumn>& columns, const std::string& target,
                             const std::string& file)
{
    if (target.empty())
        return columns.size() - 1;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == target)
            return i;
    throw NeuriteError(file + " has no column '" + target + "' to predict (--target); its columns are " +
                       columnList(columns));
}

void checkRoleOverrides(const std::vector<TableColumn>& columns, const std::map<std::string, ColumnRole>& overrides,
                        std::size_t target, const std::string& file)
{
    for (const auto& [name, role] : overrides) {
        std::size_t found = columns.size();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == name)
                found = i;
        if (found == columns.size())
            throw NeuriteError(file + " has no column '" + name + "' (--column); its columns are " +
                               columnList(columns));
        if (role == ColumnRole::Target)
            throw NeuriteError("column '" + name + "': choose the target with --target, not --column");
        if (found == target && role == ColumnRole::Ignored)
            throw NeuriteError("column '" + name + "' is the target: it cannot be ignored");
    }
}

TaskKind targetTask(const TableColumn& target, const ColumnProfile& profile, const ColumnRole* override)
{
    if (override)
        return *override == ColumnRole::Categorical ? TaskKind::Classification : TaskKind::Regression;
    if (!target.numeric)
        return TaskKind::Classification;
    const bool fewWholeNumbers = profile.wholeNumbers && profile.distinct <= kMaxNumberClasses;
    return fewWholeNumbers ? TaskKind::Classification : TaskKind::Regression;
}

RoleChoice inferInputRole(const TableColumn& column, const ColumnProfile& profile, const std::string& file)
{
    if (profile.filled == 0)
        return {ColumnRole::Ignored, "empty in every row"};
    if (column.numeric) {
        if (profile.min == profile.max)
            return {ColumnRole::Ignored, "the same number in every row"};
        if (profile.rowNumbers)
            return {ColumnRole::Ignored, "row numbers (each row one more than the last)"};
        return {ColumnRole::Numeric, "numbers"};
    }
    if (profile.distinct == 1)
        return {ColumnRole::Ignored, "the same text in every row"};
    if (profile.distinct > kIdentifierMinimum && 2 * profile.distinct > profile.filled)
        return {ColumnRole::Ignored,
                "identifier-like: " + count(profile.distinct, "distinct value", "distinct values") + " in " +
                    count(profile.filled, "row", "rows")};
    if (profile.distinct > kMaxCategories)
        throw NeuriteError(file + ", column '" + column.name + "': " + std::to_string(profile.distinct) +
                           " categories, more than the " + std::to_string(kMaxCategories) +
                           " a categorical column may have; leave it out with --column '" + column.name + "=ignored'");
    return {ColumnRole::Categorical, count(profile.distinct, "category", "categories")};
}

} // namespace neurite
