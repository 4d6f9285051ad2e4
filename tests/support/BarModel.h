// A logistic model set by hand for the Predict tab's tests: class 1 weighs ink on a vertical bar through the
// centre (0.3 per pixel, away from the middle), class 4 ink on a horizontal one (`horizontalWeight` per
// pixel), nothing elsewhere and no bias, so that its outputs (softmax(x . W)) and its gradients (W) can be
// recomputed in a test.
#pragma once

#include "neurite/Network.h"

#include <memory>
#include <vector>

namespace neurite::test {

// `weightsOut` (optional) receives dense1.weight, (784, 10) row-major.
std::shared_ptr<Network> barModel(float horizontalWeight, std::vector<float>* weightsOut = nullptr);

} // namespace neurite::test
