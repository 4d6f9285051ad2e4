// Reading Pad nodes (OnnxPadNode.h): opsets before 11 give pads and value as attributes, later ones as inputs.
#include "import/OnnxPadNode.h"

#include <algorithm>

namespace neurite {
namespace {

std::vector<std::int64_t> padAmounts(const OnnxImportGraph& graph, const OnnxNodeView& node)
{
    if (node.opset() < 11)
        return node.integers("pads");
    const OnnxConstant* pads = graph.constant(node.input(1));
    if (!pads || pads->isFloat)
        graph.refuse(node, "its pads must be a constant (an initializer)");
    return pads->ints;
}

float padValue(const OnnxImportGraph& graph, const OnnxNodeView& node)
{
    if (node.opset() < 11)
        return node.real("value", 0.0f);
    if (node.input(2).empty())
        return 0.0f;
    const OnnxConstant* value = graph.constant(node.input(2));
    if (!value || value->elements() != 1)
        graph.refuse(node, "its padding value must be a constant");
    return value->isFloat ? value->floats[0] : float(value->ints[0]);
}

} // namespace

void readPadNode(OnnxImportGraph& graph, const OnnxNodeView& node)
{
    const std::string& x = graph.dataInput(node, 0);
    if (node.text("mode", "constant") != "constant" || padValue(graph, node) != 0.0f)
        graph.refuse(node, "Neurite pads with zeros only (mode 'constant', value 0)");
    const std::vector<std::int64_t> pads = padAmounts(graph, node);
    const bool allZero = std::all_of(pads.begin(), pads.end(), [](std::int64_t p) { return p == 0; });
    if (allZero)
        return graph.alias(node.output(0), x, graph.isImage(x));
    // (N, C, H, W): begins of each axis, then ends.
    if (!graph.isImage(x) || pads.size() != 8 || pads[0] || pads[1] || pads[4] || pads[5])
        graph.refuse(node, "Neurite pads only the height and width of an image");
    if (std::any_of(pads.begin(), pads.end(), [](std::int64_t p) { return p < 0 || p > 64; }))
        graph.refuse(node, "its pads must be between 0 and 64 (negative pads crop)");
    graph.alias(node.output(0), x, true);
    graph.setPendingPad(node.output(0), {int(pads[2]), int(pads[3]), int(pads[6]), int(pads[7]), node.label()});
}

} // namespace neurite
