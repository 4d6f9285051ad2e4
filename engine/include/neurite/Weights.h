// Weights as plain data: named tensors as project files store them, and the trainable tensors that
// layers hand to optimisers.
#pragma once

#include "neurite/Tensor.h"

#include <string>
#include <vector>

namespace neurite {

// A named weight tensor, as stored in project files: "<layerId>.weight" (in, out) or "<layerId>.bias" (1, out).
struct NamedTensor {
    std::string name;
    int rows = 0;
    int cols = 0;
    std::vector<float> values; // row-major
    bool operator==(const NamedTensor&) const = default;
};
using Weights = std::vector<NamedTensor>;

// One trainable tensor and its gradient, for optimisers.
struct ParameterRef {
    std::string name;
    Matrix* value = nullptr;
    Matrix* grad = nullptr;
};

} // namespace neurite
