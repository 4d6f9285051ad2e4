// The Add layer type: the sum of two inputs of the same shape (a residual connection).
#include "layers/AddLayer.h"
#include "layers/MergeType.h"

namespace neurite {
namespace {

class AddType final : public MergeType {
public:
    AddType() : MergeType({.name = "Add", .description = "Adds two inputs of the same shape (a residual connection)."})
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
               std::string& error) const override
    {
        if (!needsTwoInputs(layer, inputs, error))
            return false;
        const Shape& a = inputs[0];
        const Shape& b = inputs[1];
        if (!(a == b)) {
            error = layerLabel(layer) + " adds two inputs of the same shape, but gets " + a.toString() + " and " +
                    b.toString() + ". Make both branches end in the same shape.";
            return false;
        }
        facts.outputShape = a;
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep&, std::uint64_t) const override { return std::make_unique<AddLayer>(); }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        bool image4 = false;
        const std::vector<std::string> inputs = onnxInputs(graph, step, image4);
        graph.node("Add", step.id(), inputs, OnnxGraph::outputName(step.id()));
        graph.setOutput(step, OnnxGraph::outputName(step.id()), image4);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        bool image = false;
        const auto [a, b] = torchInputs(module, step, image);
        module.addForward(step, a + " + " + b, image);
    }

    std::vector<std::string> onnxOps() const override { return {"Add"}; }

    // Two branches make an Add layer; a constant added to a Dense layer without bias (MatMul + Add, as
    // tf2onnx and PyTorch write some linear layers) becomes its bias.
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const bool firstIsData = graph.isData(node.input(0));
        const std::string& constant = node.input(firstIsData ? 1 : 0);
        if (graph.constant(constant))
            return takeAsBias(graph, node, graph.dataInput(node, firstIsData ? 0 : 1), constant);
        bool image = false;
        const std::vector<std::string> inputs = importedInputs(graph, node, image);
        graph.addLayer(node, *this, {}, inputs, image);
    }

private:
    static void takeAsBias(OnnxImportGraph& graph, const OnnxNodeView& node, const std::string& x,
                           const std::string& constant)
    {
        LayerSpec* dense = graph.layerToExtend(node, x, true);
        const OnnxConstant& c = *graph.constant(constant);
        if (!dense || dense->type != "Dense" || dense->number("bias", 1) != 0 || !c.isFloat)
            graph.refuse(node, "adding a constant: Neurite adds constants only as a Dense layer's bias");
        std::vector<float> bias = graph.biasPerUnit(node, c, long(dense->number("units", 0)), 1.0f, "its constant");
        dense->options["bias"] = 1.0;
        graph.setTensor(dense->id, "bias", std::move(bias));
        graph.alias(node.output(0), x, false);
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const std::string a = program.buffer(step.inputs.at(0));
        const std::string b = program.buffer(step.inputs.at(1));
        const std::string out = program.output(step);
        program.statement("detail::add(" + a + ", " + b + ", " + out + ", " + std::to_string(step.inputShape().size()) +
                          ");");
    }
};

} // namespace

const LayerKind& addLayerType()
{
    static const AddType type;
    return type;
}

} // namespace neurite
