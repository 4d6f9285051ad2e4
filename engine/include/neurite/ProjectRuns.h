// Editing the runs a project keeps: append, rename, star, annotate, delete, and keeping the weights of the
// best runs only. Every function throws NeuriteError with a message for the user when asked for something
// impossible (an unknown run, a name already taken).
#pragma once

#include "neurite/ProjectFile.h"
#include "neurite/RunRecord.h"

#include <string>
#include <vector>

namespace neurite {

// The index of the run called `name`, or -1.
int findRun(const Project& project, const std::string& name);
// Index of the run called `name`; throws NeuriteError ("no run called 'x' (runs: a, b)") when none is.
int runIndex(const Project& project, const std::string& name);

// `base` when no run has that name, else "base (2)", "base (3)", ...; "run N" (N = runs + 1) for an empty base.
std::string uniqueRunName(const Project& project, const std::string& base = {});

// Appends `run` (given a unique name when its own is empty or taken, and a date when it has none), then
// keeps weights only for the project's best keptRunWeights runs. Returns the run's index.
int appendRun(Project& project, RunRecord run);
// The same on a list of runs (a window's document keeps its runs apart from a Project).
int appendRun(std::vector<RunRecord>& runs, RunRecord run, int keptRunWeights);

// Throws NeuriteError for an index out of range, an empty name or one another run has.
void renameRun(Project& project, int index, const std::string& name);
void setRunStarred(Project& project, int index, bool starred);
void setRunNote(Project& project, int index, const std::string& note);
void deleteRun(Project& project, int index);
// The same on a list of runs (a window's document).
void renameRun(std::vector<RunRecord>& runs, int index, const std::string& name);
void setRunStarred(std::vector<RunRecord>& runs, int index, bool starred);
void setRunNote(std::vector<RunRecord>& runs, int index, const std::string& note);
void deleteRun(std::vector<RunRecord>& runs, int index);

// Drops the weights of every run but the `keep` best by runMetric (starred runs keep theirs too: the
// user marked them). keep < 0 keeps all.
void keepWeightsOfBestRuns(std::vector<RunRecord>& runs, int keep);

// A v1 file's one trained state, or a window's finished run, as a run: the project's design, settings,
// history and weights.
RunRecord runFromProjectState(const Project& project);

// Puts a run's design and settings back as the project's current ones (its weights and history too when
// it kept its weights), like the Runs list's "restore".
void restoreRun(Project& project, int index);

} // namespace neurite
