// Weights trained in PyTorch on a design exported with exportTorch (train.py's OUT/weights.npz, or
// model.save_weights) back as Neurite weights, so that a run on other machines continues in Neurite.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Weights.h"

#include <string>

namespace neurite {

// Each array of the .npz file is found by the name and shape model.py gives it, and each value goes back
// where the exporter took it from (a Dense weight transposed back, a convolution's as it is). `current` is
// the design's weights now: it gives the tensors' names and sizes. Throws NeuriteError naming the file and
// the array that is missing, has another shape, or that the design does not have (weights of another
// design); BatchNorm's num_batches_tracked counters, which Neurite does not keep, are passed over.
Weights importTorchWeights(const NetworkSpec& spec, const Weights& current, const std::string& npzPath);

} // namespace neurite
