// The design, data and settings a training command starts from, shared by `neurite train`, `neurite
// lr-find` and `neurite sweep`.
#pragma once

#include "Arguments.h"
#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/PlaneData.h"
#include "neurite/ProjectFile.h"

#include <optional>
#include <vector>

namespace neurite::cli {

// --design, --preset, --data and its options, every training setting and augmentation's options.
std::vector<OptionSpec> trainingOptionSpecs();

// The training options given on the command line, over `s`; throws UsageError for settings out of range.
void applyTrainingOptions(const Arguments& a, TrainingSettings& s, bool generatedData);

// The design to train, before the data is known: from a file, a preset, or (neither given) chosen later.
struct TrainingPlan {
    Project project;
    bool hasSettings = false; // a .neurite project keeps its own settings
    bool isPreset = false;
    bool chooseDesign = false;
};

// The data and, for an image folder or a generated set, how it was read: saved in the project's settings.
struct LoadedData {
    Dataset data;
    std::optional<ImageSettings> image;
    std::optional<PlaneDataOptions> plane;
};

struct PreparedTraining {
    TrainingPlan plan; // plan.project: the design fitted to the data, the settings to train with
    LoadedData loaded;
};

// The design (--design, --preset or chosen for the data), the data (--data, else the project's data set,
// else mnist-10k) and the settings (the project's or ones that suit the data, then the options given).
PreparedTraining prepareTraining(const Arguments& a, bool quiet);

// The network to train: the design initialised from the settings' seed, or holding the project's weights
// when the settings start from them (--from-weights). Throws NeuriteError when the data does not fit it.
Network networkToTrain(const PreparedTraining& prepared, const Arguments& a);

} // namespace neurite::cli
