// The Flatten layer type: an image (C, H, W) becomes a flat vector of C*H*W values (the same row).
#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
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
                       .spatial = true},
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

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        program.statement("detail::copy(" + in + ", " + out + ", " + std::to_string(step.inputShape().size()) + ");");
    }
};

} // namespace

const LayerKind& flattenLayerType()
{
    static const FlattenType type;
    return type;
}

} // namespace neurite
