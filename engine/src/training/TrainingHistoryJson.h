// TrainingHistory <-> JSON, for the "history" object of a project file.
#pragma once

#include "io/JsonInput.h"
#include "neurite/TrainingHistory.h"

namespace neurite {

// Epochs are objects; batches (a long run has hundreds of thousands) are one array per field.
// Missing values (NaN, kNoValue) are written as null and read back as NaN.
Json historyToJson(const TrainingHistory& history);
TrainingHistory historyFromJson(const Json& value, const JsonLocation& at);

} // namespace neurite
