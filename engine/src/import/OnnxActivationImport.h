// Reading the activation operators (Relu, LeakyRelu, Sigmoid, Tanh, Softmax): into the Dense or Conv2D
// layer before them when Neurite wrote the two as one layer, as the loss head when a Softmax ends the
// model, or as an activation layer of their own.
#pragma once

#include "import/OnnxImportGraph.h"
#include "kernels/Activations.h"

#include <string>

namespace neurite {

class LayerKind;

// Imports `node` for the activation layer type `kind` applying `f`.
void importActivation(OnnxImportGraph& graph, const OnnxNodeView& node, const LayerKind& kind, Activation f);

// A LogSoftmax that ends the model (PyTorch's MNIST example ends in F.log_softmax, for NLL loss) is the
// cross-entropy head: the design gives its exp, the probabilities themselves. Refused anywhere else.
void importFinalLogSoftmax(OnnxImportGraph& graph, const OnnxNodeView& node);

} // namespace neurite
