// A kept run's weights as a model for the Predict tab ("use for prediction" in the Runs list).
#pragma once

#include "predict/ModelChooser.h"

#include <neurite/RunRecord.h>

#include <optional>

namespace neurite::ui {

// The run's network with its weights, class names and preprocessing, named `name`; nullopt (and why in
// `error`) when the run kept no weights or they do not fit its design.
std::optional<ModelChoice> modelChoiceFromRun(const RunRecord& run, const QString& name, QString* error = nullptr);

} // namespace neurite::ui
