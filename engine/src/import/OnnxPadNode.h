// A Pad node: zero padding of an image's height and width is kept for the Conv2D that reads it (PyTorch
// writes nn.ZeroPad2d or F.pad before a convolution this way); padding of nothing is folded away.
#pragma once

#include "import/OnnxImportGraph.h"

namespace neurite {

// Refuses other modes, non-zero values and padding of the batch or channels.
void readPadNode(OnnxImportGraph& graph, const OnnxNodeView& node);

} // namespace neurite
