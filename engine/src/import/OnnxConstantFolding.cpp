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

// Folded constants stay small: shapes, pads and the like.
constexpr std::size_t kMaxFoldedElements = std::size_t(1) << 20;

std::size_t product(const OnnxImportGraph& graph, const OnnxNodeView& node, const std::vector<std::int64_t>& dims)
{
    std::size_t n = 1;
    for (const std::int64_t d : dims) {
        if (d < 0 || (d > 0 && n > kMaxFoldedElements / std::size_t(d)))
            graph.refuse(node, "it computes a constant of more than " + std::to_string(kMaxFoldedElements) + " values");
        n *= std::size_t(d);
    }
    return n;
}

// Calls `visit` with every multi-index of `dims` in row-major order.
template <class Visit>
void forEachIndex(const std::vector<std::int64_t>& dims, Visit visit)
{
    std::vector<std::int64_t> index(dims.size(), 0);
    for (const std::int64_t d : dims)
        if (d == 0)
            return;
    while (true) {
        visit(index);
        std::size_t axis = dims.size();
        while (axis > 0 && ++index[axis - 1] == dims[axis - 1])
            index[--axis] = 0;
        if (axis == 0)
            return;
    }
}

std::size_t flatIndex(const std::vector<std::int64_t>& dims, const std::vector<std::int64_t>& index)
{
    std::size_t flat = 0;
    for (std::size_t a = 0; a < dims.size(); ++a)
        flat = flat * std::size_t(dims[a]) + std::size_t(index[a]);
    return flat;
}

// The values of `c` at `from` (flat indices), as a constant of `dims`.
OnnxConstant gathered(const OnnxConstant& c, const std::vector<std::size_t>& from, std::vector<std::int64_t> dims)
{
    OnnxConstant out;
    out.isFloat = c.isFloat;
    out.dims = std::move(dims);
    for (const std::size_t i : from) {
        if (c.isFloat) {
            out.floats.push_back(c.floats[i]);
        } else {
            out.ints.push_back(c.ints[i]);
            out.batch.push_back(c.batch[i]);
        }
    }
    return out;
}

std::vector<std::int64_t> integerInput(const OnnxImportGraph& graph, const OnnxNodeView& node, std::size_t i)
{
    const OnnxConstant* c = graph.constant(node.input(i));
    if (!c || c->isFloat)
        graph.refuse(node, "input " + std::to_string(i + 1) + " must be an integer constant");
    return c->ints;
}

OnnxConstant constantOfShape(const OnnxImportGraph& graph, const OnnxNodeView& node, const OnnxConstant& shape)
{
    if (std::find(shape.batch.begin(), shape.batch.end(), true) != shape.batch.end())
        graph.refuse(node, "it makes a constant as large as the batch");
    const auto [value, integer] = node.scalarTensor("value");
    OnnxConstant out;
    out.dims = shape.ints;
    out.isFloat = !integer;
    const std::size_t n = product(graph, node, out.dims);
    if (integer) {
        out.ints.assign(n, std::int64_t(value));
        out.batch.assign(n, false);
    } else {
        out.floats.assign(n, float(value));
    }
    return out;
}

OnnxConstant reshapedConstant(const OnnxImportGraph& graph, const OnnxNodeView& node, const OnnxConstant& c)
{
    std::vector<std::int64_t> dims = integerInput(graph, node, 1);
    std::size_t known = 1;
    for (std::size_t a = 0; a < dims.size(); ++a) {
        if (dims[a] == 0 && a < c.dims.size())
            dims[a] = c.dims[a];
        if (dims[a] > 0)
            known *= std::size_t(dims[a]);
    }
    for (std::int64_t& d : dims)
        if (d == -1 && known > 0)
            d = std::int64_t(c.elements() / known);
    if (product(graph, node, dims) != c.elements())
        graph.refuse(node, "it reshapes a constant of " + std::to_string(c.elements()) + " values to another size");
    OnnxConstant out = c;
    out.dims = dims;
    return out;
}

OnnxConstant transposed(const OnnxImportGraph& graph, const OnnxNodeView& node, const OnnxConstant& c)
{
    std::vector<std::int64_t> perm = node.integers("perm");
    if (perm.empty())
        for (std::size_t a = c.dims.size(); a > 0; --a)
            perm.push_back(std::int64_t(a - 1));
    if (perm.size() != c.dims.size())
        graph.refuse(node, "its perm does not fit the constant's rank");
    std::vector<std::int64_t> dims;
    for (const std::int64_t p : perm) {
        if (p < 0 || p >= std::int64_t(c.dims.size()))
            graph.refuse(node, "its perm is out of range");
        dims.push_back(c.dims[std::size_t(p)]);
    }
    std::vector<std::size_t> from;
    std::vector<std::int64_t> source(c.dims.size());
    forEachIndex(dims, [&](const std::vector<std::int64_t>& index) {
        for (std::size_t k = 0; k < perm.size(); ++k)
            source[std::size_t(perm[k])] = index[k];
        from.push_back(flatIndex(c.dims, source));
    });
    return gathered(c, from, dims);
}

// Slice of a constant (what PyTorch writes to reverse pads): starts, ends, axes and steps as inputs
// (opset 10+) or attributes (before).
OnnxConstant sliced(const OnnxImportGraph& graph, const OnnxNodeView& node, const OnnxConstant& c)
{
    const bool inputs = node.opset() >= 10;
    const std::vector<std::int64_t> starts = inputs ? integerInput(graph, node, 1) : node.integers("starts");
    const std::vector<std::int64_t> ends = inputs ? integerInput(graph, node, 2) : node.integers("ends");
    std::vector<std::int64_t> axes = inputs && !node.input(3).empty() ? integerInput(graph, node, 3)
                                                                      : node.integers("axes");
    std::vector<std::int64_t> steps = inputs && !node.input(4).empty() ? integerInput(graph, node, 4)
                                                                       : std::vector<std::int64_t>{};
    for (std::size_t a = axes.size(); a < starts.size(); ++a)
        axes.push_back(std::int64_t(a));
    steps.resize(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size())
        graph.refuse(node, "its starts, ends and axes differ in length");
    std::vector<std::vector<std::int64_t>> picks(c.dims.size());
    for (std::size_t a = 0; a < c.dims.size(); ++a)
        for (std::int64_t i = 0; i < c.dims[a]; ++i)
            picks[a].push_back(i);
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const auto rank = std::int64_t(c.dims.size());
        const std::int64_t axis = axes[k] < 0 ? axes[k] + rank : axes[k];
        if (axis < 0 || axis >= rank || steps[k] == 0)
            graph.refuse(node, "its axes or steps are out of range");
        const std::int64_t dim = c.dims[std::size_t(axis)], step = steps[k];
        const auto clampTo = [&](std::int64_t v) {
            v = v < 0 ? v + dim : v;
            return step > 0 ? std::clamp<std::int64_t>(v, 0, dim) : std::clamp<std::int64_t>(v, -1, dim - 1);
        };
        picks[std::size_t(axis)].clear();
        for (std::int64_t i = clampTo(starts[k]); step > 0 ? i < clampTo(ends[k]) : i > clampTo(ends[k]); i += step)
            picks[std::size_t(axis)].push_back(i);
    }
    std::vector<std::int64_t> dims;
    for (const auto& p : picks)
        dims.push_back(std::int64_t(p.size()));
    std::vector<std::size_t> from;
    std::vector<std::int64_t> source(c.dims.size());
    forEachIndex(dims, [&](const std::vector<std::int64_t>& index) {
        for (std::size_t a = 0; a < index.size(); ++a)
            source[a] = picks[a][std::size_t(index[a])];
        from.push_back(flatIndex(c.dims, source));
    });
    return gathered(c, from, dims);
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
    static const std::vector<std::string> ops{"Shape",    "Gather",          "Unsqueeze", "Squeeze",   "Concat", "Cast",
                                              "Identity", "ConstantOfShape", "Reshape",   "Transpose", "Slice"};
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
    else if (op == "ConstantOfShape")
        graph.addConstant(node.output(0), constantOfShape(graph, node, first));
    else if (op == "Reshape")
        graph.addConstant(node.output(0), reshapedConstant(graph, node, first));
    else if (op == "Transpose")
        graph.addConstant(node.output(0), transposed(graph, node, first));
    else if (op == "Slice")
        graph.addConstant(node.output(0), sliced(graph, node, first));
    else
        graph.addConstant(node.output(0), first); // Identity
    return true;
}

} // namespace neurite
