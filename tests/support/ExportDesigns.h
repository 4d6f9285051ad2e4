// Designs for the export tests: every image and graph layer in one network, and weights that look trained.
#pragma once

#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"

#include <cstdint>

namespace neurite::test {

// A 1 x 28 x 28 graph using every image layer: convolutions with "same" padding (odd kernel, and even
// kernel with stride 2, which pads asymmetrically), explicit padding, and no bias; MaxPool2D with stride
// below its size, AvgPool2D; BatchNorm on an image and on a flat vector; Concatenate of images and of a
// rank-mismatched pair (GlobalAveragePool's output and a Dense branch); Add; Flatten; activation layers on
// an image; Dropout; a final Dense with 10 classes.
NetworkSpec everyImageLayerSpec(const std::string& loss = "cross_entropy");

// Gives `net` weights that look trained: biases, BatchNorm's gamma and beta, and its running mean and
// variance are set to random non-trivial values (a BatchNorm left at mean 0, variance 1 would hide a
// missing or misplaced normalisation). Convolution and Dense weights keep their random initialisation.
void setTrainedLikeWeights(Network& net, std::uint64_t seed);

} // namespace neurite::test
