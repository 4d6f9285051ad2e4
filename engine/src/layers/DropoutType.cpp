// The Dropout layer type: zeroes a random fraction of its inputs while training (inverted dropout),
// and is the identity at inference.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
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
        graph.node("Dropout", step.id(), {graph.tensor(source)}, out);
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
};

} // namespace

const LayerKind& dropoutLayerType()
{
    static const DropoutType type;
    return type;
}

} // namespace neurite
