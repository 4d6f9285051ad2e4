// The colour scales of the Predict tab's look inside: the activations panel and the neuron view share them,
// so a unit has the same colour in both.
#pragma once

#include <QColor>

namespace neurite::ui {

// Blue for negative, white for zero, red for positive; v in [-1, 1] (clamped).
QColor activationDivergingColour(double v);

// Dark for silent, through purple and orange to pale yellow for the strongest; t in [0, 1] (clamped).
QColor activationHeatColour(double t);

} // namespace neurite::ui
