// What each column of a table is used as: inferred from what it holds, or set by the user.
#pragma once

#include "data/TableColumns.h"
#include "data/TableProfile.h"
#include "neurite/DataSchema.h"

#include <map>
#include <string>
#include <vector>

namespace neurite {

struct RoleChoice {
    ColumnRole role = ColumnRole::Numeric;
    std::string reason;
};

// The target's index: `target` by name, or the last column when empty. Throws NeuriteError listing the
// columns when there is no such column.
std::size_t findTargetColumn(const std::vector<TableColumn>& columns, const std::string& target,
                             const std::string& file);

// Throws NeuriteError for an override naming no column, or setting the target's role to ignored.
void checkRoleOverrides(const std::vector<TableColumn>& columns, const std::map<std::string, ColumnRole>& overrides,
                        std::size_t target, const std::string& file);

// Classification when the target holds text, or whole numbers of few distinct values; otherwise
// regression. A categorical override makes it classification, a numeric one regression.
TaskKind targetTask(const TableColumn& target, const ColumnProfile& profile, const ColumnRole* override);

// An input column's role from its profile over the kept rows: numbers are numeric (a constant column and
// a column of row numbers are ignored), text is categorical (identifier-like text, a distinct value in
// most rows, is ignored). Throws NeuriteError naming the column when it has more than kMaxCategories.
RoleChoice inferInputRole(const TableColumn& column, const ColumnProfile& profile, const std::string& file);

} // namespace neurite
