// How many worker threads a training run uses when its settings leave the choice to Neurite (threads 0).
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/TrainingSettings.h"

namespace neurite {

// settings.threads when given; otherwise all cores (0), or one thread for a batch too small to split (fewer
// training multiply-adds than kSplitMultiplyAdds).
int trainingThreads(const TrainingSettings& settings, const NetworkSpec& spec);

} // namespace neurite
