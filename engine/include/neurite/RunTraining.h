// Training one run into a RunRecord: the network built from its design and seed, trained, tested on the
// data's test set (accuracy, or R², MAE and RMSE for regression), timed and dated.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/RunRecord.h"
#include "neurite/Trainer.h"

namespace neurite {

// The record of a training that has finished: `network` holds the weights it kept. `seconds` is the
// training's wall time. Evaluates the test set: regression metrics, or loss, accuracy and confusion matrix.
RunRecord recordTraining(const NetworkSpec& design, const TrainingSettings& settings, const Dataset& data,
                         const TrainingResult& result, Network& network, double seconds);

// Builds the network (from the seed), checks the data fits it, trains and records the run. Throws
// NeuriteError as train() does (bad settings, data that does not fit the design).
RunRecord trainRun(const NetworkSpec& design, const TrainingSettings& settings, const Dataset& data,
                   ProgressSink* sink = nullptr, TrainingControl* control = nullptr);

RunOutcome runOutcomeOf(TrainingResult::Outcome outcome);

} // namespace neurite
