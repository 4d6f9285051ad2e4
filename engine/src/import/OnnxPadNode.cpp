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

std::string padAttributeProblem(const OnnxNodeView& node)
{
    const std::string mode = node.text("mode", "constant");
    if (mode != "constant")
        return "'" + mode + "' padding has no Neurite layer; Neurite pads with zeros only";
    return node.opset() < 11 && node.real("value", 0.0f) != 0.0f ? "Neurite pads with zeros only" : "";
}

void readPadNode(OnnxImportGraph& graph, const OnnxNodeView& node)
{
    const std::string& x = graph.dataInput(node, 0);
    if (padValue(graph, node) != 0.0f) // the mode was checked with every node's attributes (padAttributeProblem)
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
