// The stages of loading a table that the loader and its report share.
#pragma once

#include "data/CsvReader.h"
#include "data/TableColumns.h"
#include "data/TableFit.h"
#include "data/TableProfile.h"
#include "data/TableRoles.h"
#include "neurite/TableData.h"

#include <string>
#include <vector>

namespace neurite {

// The file's columns as read.
struct ReadColumns {
    CsvFormat format;
    std::vector<TableColumn> columns;
    std::vector<std::vector<std::string>> preview;
    std::size_t rows = 0; // data rows
};

// What each column is used as, decided over the rows that have a target.
struct TablePlan {
    std::size_t target = 0;
    TaskKind task = TaskKind::Classification;
    std::vector<std::uint32_t> kept; // rows with a target
    std::vector<ColumnProfile> profiles;
    std::vector<RoleChoice> roles;
    std::vector<std::string> classNames; // classification
    std::vector<int> classOfRow;         // classification: per row, -1 for a dropped one
};

// The report of a finished load.
TableReport buildTableReport(const std::string& file, const ReadColumns& read, const TablePlan& plan,
                             const TableSplit& split, const DataSchema& schema);

} // namespace neurite
