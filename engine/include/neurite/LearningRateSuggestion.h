// The rule that reads a learning rate off a range test's curve: the steepest descent of the smoothed loss
// against log10(learning rate), looked for before the curve's minimum.
#pragma once

#include <string>
#include <vector>

namespace neurite {

// One step of a range test: the rate used, the batch's loss (before the update with that rate) and the
// bias-corrected exponential moving average of the losses so far.
struct LearningRatePoint {
    float learningRate = 0;
    float loss = 0;
    float smoothedLoss = 0;
    bool operator==(const LearningRatePoint&) const = default;
};

struct LearningRateSuggestion {
    bool found = false;
    float learningRate = 0; // when found
    int index = -1;         // the point it was read at, when found
    std::string reason;     // when found: the rule in words; when not: why there is no suggestion
};

// The first points are noisy (the average has seen few batches, and a step in rate is small there): the rule
// skips a tenth of a curve of `pointCount` points, at least 1 and at most 50 (fastai and PyTorch Lightning
// skip 10 of their 100).
int suggestionSkippedPoints(int pointCount);
// The slope at a point is read over this many points either side (a twentieth of the curve, at least 1), so
// that batch-to-batch noise left in the smoothed loss does not pass for a descent.
int suggestionSlopeReach(int pointCount);

// The smoothed loss is differentiated against log10(rate) over suggestionSlopeReach() points either side
// (one-sided at the ends, as numpy.gradient), and the point of most negative slope between the skipped start
// and the smoothed loss's minimum is suggested. No suggestion when there are fewer than 5 points after the
// skip, when the minimum lies within the skipped start, or when the smoothed loss at the minimum is not at
// least kMinimumDescent below its value at the first point considered: such a curve has no descent to read.
LearningRateSuggestion suggestLearningRate(const std::vector<LearningRatePoint>& points);

// The fraction by which the smoothed loss must fall before a curve counts as descending.
inline constexpr float kMinimumDescent = 0.05f;

} // namespace neurite
