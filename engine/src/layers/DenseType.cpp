// The Dense layer type: y = f(xW + b). Its options, shape rule, factory, caption and export hooks.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/DenseLayer.h"
#include "layers/LayerChoices.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

struct DenseOptions {
    int units = 128;
    Activation activation = Activation::ReLU;
    InitChoice init = InitChoice::Auto;
    bool bias = true;
};

const OptionTable<DenseOptions>& denseOptions()
{
    static const OptionTable<DenseOptions> table{
        integerOption("units", "Units", 1, 65536, &DenseOptions::units, "Number of neurons (outputs)"),
        choiceOption("activation", "Activation", &DenseOptions::activation, activationChoices(true),
                     "The function f applied to xW + b"),
        choiceOption("init", "Initialiser", &DenseOptions::init, initChoices(), kInitHelp),
        booleanOption("bias", "Bias", &DenseOptions::bias, "Add a learned bias b"),
    };
    return table;
}

// The weight (inputs, units) and the bias (units; zeros for a layer without one) of a step.
struct DenseParameters {
    int inputs = 0;
    int units = 0;
    const std::vector<float>* weight = nullptr; // (inputs, units) row-major
    std::vector<float> bias;                    // (units)
};

class DenseType final : public LayerKindOf<DenseOptions> {
public:
    DenseType()
        : LayerKindOf({.name = "Dense",
                       .category = "Core",
                       .description = "Fully connected layer: y = f(xW + b).",
                       .unitWeights = true},
                      denseOptions())
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        const DenseOptions o = options(layer);
        const long in = inputs.at(0).size();
        facts.outputShape = Shape::flat(o.units);
        facts.parameters = in * o.units + (o.bias ? o.units : 0);
        facts.multiplyAdds = in * o.units;
        return true;
    }

    std::string caption(const LayerSpec& layer) const override
    {
        const DenseOptions o = options(layer);
        const std::string act = activationCaption(o.activation);
        const std::string caption = "Dense " + std::to_string(o.units);
        return act.empty() ? caption : caption + " \u00b7 " + act;
    }

    bool endsInSoftmax(const LayerSpec& layer) const override
    {
        return options(layer).activation == Activation::Softmax;
    }

    Activation outputActivation(const LayerSpec& layer) const override { return options(layer).activation; }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        const DenseOptions o = options(step.layer);
        return std::make_unique<DenseLayer>(int(step.inputShape().size()), o.units, activation(step), kFusedLeakyAlpha,
                                            resolveInit(o.init, o.activation), o.bias);
    }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        // Gemm(x, W^T, b) with transB=1: W is stored [out, in] (OpenCV's importer needs transB=1).
        const std::string& id = step.id();
        const DenseParameters p = parameters(graph.weights(), step);
        graph.initializer(id + ".weight", {p.units, p.inputs}, transposed(*p.weight, p.inputs, p.units));
        std::vector<std::string> inputs{graph.asFlat(step.inputs.at(0)), id + ".weight"};
        if (options(step.layer).bias) { // C is optional: a layer without bias has none
            graph.initializer(id + ".bias", {p.units}, p.bias);
            inputs.push_back(id + ".bias");
        }
        const Activation f = activation(step);
        const std::string out = OnnxGraph::outputName(id);
        const std::string gemmOut = f == Activation::Linear ? out : out + "/gemm";
        graph.node("Gemm", id, inputs, gemmOut).integer("transB", 1);
        if (f != Activation::Linear)
            graph.activation(f, kFusedLeakyAlpha, id, gemmOut, out);
        graph.setOutput(step, out, false);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        // nn.Linear keeps its weight as (out, in): Neurite's (in, out) is transposed.
        const DenseParameters p = parameters(module.weights(), step);
        const bool bias = options(step.layer).bias;
        const std::string& name = module.name(step);
        module.addModule(step, "nn.Linear(" + std::to_string(p.inputs) + ", " + std::to_string(p.units) +
                                   ", bias=" + (bias ? "True" : "False") + ")");
        module.addArray({name + ".weight", {p.units, p.inputs}, transposed(*p.weight, p.inputs, p.units)});
        if (bias)
            module.addArray({name + ".bias", {p.units}, p.bias});
        const std::string linear = "self." + name + "(" + module.asFlat(step.inputs.at(0)) + ")";
        module.addForward(step, TorchModule::activation(activation(step), kFusedLeakyAlpha, linear), false);
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const DenseParameters p = parameters(program.weights(), step);
        const std::string& name = program.name(step);
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        program.arraysComment(step, "weight (" + std::to_string(p.inputs) + ", " + std::to_string(p.units) +
                                        ") row-major, bias (" + std::to_string(p.units) + ")");
        program.array(name + "_weight", step.id() + ".weight", *p.weight);
        program.array(name + "_bias", step.id() + ".bias", p.bias);
        program.statement("detail::dense(" + in + ", " + std::to_string(p.inputs) + ", " + std::to_string(p.units) +
                          ", " + name + "_weight, " + name + "_bias, " + out + ");");
        program.activation(activation(step), kFusedLeakyAlpha, out, p.units);
    }

    std::vector<std::string> onnxOps() const override { return {"Gemm", "MatMul"}; }

    // Gemm(x, B, C) = alpha x B' + beta C with B' = B or B^T (transB); MatMul(x, B) is a Dense layer without
    // bias, which a following Add of a constant may give one (AddType). The weight becomes (in, units).
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        const OnnxConstant& b = graph.floatInput(node, 1, "the weight");
        const bool gemm = node.op() == "Gemm";
        if (b.dims.size() != 2)
            graph.refuse(node, "its weight must be a matrix; it has " + std::to_string(b.dims.size()) + " dimensions");
        if (!gemm && graph.isImage(x))
            graph.refuse(node, "a MatMul over an image's last axis has no Neurite layer (flatten it first)");
        const bool transB = gemm && node.integer("transB", 0) != 0;
        const long in = long(b.dims[transB ? 1 : 0]), units = long(b.dims[transB ? 0 : 1]);
        if (in != graph.shapeOf(x).size())
            graph.refuse(node, "its weight is for " + std::to_string(in) + " inputs, but its input has shape " +
                                   graph.shapeOf(x).toString());
        const float alpha = gemm ? node.real("alpha", 1.0f) : 1.0f;
        std::vector<float> weight(std::size_t(in * units)); // (in, units) row-major
        for (long i = 0; i < in; ++i)
            for (long j = 0; j < units; ++j)
                weight[std::size_t(i * units + j)] = alpha * b.floats[std::size_t(transB ? j * in + i : i * units + j)];
        const bool hasBias = gemm && !node.input(2).empty();
        const LayerSpec& layer = graph.addLayer(
            node, *this,
            {{"units", double(units)}, {"activation", std::string("linear")}, {"bias", hasBias ? 1.0 : 0.0}}, {x},
            false);
        graph.setTensor(layer.id, "weight", std::move(weight));
        if (hasBias)
            graph.setTensor(layer.id, "bias",
                            graph.biasPerUnit(node, graph.floatInput(node, 2, "the bias"), units,
                                              node.real("beta", 1.0f), "its bias"));
    }

    std::string onnxAttributeProblem(const OnnxNodeView& node) const override
    {
        return node.integer("transA", 0) != 0 ? "transA=1 (a transposed input) has no Neurite layer" : "";
    }

private:
    // A softmax taken over by the cross-entropy head leaves the layer linear.
    Activation activation(const PlanStep& step) const
    {
        return step.softmaxFolded ? Activation::Linear : options(step.layer).activation;
    }

    DenseParameters parameters(const Weights& weights, const PlanStep& step) const
    {
        DenseParameters p;
        p.inputs = int(step.inputShape().size());
        p.units = int(step.outputShape().size());
        p.weight = &tensorOfShape(weights, step.id(), "weight", p.inputs, p.units).values;
        p.bias = options(step.layer).bias ? tensorValues(weights, step.id(), "bias", p.units)
                                          : std::vector<float>(std::size_t(p.units), 0.0f);
        return p;
    }
};

} // namespace

const LayerKind& denseLayerType()
{
    static const DenseType type;
    return type;
}

} // namespace neurite
