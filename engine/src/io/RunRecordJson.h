// RunRecord <-> JSON, for the "designs" and "runs" of a project file (weights are the caller's: their data
// follows the header).
#pragma once

#include "io/JsonInput.h"
#include "neurite/RunRecord.h"

#include <vector>

namespace neurite {

constexpr std::size_t kMaxRuns = 100000;

struct RunsJson {
    Json designs = Json::array(); // each distinct design once
    Json runs = Json::array();    // each run's "design" is an index into `designs`
};

// The runs' designs are deduplicated: a design equal to an earlier one is stored once.
RunsJson runsToJson(const std::vector<RunRecord>& runs);

// The runs without their weights. `designs` may be null only when no run refers to a design. Fails, naming
// the field, for a count over kMaxRuns, a design index out of range, an empty or repeated name.
std::vector<RunRecord> runsFromJson(const Json& runs, const Json* designs, const JsonLocation& at);

} // namespace neurite
