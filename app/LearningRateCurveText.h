// A range test's curve as text for the terminal: the smoothed loss against the learning rate (log scale),
// the suggestion marked.
#pragma once

#include "neurite/LearningRateFinder.h"

#include <string>

namespace neurite::cli {

// A `width` x `height` character plot: '*' the smoothed loss in each column of rates, '|' the suggested
// rate's column, the loss range on the left and the rate range below. The loss axis runs from the lowest
// smoothed loss to the highest one before it (a diverging end is clipped at the top and drawn as '^').
std::string learningRateCurvePlot(const LearningRateFinderResult& result, int width = 60, int height = 12);

} // namespace neurite::cli
