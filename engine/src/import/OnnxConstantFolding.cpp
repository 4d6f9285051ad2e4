// Folding the constant-computing nodes behind OnnxConstantFolding.h.
#include "import/OnnxConstantFolding.h"

#include <algorithm>

namespace neurite {
namespace {

// The input's dims as the engine's shape says them, after the batch: (F) or (C, H, W).
std::vector<std::int64_t> sampleDims(const OnnxImportGraph& graph, const std::string& tensor)
{
    const Shape& s = graph.shapeOf(tensor);
    if (!graph.isImage(tensor))
        return {s.size()};
    return {s.channels, s.height, s.width};
}

OnnxConstant integers(std::vector<std::int64_t> values, std::vector<bool> batch, std::vector<std::int64_t> dims)
{
    OnnxConstant c;
    c.isFloat = false;
    c.ints = std::move(values);
    c.batch = std::move(batch);
    c.dims = std::move(dims);
    return c;
}

OnnxConstant shapeOf(const OnnxImportGraph& graph, const OnnxNodeView& node)
{
    const std::string& in = graph.dataInput(node, 0);
    std::vector<std::int64_t> dims{0};
    for (const std::int64_t d : sampleDims(graph, in))
        dims.push_back(d);
    std::vector<bool> batch(dims.size(), false);
    batch[0] = true;
    const auto rank = std::int64_t(dims.size());
    std::int64_t start = node.integer("start", 0), end = node.integer("end", rank); // opset 15
    start = std::clamp(start < 0 ? start + rank : start, std::int64_t(0), rank);
    end = std::clamp(end < 0 ? end + rank : end, start, rank);
    return integers({dims.begin() + start, dims.begin() + end}, {batch.begin() + start, batch.begin() + end},
                    {end - start});
}

OnnxConstant gather(const OnnxImportGraph& graph, const OnnxNodeView& node, const OnnxConstant& data,
                    const OnnxConstant& indices)
{
    if (data.isFloat || data.dims.size() != 1 || indices.isFloat || indices.dims.size() > 1 ||
        node.integer("axis", 0) != 0)
        graph.refuse(node, "Neurite folds Gather only over a shape (a 1-D integer constant)");
    OnnxConstant out = integers({}, {}, indices.dims);
    const auto n = std::int64_t(data.ints.size());
    for (std::int64_t i : indices.ints) {
        i = i < 0 ? i + n : i;
        if (i < 0 || i >= n)
            graph.refuse(node,
                         "index " + std::to_string(i) + " is outside the shape's " + std::to_string(n) + " entries");
        out.ints.push_back(data.ints[std::size_t(i)]);
        out.batch.push_back(data.batch[std::size_t(i)]);
    }
    return out;
}

// Unsqueeze and Squeeze between a scalar and a 1-element vector: what shape arithmetic needs.
OnnxConstant reshaped(const OnnxImportGraph& graph, const OnnxNodeView& node, OnnxConstant c)
{
    const bool unsqueeze = node.op() == "Unsqueeze";
    if (unsqueeze && c.dims.empty())
        c.dims = {1};
    else if (!unsqueeze && c.dims == std::vector<std::int64_t>{1})
        c.dims = {};
    else
        graph.refuse(node, "Neurite folds " + node.op() + " only between a scalar and a 1-element shape");
    return c;
}

OnnxConstant concatenated(const OnnxImportGraph& graph, const OnnxNodeView& node)
{
    OnnxConstant out = integers({}, {}, {0});
    for (std::size_t i = 0; i < node.inputCount(); ++i) {
        const OnnxConstant* c = graph.constant(node.input(i));
        if (!c || c->isFloat || c->dims.size() != 1)
            graph.refuse(node, "Neurite folds Concat of constants only for 1-D integer shapes");
        out.ints.insert(out.ints.end(), c->ints.begin(), c->ints.end());
        out.batch.insert(out.batch.end(), c->batch.begin(), c->batch.end());
    }
    out.dims = {std::int64_t(out.ints.size())};
    return out;
}

OnnxConstant cast(const OnnxNodeView& node, OnnxConstant c)
{
    const std::int64_t to = node.integer("to", 0);
    const bool toFloat = to == 1 /* FLOAT */ || to == 11 /* DOUBLE */;
    if (toFloat && !c.isFloat) {
        c.floats.assign(c.ints.begin(), c.ints.end());
        c.ints.clear();
        c.batch.clear();
    } else if (!toFloat && c.isFloat) {
        c.ints.assign(c.floats.begin(), c.floats.end());
        c.batch.assign(c.ints.size(), false);
        c.floats.clear();
    }
    c.isFloat = toFloat;
    return c;
}

bool allConstant(const OnnxImportGraph& graph, const OnnxNodeView& node)
{
    for (std::size_t i = 0; i < node.inputCount(); ++i)
        if (!node.input(i).empty() && !graph.constant(node.input(i)))
            return false;
    return true;
}

} // namespace

bool isConstantOp(const std::string& op)
{
    static const std::vector<std::string> ops{"Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Cast", "Identity"};
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

bool foldConstantNode(OnnxImportGraph& graph, const OnnxNodeView& node)
{
    const std::string& op = node.op();
    if (op == "Shape") {
        graph.addConstant(node.output(0), shapeOf(graph, node));
        return true;
    }
    if (!allConstant(graph, node) || node.inputCount() == 0)
        return false;
    const OnnxConstant& first = *graph.constant(node.input(0));
    if (op == "Gather")
        graph.addConstant(node.output(0), gather(graph, node, first, *graph.constant(node.input(1))));
    else if (op == "Unsqueeze" || op == "Squeeze")
        graph.addConstant(node.output(0), reshaped(graph, node, first));
    else if (op == "Concat")
        graph.addConstant(node.output(0), concatenated(graph, node));
    else if (op == "Cast")
        graph.addConstant(node.output(0), cast(node, first));
    else
        graph.addConstant(node.output(0), first); // Identity
    return true;
}

} // namespace neurite
