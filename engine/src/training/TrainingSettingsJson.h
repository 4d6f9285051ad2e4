// TrainingSettings <-> JSON, for the "settings" object of a project file.
#pragma once

#include "io/JsonInput.h"
#include "neurite/TrainingSettings.h"

namespace neurite {

Json settingsToJson(const TrainingSettings& settings);
// Missing fields keep their defaults; a field of the wrong type fails, naming its path. Ranges are left to
// validateSettings().
TrainingSettings settingsFromJson(const Json& value, const JsonLocation& at);

} // namespace neurite
