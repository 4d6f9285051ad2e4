// The BatchNorm layer type: normalises each feature (or image channel) over the batch, then scales and
// shifts it; at inference it uses the running statistics.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/BatchNormLayer.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

struct BatchNormOptions {
    float momentum = 0.1f;
    float epsilon = 1e-5f;
};

const OptionTable<BatchNormOptions>& batchNormOptions()
{
    static const OptionTable<BatchNormOptions> table{
        realOption("momentum", "Momentum", 0, 1, &BatchNormOptions::momentum,
                   "How fast the running statistics follow the batches: running = (1 - m) running + m batch"),
        realOption("epsilon", "Epsilon", 1e-12, 1, &BatchNormOptions::epsilon,
                   "Added to the variance before its square root"),
    };
    return table;
}

// y = (x - mean) / sqrt(var + epsilon) * gamma + beta per channel, with the trained tensors.
struct BatchNormParameters {
    int channels = 0;
    float epsilon = 1e-5f;
    float momentum = 0.1f;
    std::vector<float> gamma, beta, mean, var; // (channels) each
};

class BatchNormType final : public LayerKindOf<BatchNormOptions> {
public:
    BatchNormType()
        : LayerKindOf(
              {.name = "BatchNorm",
               .category = "Regularisation",
               .description = "Normalises each feature (or image channel) over the batch, then scales and shifts it.",
               .spatial = true},
              batchNormOptions())
    {
    }

    bool infer(const LayerSpec&, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = inputs.at(0); // per feature (flat) or per channel (image): gamma and beta for each
        facts.parameters = 2L * inputs.at(0).channels;
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        const BatchNormOptions o = options(step.layer);
        const Shape& in = step.inputShape();
        return std::make_unique<BatchNormLayer>(in.channels, long(in.height) * in.width, o.momentum, o.epsilon);
    }

    // Inference-mode BatchNormalization. An image input must be rank 4 (per channel); a flat one may be
    // either rank (per feature: (N, C) or (N, C, 1, 1)).
    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        const std::string& id = step.id();
        const std::string& source = step.inputs.at(0);
        const BatchNormParameters p = parameters(graph.weights(), step);
        const bool image4 = graph.isImage(source) || !step.inputShape().isFlat();
        std::vector<std::string> inputs{image4 ? graph.asImage(source) : graph.tensor(source)};
        const std::vector<std::pair<std::string, const std::vector<float>*>> tensors{
            {"weight", &p.gamma}, {"bias", &p.beta}, {"running_mean", &p.mean}, {"running_var", &p.var}};
        for (const auto& [part, values] : tensors) {
            graph.initializer(id + "." + part, {p.channels}, *values);
            inputs.push_back(id + "." + part);
        }
        const std::string out = OnnxGraph::outputName(id);
        graph.node("BatchNormalization", id, inputs, out)
            .real("epsilon", p.epsilon)
            .real("momentum", 1.0f - p.momentum); // ONNX weighs the running value, not the batch
        graph.setOutput(step, out, image4);
    }

    // nn.BatchNorm2d (per channel) or nn.BatchNorm1d (per feature); PyTorch's momentum and epsilon mean
    // what the engine's do.
    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        const std::string& source = step.inputs.at(0);
        const std::string& name = module.name(step);
        const BatchNormParameters p = parameters(module.weights(), step);
        const bool image = module.isImage(source) || !step.inputShape().isFlat();
        module.addModule(step, std::string("nn.BatchNorm") + (image ? "2d(" : "1d(") + std::to_string(p.channels) +
                                   ", eps=" + exactFloat(p.epsilon) + ", momentum=" + exactFloat(p.momentum) + ")");
        module.addArray({name + ".weight", {p.channels}, p.gamma});
        module.addArray({name + ".bias", {p.channels}, p.beta});
        module.addArray({name + ".running_mean", {p.channels}, p.mean});
        module.addArray({name + ".running_var", {p.channels}, p.var});
        const std::string in = image ? module.asImage(source) : module.variable(source);
        module.addForward(step, "self." + name + "(" + in + ")", image);
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const Shape& s = step.inputShape();
        const std::string& name = program.name(step);
        const BatchNormParameters p = parameters(program.weights(), step);
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        program.arraysComment(step, "gamma, beta, running mean and variance (" + std::to_string(p.channels) + ")");
        program.array(name + "_gamma", step.id() + ".weight", p.gamma);
        program.array(name + "_beta", step.id() + ".bias", p.beta);
        program.array(name + "_mean", step.id() + ".running_mean", p.mean);
        program.array(name + "_var", step.id() + ".running_var", p.var);
        program.statement("detail::copy(" + in + ", " + out + ", " + std::to_string(s.size()) + ");");
        program.statement("detail::batchNorm(" + out + ", " + std::to_string(p.channels) + ", " +
                          std::to_string(long(s.height) * s.width) + ", " + name + "_gamma, " + name + "_beta, " +
                          name + "_mean, " + name + "_var, " + exactFloat(p.epsilon, true) + ");");
    }

    std::vector<std::string> onnxOps() const override { return {"BatchNormalization"}; }

    // Inference with the running statistics; ONNX's momentum weighs the running value, Neurite's the batch.
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        const Shape& shape = graph.shapeOf(x);
        if (!graph.isImage(x) && !shape.isFlat())
            graph.refuse(node, "a per-feature BatchNormalization of a flattened image has no Neurite layer");
        if (node.integer("spatial", 1) != 1)
            graph.refuse(node, "spatial=0 (per value rather than per channel) has no Neurite layer");
        for (std::size_t i = 1; i < node.outputCount(); ++i)
            if (!node.output(i).empty() && graph.readers(node.output(i)) > 0)
                graph.refuse(node, "its batch statistics outputs are read; Neurite imports inference only");
        std::vector<std::vector<float>> tensors;
        const char* names[] = {"the scale", "the bias", "the running mean", "the running variance"};
        for (std::size_t i = 0; i < 4; ++i) {
            tensors.push_back(graph.floatInput(node, i + 1, names[i]).floats);
            if (long(tensors.back().size()) != shape.channels)
                graph.refuse(node, std::string(names[i]) + " has " + std::to_string(tensors.back().size()) +
                                       " values for " + std::to_string(shape.channels) + " channels");
        }
        const LayerOptions options{{"momentum", roundedOption(1.0 - double(node.real("momentum", 0.9f)))},
                                   {"epsilon", roundedOption(node.real("epsilon", 1e-5f))}};
        const LayerSpec& layer = graph.addLayer(node, *this, options, {x}, graph.isImage(x));
        const char* parts[] = {"weight", "bias", "running_mean", "running_var"};
        for (std::size_t i = 0; i < 4; ++i)
            graph.setTensor(layer.id, parts[i], std::move(tensors[i]));
    }

private:
    BatchNormParameters parameters(const Weights& weights, const PlanStep& step) const
    {
        const BatchNormOptions o = options(step.layer);
        BatchNormParameters p;
        p.channels = step.inputShape().channels;
        p.epsilon = o.epsilon;
        p.momentum = o.momentum;
        p.gamma = tensorValues(weights, step.id(), "weight", p.channels);
        p.beta = tensorValues(weights, step.id(), "bias", p.channels);
        p.mean = tensorValues(weights, step.id(), "running_mean", p.channels);
        p.var = tensorValues(weights, step.id(), "running_var", p.channels);
        return p;
    }
};

} // namespace

const LayerKind& batchNormLayerType()
{
    static const BatchNormType type;
    return type;
}

} // namespace neurite
