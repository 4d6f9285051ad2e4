// The engine's DataOptions for the data set a project's settings name: tables are read with the target,
// column roles and test split saved in the settings, image folders with the saved size, channels and test
// split, so that the preview, the run and a reopened project all load the same data.
#pragma once

#include <neurite/DataSets.h>
#include <neurite/TrainingSettings.h>

namespace neurite::ui {

DataOptions dataOptionsFor(const TableSettings& table, const ImageSettings& image = {},
                           const PlaneDataOptions& plane = {});

} // namespace neurite::ui
