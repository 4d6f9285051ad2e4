// The .neurite project file: design, UI state, training settings, (once trained) weights and history, and
// every run kept.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/RunRecord.h"
#include "neurite/TrainingHistory.h"
#include "neurite/TrainingSettings.h"

#include <optional>
#include <string>

namespace neurite {

struct Project {
    NetworkSpec spec;
    std::string uiStateJson = "{}"; // opaque to the engine: node positions and the like
    TrainingSettings settings;
    std::optional<Weights> weights; // present once trained
    TrainingHistory history;
    std::string dataSetName; // what the weights were trained on (for class names)
    std::vector<std::string> classNames;
    // The preprocessing the weights were trained with; absent in older files (grey images of the Input's
    // size).
    std::optional<DataSchema> schema;
    // Every run kept, oldest first (ProjectRuns.h edits them). The fields above are the current state:
    // the design being edited and the weights the Predict tab uses.
    std::vector<RunRecord> runs;
    int keptRunWeights = 3; // how many of the best runs keep their weights (-1: all), so files stay small
};

// 2: runs kept (format 1 files open: their trained state becomes run 1).
constexpr int kProjectFormatVersion = 2;

// Atomic: writes a temporary file beside `path`, then renames it over. Throws NeuriteError on failure
// (naming the path); the old file is then untouched.
void saveProject(const Project& project, const std::string& path);

// Throws NeuriteError naming the file and the problem: not a Neurite file, newer version, truncated,
// checksum mismatch, bad JSON, tensor sizes that disagree with the design.
Project loadProject(const std::string& path);

// Builds the project's network and loads its weights if it has any.
Network networkFromProject(const Project& project);

} // namespace neurite
