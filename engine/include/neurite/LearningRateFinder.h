// The learning-rate range test (Smith, 2015): train a copy of a network for a few hundred batches while the
// learning rate grows exponentially from a tiny to a large value, and record the loss at each rate.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/LearningRateSuggestion.h"
#include "neurite/Network.h"
#include "neurite/TrainingSettings.h"

#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace neurite {

// How the range test sweeps. The range, smoothing and divergence factor are fastai's and PyTorch Lightning's;
// they sweep 100 batches, but with beta 0.98 the smoothed loss lags about 50 batches behind, which over
// only 100 pushes the steepest point late: 300 (a second or so for LeNet on mnist-10k) reads the curve
// better, and suggests 0.0033 rather than 0.0071 for Adam on the reference MLP.
struct LearningRateFinderSettings {
    float minLearningRate = 1e-7f;
    float maxLearningRate = 10.0f;
    int steps = 300;               // batches, one learning rate each; the data is reshuffled when it runs out
    float smoothing = 0.98f;       // beta of the smoothed loss (an exponential moving average, bias-corrected)
    float divergenceFactor = 4.0f; // stop once the smoothed loss exceeds this many times its best value
    bool operator==(const LearningRateFinderSettings&) const = default;
};

// Throws NeuriteError naming the field: rates not > 0, maximum not above minimum, steps outside
// 10..100000, smoothing outside [0, 1), a divergence factor not above 1.
void validateFinderSettings(const LearningRateFinderSettings& finder);

// The learning rate of `step` (0-based): minLearningRate * (max / min)^(step / (steps - 1)), so the first
// step uses the minimum and the last the maximum.
float finderLearningRate(const LearningRateFinderSettings& finder, int step);

// Progress as values, on the finder's thread after each step: `points` so far of `plannedSteps`.
struct LearningRateFinderProgress {
    int step = 0; // 1-based count of finished steps
    int plannedSteps = 0;
    LearningRatePoint point;
};
using LearningRateFinderSink = std::function<void(const LearningRateFinderProgress&)>;

struct LearningRateFinderResult {
    // Completed: every planned step ran. Diverged: the smoothed loss grew past divergenceFactor times its
    // best (or the loss was not finite) and the sweep stopped there, as it is meant to. Cancelled: the
    // stop token was triggered; the points so far are kept and a suggestion is still attempted.
    enum class Outcome { Completed, Diverged, Cancelled };
    Outcome outcome = Outcome::Completed;
    std::vector<LearningRatePoint> points; // one per finished step (a non-finite loss is not recorded)
    int plannedSteps = 0;
    LearningRateSuggestion suggestion;
    double seconds = 0; // wall time of the sweep
};

// Runs the range test on a copy of `network` (a new Network from its spec with its weights copied; the
// network itself is not changed) with `settings`' optimiser kind and options (its learning rate is replaced
// by the sweep's), batch size, seed and thread count, on `data`'s training samples without augmentation.
// Classification and regression alike. Throws NeuriteError for bad finder or training settings, or data
// that does not fit the network (naming the layer).
LearningRateFinderResult findLearningRate(const Network& network, const Dataset& data, const TrainingSettings& settings,
                                          const LearningRateFinderSettings& finder = {},
                                          const LearningRateFinderSink& sink = {}, std::stop_token stop = {});

// The curve as CSV: step (1-based), learning_rate, loss, smoothed_loss, suggested (1 on the suggested step),
// floats written to read back exactly.
std::string learningRateCurveCsv(const LearningRateFinderResult& result);
// Writes learningRateCurveCsv() to `path` atomically; throws NeuriteError naming the file when it cannot.
void exportLearningRateCurveCsv(const LearningRateFinderResult& result, const std::string& path);

} // namespace neurite
