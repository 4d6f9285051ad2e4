// A finished training in the window as the run the project keeps (neurite/RunRecord.h).
#pragma once

#include "training/TrainingProgress.h"

#include <neurite/RunRecord.h>

namespace neurite::ui {

// The design and settings it trained, its history, its test results (those of the weights kept), its
// duration (the epochs' training time) and the weights it kept; the data's name, class names and schema.
RunRecord runRecordOfOutcome(const TrainingOutcome& outcome, const DataSetHandle& data);

} // namespace neurite::ui
