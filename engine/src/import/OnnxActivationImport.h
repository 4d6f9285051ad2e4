// Reading the activation operators (Relu, LeakyRelu, Sigmoid, Tanh, Softmax): into the Dense or Conv2D
// layer before them when Neurite wrote the two as one layer, as the loss head when a Softmax ends the
// model, or as an activation layer of their own.
#pragma once

#include "import/OnnxImportGraph.h"
#include "kernels/Activations.h"

#include <string>

namespace neurite {

class LayerKind;

// "Relu" for Activation::ReLU, ...
std::string onnxActivationOp(Activation f);

// Imports `node` for the activation layer type `kind` applying `f`.
void importActivation(OnnxImportGraph& graph, const OnnxNodeView& node, const LayerKind& kind, Activation f);

} // namespace neurite
