// The Dropout layer type: zeroes a random fraction of its inputs while training (inverted dropout),
// and is the identity at inference.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/DropoutLayer.h"
#include "layers/LayerChoices.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

struct DropoutOptions {
    float rate = 0.5f;
};

const OptionTable<DropoutOptions>& dropoutOptions()
{
    static const OptionTable<DropoutOptions> table{
        realOption("rate", "Rate", 0, 0.95, &DropoutOptions::rate, "Fraction of inputs dropped while training"),
    };
    return table;
}

class DropoutType final : public LayerKindOf<DropoutOptions> {
public:
    DropoutType()
        : LayerKindOf({.name = "Dropout",
                       .category = "Regularisation",
                       .description = "Randomly zeroes inputs while training (inverted dropout).",
                       .elementwise = true,
                       .identityAtInference = true},
                      dropoutOptions())
    {
    }

    bool infer(const LayerSpec&, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = inputs.at(0);
        return true;
    }

    std::string caption(const LayerSpec& layer) const override
    {
        return "Dropout " + numberCaption(options(layer).rate);
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t seed) const override
    {
        return std::make_unique<DropoutLayer>(options(step.layer).rate, seed);
    }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        // ONNX's Dropout in inference mode is the identity, and says so explicitly.
        const std::string& source = step.inputs.at(0);
        const std::string out = OnnxGraph::outputName(step.id());
        const std::string ratio = step.id() + ".ratio";
        graph.initializer(ratio, {}, {options(step.layer).rate});
        graph.node("Dropout", step.id(), {graph.tensor(source), ratio}, out);
        graph.setOutput(step, out, graph.isImage(source));
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        // A module, so that train() and eval() switch it like any PyTorch dropout.
        const std::string& source = step.inputs.at(0);
        module.addModule(step, "nn.Dropout(p=" + exactFloat(options(step.layer).rate) + ")");
        module.addForward(step, "self." + module.name(step) + "(" + module.variable(source) + ")",
                          module.isImage(source));
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override { program.passThrough(step); }

    std::vector<std::string> onnxOps() const override { return {"Dropout"}; }

    // The rate is an attribute before opset 12 and an optional input since; inference mode only.
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        float ratio = node.real("ratio", 0.5f);
        if (!node.input(1).empty()) {
            const OnnxConstant& r = graph.floatInput(node, 1, "the ratio");
            if (r.elements() != 1)
                graph.refuse(node, "its ratio must be one value");
            ratio = r.floats[0];
        }
        if (const OnnxConstant* training = graph.constant(node.input(2));
            !node.input(2).empty() &&
            (!training || training->elements() != 1 || (training->isFloat ? training->floats[0] : training->ints[0])))
            graph.refuse(node, "it runs in training mode; Neurite imports inference graphs");
        if (node.outputCount() > 1 && graph.readers(node.output(1)) > 0)
            graph.refuse(node, "its mask output is read; Neurite's Dropout gives none");
        graph.addLayer(node, *this, {{"rate", roundedOption(ratio)}}, {x}, graph.isImage(x));
    }
};

} // namespace

const LayerKind& dropoutLayerType()
{
    static const DropoutType type;
    return type;
}

} // namespace neurite
