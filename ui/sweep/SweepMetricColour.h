// The colour of a run in the sweep's plots by where its metric sits among the sweep's runs.
#pragma once

#include <QColor>

namespace neurite::ui {

// `t` 0 for the worst metric of the sweep, 1 for the best: purple through teal to amber (viridis with a
// darker end, so that the best lines stay visible on white), apart from the best run's red.
QColor sweepMetricColour(double t);

} // namespace neurite::ui
