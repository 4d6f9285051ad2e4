// Checks shared by the layer test suites: gradient checks of multi-input layers and project round trips.
#pragma once

#include "model/Layer.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <string>
#include <vector>

namespace neurite::test {

// sum(R .* layer(inputs)) for a fixed R, so that dLoss/dOut = R. Forward in `training` mode.
double weightedSum(Layer& layer, const std::vector<Matrix*>& inputs, const Matrix& r, bool training = true);

// The largest relative error between the layer's analytic gradients (for every input and every parameter)
// and central finite differences of weightedSum. `worst` names the tensor with the largest error.
double gradientError(Layer& layer, const std::vector<Matrix*>& inputs, const Matrix& r, std::string& worst,
                     bool training = true, float eps = 1e-3f);

// Input (channels x height x width) -> `layers` in order -> Dense(classes, softmax) -> Output(cross-entropy).
NetworkSpec imageChain(const Shape& input, const std::vector<LayerSpec>& layers, int classes = 3);

// A layer spec of `type` with its defaults and the given option overrides.
LayerSpec layerOf(const std::string& type, const std::string& id, const LayerOptions& options = {});

// Builds `spec` (seed 5), trains it one step on x so every weight and buffer is non-trivial, saves it as
// a project, loads it into a fresh network and compares eval predictions on x. Empty when they are
// bit-identical; otherwise a description of the difference.
std::string projectRoundTripDifference(const NetworkSpec& spec, const Matrix& x);

} // namespace neurite::test
