// The ranked table `neurite sweep` and `neurite runs` print: one row per run, best first.
#pragma once

#include "neurite/RunRecord.h"

#include <ostream>
#include <vector>

namespace neurite::cli {

// Rank, the swept values (or the run's name when nothing was swept), the test metric, the best validation,
// the epochs trained and the duration.
void printRunTable(const std::vector<RunRecord>& runs, std::ostream& out);

// "accuracy 97.12%" or "R² 0.8123", "untested" when the run has no test result.
std::string runMetricText(const RunRecord& run);

// "7.4 s" under a minute, else "1:15".
std::string runTimeText(double seconds);

} // namespace neurite::cli
