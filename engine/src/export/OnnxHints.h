// What a Neurite design says that an ONNX graph cannot, kept in the model's metadata ("neurite.io") so
// that importing a file Neurite wrote gives back the same design: the Input and Output layers' ids, the
// image shape a flat input was flattened from, and the loss (raw outputs may be MSE's or logits).
// Other tools ignore metadata they do not know; a file without it imports with the importer's defaults.
#pragma once

#include "neurite/LossKind.h"
#include "neurite/Tensor.h"

#include <optional>
#include <string>

namespace neurite {

struct OnnxHints {
    std::string inputId;
    std::string outputId;
    std::optional<Shape> inputShape;
    std::optional<LossKind> loss;
};

constexpr const char* kOnnxHintsKey = "neurite.io";

std::string onnxHintsJson(const OnnxHints& hints);
// The hints in `json`, or nothing when it is not what Neurite writes (a hostile or foreign value is ignored).
std::optional<OnnxHints> onnxHintsFromJson(const std::string& json);

} // namespace neurite
