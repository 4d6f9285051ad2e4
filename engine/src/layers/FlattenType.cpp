// The Flatten layer type: an image (C, H, W) becomes a flat vector of C*H*W values (the same row).
#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/FlattenLayer.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

class FlattenType final : public LayerKindOf<NoOptions> {
public:
    FlattenType()
        : LayerKindOf({.name = "Flatten",
                       .category = "Convolution",
                       .description = "Turns an image (C, H, W) into a flat vector of C*H*W values.",
                       .spatial = true,
                       .reshapesOnly = true},
                      noOptions())
    {
    }

    bool infer(const LayerSpec&, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = Shape::flat(int(inputs.at(0).size()));
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep&, std::uint64_t) const override
    {
        return std::make_unique<FlattenLayer>();
    }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        const std::string out = OnnxGraph::outputName(step.id());
        graph.node("Flatten", step.id(), {graph.tensor(step.inputs.at(0))}, out).integer("axis", 1);
        graph.setOutput(step, out, false);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        module.addForward(step, module.variable(step.inputs.at(0)) + ".flatten(1)", false);
    }

    std::vector<std::string> onnxOps() const override { return {"Flatten", "Reshape"}; }

    // Flatten at axis 1, or a Reshape to (N, -1): a Flatten layer. Neurite's own rank changes
    // ("<tensor>/Flatten", a Reshape back to the image the row holds) change no shape and add no layer.
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        const bool image = graph.isImage(x);
        if (node.op() == "Flatten") {
            const std::int64_t axis = node.integer("axis", 1);
            if (axis != 1 && axis != (image ? -3 : -1))
                graph.refuse(node,
                             "Neurite flattens everything after the batch (axis 1), not axis " + std::to_string(axis));
            if (node.name() == x + "/Flatten")
                return graph.alias(node.output(0), x, false);
            graph.addLayer(node, *this, {}, {x}, false);
            return;
        }
        const std::vector<std::int64_t> target = reshapeTarget(graph, node, x);
        const Shape& s = graph.shapeOf(x);
        if (target.size() == 1 && !image)
            return graph.alias(node.output(0), x, false);
        if (target.size() == 1)
            return static_cast<void>(graph.addLayer(node, *this, {}, {x}, false));
        if (target == std::vector<std::int64_t>{s.channels, s.height, s.width})
            return graph.alias(node.output(0), x, true);
        graph.refuse(node, "a Reshape to " + dimsText(target) + "; Neurite reshapes only to (N, -1), or back to the " +
                               s.toString() + " its row holds");
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        program.statement("detail::copy(" + in + ", " + out + ", " + std::to_string(step.inputShape().size()) + ");");
    }

private:
    static std::string dimsText(const std::vector<std::int64_t>& dims)
    {
        std::string text = "(N";
        for (const std::int64_t d : dims)
            text += ", " + std::to_string(d);
        return text + ")";
    }

    // The dims after the batch a Reshape asks for, with 0 (copy) and -1 (the rest) resolved. The first
    // entry must be the batch: the input's own (from Shape), 0, -1 with the rest fixed, or a fixed batch.
    static std::vector<std::int64_t> reshapeTarget(const OnnxImportGraph& graph, const OnnxNodeView& node,
                                                   const std::string& x)
    {
        const OnnxConstant* shape = graph.constant(node.input(1));
        if (!shape || shape->isFloat || shape->dims.size() != 1 || shape->ints.size() < 2)
            graph.refuse(node, "its target shape must be a constant (N, ...) computable without the data");
        if (node.integer("allowzero", 0) != 0)
            graph.refuse(node, "allowzero=1 has no Neurite meaning");
        const Shape& s = graph.shapeOf(x);
        const std::vector<std::int64_t> in = graph.isImage(x) ? std::vector<std::int64_t>{s.channels, s.height, s.width}
                                                              : std::vector<std::int64_t>{s.size()};
        std::vector<std::int64_t> dims;
        std::int64_t known = 1;
        int unknown = 0;
        for (std::size_t i = 1; i < shape->ints.size(); ++i) {
            std::int64_t d = shape->ints[i];
            if (shape->batch[i])
                graph.refuse(node, "it moves the batch size into a sample's shape");
            if (d == 0 && i - 1 < in.size())
                d = in[i - 1];
            if (d == -1)
                ++unknown;
            else if (d <= 0)
                graph.refuse(node, "its target shape has " + std::to_string(d));
            else
                known *= d;
            dims.push_back(d);
        }
        const bool batchFirst = shape->batch[0] || shape->ints[0] == 0 || (shape->ints[0] == -1 && unknown == 0) ||
                                shape->ints[0] > 0;
        if (!batchFirst || unknown > 1 || (unknown == 0 && known != s.size()) || (unknown && s.size() % known))
            graph.refuse(node, "its target shape does not keep the batch first");
        for (std::int64_t& d : dims)
            d = d == -1 ? s.size() / known : d;
        return dims;
    }
};

} // namespace

const LayerKind& flattenLayerType()
{
    static const FlattenType type;
    return type;
}

} // namespace neurite
