// Editing a project's runs: names kept unique, weights kept for the best runs only.
#include "neurite/ProjectRuns.h"

#include "neurite/Error.h"
#include "neurite/SweepResults.h"

#include <algorithm>

namespace neurite {

namespace {

void checkIndex(const std::vector<RunRecord>& runs, int index)
{
    if (index < 0 || index >= int(runs.size()))
        throw NeuriteError("no run number " + std::to_string(index + 1) + " (the project has " +
                           std::to_string(runs.size()) + " runs)");
}

void checkIndex(const Project& project, int index)
{
    checkIndex(project.runs, index);
}

// Seconds of training the history accounts for: what a v1 file knows of its run's duration.
double historySeconds(const TrainingHistory& history)
{
    double seconds = 0;
    for (const EpochReport& e : history.epochs)
        seconds += e.seconds;
    return seconds;
}

int findRunIn(const std::vector<RunRecord>& runs, const std::string& name)
{
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].name == name)
            return int(i);
    return -1;
}

std::string uniqueNameIn(const std::vector<RunRecord>& runs, const std::string& base)
{
    if (base.empty()) {
        for (std::size_t n = runs.size() + 1;; ++n)
            if (findRunIn(runs, "run " + std::to_string(n)) < 0)
                return "run " + std::to_string(n);
    }
    if (findRunIn(runs, base) < 0)
        return base;
    for (int n = 2;; ++n)
        if (findRunIn(runs, base + " (" + std::to_string(n) + ")") < 0)
            return base + " (" + std::to_string(n) + ")";
}

} // namespace

int findRun(const Project& project, const std::string& name)
{
    return findRunIn(project.runs, name);
}

int runIndex(const Project& project, const std::string& name)
{
    const int index = findRun(project, name);
    if (index >= 0)
        return index;
    std::string names;
    for (const RunRecord& run : project.runs)
        names += (names.empty() ? "" : ", ") + run.name;
    throw NeuriteError("no run called '" + name + "' (" +
                       (names.empty() ? "the project has no runs" : "runs: " + names) + ")");
}

std::string uniqueRunName(const Project& project, const std::string& base)
{
    return uniqueNameIn(project.runs, base);
}

int appendRun(std::vector<RunRecord>& runs, RunRecord run, int keptRunWeights)
{
    run.name = uniqueNameIn(runs, run.name);
    if (run.date.empty())
        run.date = currentRunDate();
    runs.push_back(std::move(run));
    keepWeightsOfBestRuns(runs, keptRunWeights);
    return int(runs.size()) - 1;
}

int appendRun(Project& project, RunRecord run)
{
    return appendRun(project.runs, std::move(run), project.keptRunWeights);
}

void renameRun(std::vector<RunRecord>& runs, int index, const std::string& name)
{
    checkIndex(runs, index);
    if (name.empty())
        throw NeuriteError("a run's name cannot be empty");
    const int other = findRunIn(runs, name);
    if (other >= 0 && other != index)
        throw NeuriteError("another run is already called '" + name + "'");
    runs[std::size_t(index)].name = name;
}

void setRunStarred(std::vector<RunRecord>& runs, int index, bool starred)
{
    checkIndex(runs, index);
    runs[std::size_t(index)].starred = starred;
}

void setRunNote(std::vector<RunRecord>& runs, int index, const std::string& note)
{
    checkIndex(runs, index);
    runs[std::size_t(index)].note = note;
}

void deleteRun(std::vector<RunRecord>& runs, int index)
{
    checkIndex(runs, index);
    runs.erase(runs.begin() + index);
}

void renameRun(Project& project, int index, const std::string& name)
{
    renameRun(project.runs, index, name);
}

void setRunStarred(Project& project, int index, bool starred)
{
    setRunStarred(project.runs, index, starred);
}

void setRunNote(Project& project, int index, const std::string& note)
{
    setRunNote(project.runs, index, note);
}

void deleteRun(Project& project, int index)
{
    deleteRun(project.runs, index);
}

void keepWeightsOfBestRuns(std::vector<RunRecord>& runs, int keep)
{
    if (keep < 0)
        return;
    int kept = 0;
    for (std::size_t i : rankRuns(runs)) {
        RunRecord& run = runs[i];
        if (!run.weights)
            continue;
        if (kept < keep)
            ++kept;
        else if (!run.starred)
            run.weights.reset();
    }
}

RunRecord runFromProjectState(const Project& project)
{
    RunRecord run;
    run.design = project.spec;
    run.settings = project.settings;
    run.dataSetName = project.dataSetName.empty() ? project.settings.dataSet : project.dataSetName;
    run.classNames = project.classNames;
    run.schema = project.schema;
    run.history = project.history;
    run.test.loss = project.history.testLoss;
    run.test.accuracy = project.history.testAccuracy;
    run.seconds = historySeconds(project.history);
    run.weights = project.weights;
    return run;
}

void restoreRun(Project& project, int index)
{
    checkIndex(project, index);
    const RunRecord& run = project.runs[std::size_t(index)];
    project.spec = run.design;
    project.settings = run.settings;
    project.history = run.history;
    project.weights = run.weights;
    if (run.weights) {
        project.dataSetName = run.dataSetName;
        project.classNames = run.classNames;
        project.schema = run.schema;
    }
}

} // namespace neurite
