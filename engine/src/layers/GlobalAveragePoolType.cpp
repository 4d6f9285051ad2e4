// The GlobalAveragePool layer type: the mean of each channel over the whole image, (C, H, W) -> (C).
#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/GlobalAveragePoolLayer.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

class GlobalAveragePoolType final : public LayerKindOf<NoOptions> {
public:
    GlobalAveragePoolType()
        : LayerKindOf({.name = "GlobalAveragePool",
                       .category = "Convolution",
                       .description = "The mean of each channel over the whole image: (C, H, W) -> (C).",
                       .spatial = true},
                      noOptions())
    {
    }

    bool infer(const LayerSpec&, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = Shape::flat(inputs.at(0).channels);
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        const Shape& in = step.inputShape();
        return std::make_unique<GlobalAveragePoolLayer>(in.channels, long(in.height) * in.width);
    }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        // (N, C, 1, 1): flattened where a later node needs rank 2.
        const std::string out = OnnxGraph::outputName(step.id());
        graph.node("GlobalAveragePool", step.id(), {graph.asImage(step.inputs.at(0))}, out);
        graph.setOutput(step, out, true);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        module.addForward(step, module.asImage(step.inputs.at(0)) + ".mean(dim=(2, 3), keepdim=True)", true);
    }

    std::vector<std::string> onnxOps() const override { return {"GlobalAveragePool"}; }

    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        if (!graph.isImage(x))
            graph.refuse(node, "its input must be an image (N, C, H, W)");
        graph.addLayer(node, *this, {}, {x}, true); // (N, C, 1, 1)
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const Shape& s = step.inputShape();
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        program.statement("detail::globalAveragePool(" + in + ", " + std::to_string(s.channels) + ", " +
                          std::to_string(long(s.height) * s.width) + ", " + out + ");");
    }
};

} // namespace

const LayerKind& globalAveragePoolLayerType()
{
    static const GlobalAveragePoolType type;
    return type;
}

} // namespace neurite
