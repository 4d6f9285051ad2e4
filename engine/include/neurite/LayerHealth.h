// How each layer with parameters is doing during training: its weights' and gradients' distributions, the
// gradient norm, the size of the optimiser's update against the weights, and its dead ReLUs.
#pragma once

#include "neurite/NetworkSpec.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// TensorBoard's "distributions" bands: the minimum, the normal distribution's -2, -1.5, -1, -0.5 sigma points
// below the median, the median, the same above it, and the maximum (percentiles of the values).
constexpr std::array<double, 9> kHealthPercentiles = {0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100};
constexpr int kHealthHistogramBins = 24;

// Percentiles (numpy's default "linear" interpolation between sorted values) and a histogram of equal bins
// from the lowest to the highest value (the last bin holds the highest, as numpy.histogram).
struct ValueDistribution {
    std::array<float, kHealthPercentiles.size()> percentiles{};
    std::vector<std::int32_t> histogram; // kHealthHistogramBins counts; empty when there were no values
    bool operator==(const ValueDistribution&) const = default;
    float low() const { return percentiles.front(); }
    float high() const { return percentiles.back(); }
};

ValueDistribution describeValues(const float* values, std::size_t count);

// One layer at one step. "Weights" are all of the layer's trained values (a Dense layer's weight matrix and
// bias, a BatchNorm's scale and shift), as they are after the step.
struct LayerHealth {
    std::string layerId;
    ValueDistribution weights;
    ValueDistribution gradients; // the gradient the step applied
    float weightNorm = 0;        // ||W|| after the step (Euclidean, over all of the layer's values)
    float gradientNorm = 0;      // ||dW||
    // ||W_after - W_before|| / ||W_before||: the update the optimiser really made (learning rate, momentum,
    // Adam's scaling and weight decay included), relative to the weights. Healthy around 1e-3.
    float updateRatio = 0;
    // The share of the layer's units (a Dense unit, a Conv2D channel) that were 0 for every sample of the batch
    // after its ReLU (fused, or a ReLU layer right after it). NaN when the layer's output has no ReLU.
    float deadFraction = 0;
    bool operator==(const LayerHealth&) const;
};

// Every layer with parameters, in the order they run, at one training step.
struct HealthSample {
    std::int64_t step = 0; // batches since the start of the run, as BatchReport::step
    int epoch = 0;         // 1-based
    std::vector<LayerHealth> layers;
    bool operator==(const HealthSample&) const = default;
};

// A run keeps at most this many samples: when a long run reaches it, every other one is dropped (the first
// and the newest stay) and the collector halves its rate, so the samples stay evenly spread over the run.
constexpr std::size_t kMaxHealthSamples = 512;
void thinHealthSamples(std::vector<HealthSample>& samples);

// The thresholds of the warnings below (see the README's "Layer health").
struct HealthThresholds {
    double vanishingRatio = 1e-5;    // update / weights below this: the layer barely learns
    double vanishingGradient = 1e-3; // gradient norm below this share of the last layer's
    double explodingRatio = 1e-1;    // update / weights above this: each step moves the weights by > 10%
    double explodingGradient = 1e3;  // gradient norm above 1000 times the last layer's, or not finite
    double deadShare = 0.5;          // more than half of the units dead
};

enum class HealthLevel { Healthy, Watch, Problem };

struct HealthWarning {
    std::string layerId;
    HealthLevel level = HealthLevel::Problem;
    std::string message; // plain words, naming the layer and what to try
};

// Judges the newest samples (the median over the last few, so that one odd batch does not raise a warning):
// vanishing or exploding gradients and dead ReLUs, per layer, in layer order. `spec` is the design the samples
// came from: the advice for a layer with a sigmoid or tanh differs from one with a ReLU.
std::vector<HealthWarning> healthWarnings(const std::vector<HealthSample>& samples, const NetworkSpec& spec,
                                          const HealthThresholds& thresholds = {});

} // namespace neurite
