// The text of train.py in a PyTorch export: DistributedDataParallel training with Neurite's settings.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/TrainingSettings.h"

#include <string>

namespace neurite {

// train.py for a design exported beside it as model.py; `settings` become the script's defaults.
// `schema` (may be null) says which test split the settings hold: the table's or the image folder's.
std::string torchTrainScript(const TrainingSettings& settings, const DataSchema* schema);

} // namespace neurite
