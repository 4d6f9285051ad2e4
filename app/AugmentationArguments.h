// The options of `neurite train` that turn on and shape data augmentation (--augment, --shift, ...).
#pragma once

#include "Arguments.h"
#include "neurite/Augmentation.h"

#include <vector>

namespace neurite::cli {

// --augment, --no-augment, --shift, --rotate, --scale, --flip, --no-flip, --brightness, --contrast, --noise.
std::vector<OptionSpec> augmentationOptionSpecs();

// Applies those options to `settings` (the project's or the defaults): --augment turns augmentation on
// with the ranges it has, and so does any range given on its own; --no-augment turns it off. Throws
// UsageError naming the option for a value out of range or --augment with --no-augment.
// With `noiseIsData` (a generated set: --noise is its data option) --noise is left alone.
void applyAugmentationOptions(const Arguments& arguments, AugmentationSettings& settings, bool noiseIsData = false);

} // namespace neurite::cli
