// The Concatenate layer type: joins two inputs along the channels (images must agree in height and width).
#include "layers/ConcatenateLayer.h"
#include "layers/MergeType.h"

namespace neurite {
namespace {

class ConcatenateType final : public MergeType {
public:
    ConcatenateType()
        : MergeType({.name = "Concatenate",
                     .description = "Joins two inputs along the channels (images must agree in height and width)."})
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
               std::string& error) const override
    {
        if (!needsTwoInputs(layer, inputs, error))
            return false;
        const Shape& a = inputs[0];
        const Shape& b = inputs[1];
        if (a.height != b.height || a.width != b.width) {
            error = layerLabel(layer) +
                    " joins its inputs along the channels, so their heights and widths must agree, but it gets " +
                    a.toString() + " and " + b.toString() + ".";
            return false;
        }
        facts.outputShape = {a.channels + b.channels, a.height, a.width};
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep&, std::uint64_t) const override
    {
        return std::make_unique<ConcatenateLayer>();
    }

    // Concat along axis 1: the channels of (N, C, H, W), which is how the engine joins its channel-major rows.
    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        bool image4 = false;
        const std::vector<std::string> inputs = onnxInputs(graph, step, image4);
        graph.node("Concat", step.id(), inputs, OnnxGraph::outputName(step.id())).integer("axis", 1);
        graph.setOutput(step, OnnxGraph::outputName(step.id()), image4);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        bool image = false;
        const auto [a, b] = torchInputs(module, step, image);
        module.addForward(step, "torch.cat([" + a + ", " + b + "], dim=1)", image);
    }

    std::vector<std::string> onnxOps() const override { return {"Concat"}; }

    // Along the channels: axis 1 of (N, C, H, W) or of (N, features).
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        bool image = false;
        const std::vector<std::string> inputs = importedInputs(graph, node, image);
        const std::int64_t axis = node.integer("axis", 1);
        if (axis != 1 && axis != (image ? -3 : -1))
            graph.refuse(node, "Neurite joins along the channels (axis 1), not axis " + std::to_string(axis));
        graph.addLayer(node, *this, {}, inputs, image);
    }

    // Rows are channel-major: joining along the channels appends the second sample.
    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const long first = step.inputShape().size();
        const std::string a = program.buffer(step.inputs.at(0));
        const std::string b = program.buffer(step.inputs.at(1));
        const std::string out = program.output(step);
        program.statement("detail::copy(" + a + ", " + out + ", " + std::to_string(first) + ");");
        program.statement("detail::copy(" + b + ", " + out + " + " + std::to_string(first) + ", " +
                          std::to_string(step.outputShape().size() - first) + ");");
    }
};

} // namespace

const LayerKind& concatenateLayerType()
{
    static const ConcatenateType type;
    return type;
}

} // namespace neurite
