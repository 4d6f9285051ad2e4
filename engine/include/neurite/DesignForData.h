// A design and training settings that fit a data set, for when the user gives none: an MLP sized to a
// table's features, and for images the reference MLP fitted to their shape; and fitting a given design
// (a preset) to a data set's input shape and classes.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/NetworkSpec.h"
#include "neurite/TrainingSettings.h"

namespace neurite {

// A design for `data`, chosen by its kind (tables: Input -> Dense -> Dropout -> Dense -> Dropout -> Dense
// of the classes with softmax, or of 1 linear unit with the MSE loss for a regression).
NetworkSpec designForData(const Dataset& data);

// Settings that suit the size of `data`, starting from `base` (its optimiser and seed are kept). A table of
// a few hundred rows gets small batches, a validation split and enough epochs to converge, with early
// stopping on the validation loss; images keep `base`.
TrainingSettings settingsForData(const Dataset& data, TrainingSettings base = {});

// `spec` with its Input set to the data's sample shape and its last layer (a Dense one) to the number of
// classes, or for a regression to 1 linear unit with the Output's loss MSE. Other layers are unchanged, so
// a design that cannot take the data (a convolution over a table row) is reported by validate().
NetworkSpec adaptDesignToData(NetworkSpec spec, const Dataset& data);

} // namespace neurite
