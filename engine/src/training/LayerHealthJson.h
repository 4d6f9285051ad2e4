// Layer health samples <-> JSON, for the "health" array of a project file's history.
#pragma once

#include "io/JsonInput.h"
#include "neurite/LayerHealth.h"

#include <vector>

namespace neurite {

// Each sample is {step, epoch, layers: [{layer, weights, gradients, weightNorm, gradientNorm, updateRatio,
// deadFraction}]}, a distribution {percentiles: [9 numbers], histogram: [counts]}; NaN is null. Reading checks
// every count and size (a file is untrusted) and throws NeuriteError naming the field.
Json healthToJson(const std::vector<HealthSample>& samples);
std::vector<HealthSample> healthFromJson(const Json& value, const JsonLocation& at);

} // namespace neurite
