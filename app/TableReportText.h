// The load report of a table as the command line prints it.
#pragma once

#include "neurite/TableData.h"

#include <ostream>

namespace neurite::cli {

// Rows, the delimiter, the target and task, each column's role (and why), imputed and dropped counts, the
// split. `details` adds each column's missing count, range, mean and histogram or categories, and the class
// balance: what `neurite data info` shows.
void printTableReport(const TableReport& report, std::ostream& out, bool details);

} // namespace neurite::cli
