// Running samples through a network in eval mode, batch by batch: the loss and accuracy (or the MSE of a
// regression) that validation, test and the evaluations report.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Network.h"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace neurite {

// Receives each batch's predictions (n, outputs) and the indices of its samples in the set.
using BatchPredictions = std::function<void(const Matrix& predictions, const std::uint32_t* indices, int n)>;

// The mean loss and accuracy over `indices` of `set`; a set of regression targets gives its mean squared
// error (of the standardised targets) and a NaN accuracy.
std::pair<float, float> measure(Network& network, const SampleSet& set, const std::vector<std::uint32_t>& indices,
                                int batchSize = 256, const BatchPredictions& seeBatch = {});

std::vector<std::uint32_t> allIndices(std::size_t n);

} // namespace neurite
