// The nodes that compute constants rather than data, folded away during import: what PyTorch's exporter
// writes for x.view(x.size(0), -1) (Shape -> Gather -> Unsqueeze -> Concat -> Reshape), Casts, and
// Identity or Concat of constants, and what it writes for F.pad's amounts (ConstantOfShape, Reshape, Slice,
// Transpose of constants). The batch size stays symbolic (OnnxConstant::batch).
#pragma once

#include "import/OnnxImportGraph.h"

namespace neurite {

// Whether `op` is one of the folded operators (when its inputs are constants; Shape reads data).
bool isConstantOp(const std::string& op);

// Folds `node` into a constant when everything it reads is known; false when an input is data (the node
// is then a layer's, like Concat of two branches). Refuses shapes it cannot compute.
bool foldConstantNode(OnnxImportGraph& graph, const OnnxNodeView& node);

} // namespace neurite
