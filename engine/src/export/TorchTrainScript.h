// The text of train.py in a PyTorch export: DistributedDataParallel training with Neurite's settings.
#pragma once

#include "neurite/TrainingSettings.h"

#include <string>

namespace neurite {

// train.py for a design exported beside it as model.py; `settings` become the script's defaults.
std::string torchTrainScript(const TrainingSettings& settings);

} // namespace neurite
