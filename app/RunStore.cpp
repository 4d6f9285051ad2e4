// Appending runs to a project file, creating it from the best run when it does not exist yet.
#include "RunStore.h"

#include "neurite/ProjectFile.h"
#include "neurite/ProjectRuns.h"
#include "neurite/SweepResults.h"

#include <filesystem>
#include <iostream>

namespace neurite::cli {

void keepRunsInProject(const std::string& path, const std::vector<RunRecord>& runs)
{
    if (runs.empty())
        return;
    const bool exists = std::filesystem::exists(path);
    Project project = exists ? loadProject(path) : Project{};
    const int first = int(project.runs.size());
    for (const RunRecord& run : runs)
        appendRun(project, run);
    if (!exists)
        restoreRun(project, first + int(rankRuns(runs).front()));
    saveProject(project, path);
    std::cout << (exists ? "Added " : "Saved ") << runs.size() << (runs.size() == 1 ? " run to " : " runs to ") << path
              << " (" << project.runs.size() << " runs in all)\n";
}

void keepRunInProject(const std::string& path, const RunRecord& run)
{
    keepRunsInProject(path, {run});
}

} // namespace neurite::cli
