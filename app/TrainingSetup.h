// What `neurite train` and `neurite lr-find` train on: the design (a file, a preset or one chosen for the
// data), the data and the settings, put together from the same options.
#pragma once

#include "Arguments.h"
#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

namespace neurite::cli {

// The design and its settings fitted to the loaded data.
struct TrainingSetup {
    Project project;
    Dataset data;
};

// Reads --design/--preset, --data and the data options, then the training options (--batch, --optimizer,
// --lr, --seed, ...: any the command declares) over the project's settings or settings that suit the data.
// Prints the table's report unless `quiet`. Throws UsageError for bad options, NeuriteError for bad files.
TrainingSetup prepareTraining(const Arguments& arguments, bool quiet);

// The network to train: the design initialised from the settings' seed, or holding the project's weights
// when the settings start from them. Throws NeuriteError when the data does not fit it.
Network networkToTrain(const TrainingSetup& setup, const Arguments& arguments);

} // namespace neurite::cli
