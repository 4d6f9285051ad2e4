// How many worker threads a training run uses when its settings leave the choice to Neurite (threads 0).
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/TrainingSettings.h"

namespace neurite {

// settings.threads when given; otherwise all cores (0) for a batch with enough training multiply-adds, in all
// or for each weight (convolutions), and one thread for the rest (small batches of MLPs, small designs).
int trainingThreads(const TrainingSettings& settings, const NetworkSpec& spec);

} // namespace neurite
