// Keeping runs from the command line in a project file (`train --project`, `sweep --project`).
#pragma once

#include "neurite/RunRecord.h"

#include <string>
#include <vector>

namespace neurite::cli {

// Appends `runs` to the project at `path` (its weights kept for the best runs only) and saves it. A missing
// file becomes a new project whose design, settings, weights and history are the best run's.
void keepRunsInProject(const std::string& path, const std::vector<RunRecord>& runs);
void keepRunInProject(const std::string& path, const RunRecord& run);

} // namespace neurite::cli
