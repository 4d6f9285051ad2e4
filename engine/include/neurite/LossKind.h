// What a network is trained to minimise: cross-entropy over classes, or the mean squared error.
#pragma once

namespace neurite {

enum class LossKind { CrossEntropy, MeanSquaredError };

} // namespace neurite
