// What the stand-alone activation layer types (ReLU, LeakyReLU, Sigmoid, Tanh, Softmax) share: each
// applies one function to every value and keeps the shape; each of their files gives its name and options.
#pragma once

#include "export/CppProgram.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxActivationImport.h"
#include "layers/ActivationLayer.h"
#include "layers/LayerKind.h"
#include "model/DesignPlan.h"

namespace neurite {

template <class Options>
class ActivationType : public LayerKindOf<Options> {
public:
    ActivationType(LayerTypeInfo info, const OptionTable<Options>& table, Activation function)
        : LayerKindOf<Options>(withTraits(std::move(info)), table), m_function(function)
    {
    }

    bool infer(const LayerSpec&, const std::vector<Shape>& inputs, LayerFacts& facts, std::string&) const override
    {
        facts.outputShape = inputs.at(0);
        return true;
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        return std::make_unique<ActivationLayer>(step.softmaxFolded ? Activation::Linear : m_function,
                                                 alpha(step.layer));
    }

    bool endsInSoftmax(const LayerSpec&) const override { return m_function == Activation::Softmax; }
    Activation outputActivation(const LayerSpec&) const override { return m_function; }

    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        if (step.softmaxFolded)
            return graph.passThrough(step);
        // Softmax runs over the whole sample, as the engine does: a rank-2 softmax.
        const std::string& source = step.inputs.at(0);
        const bool image = graph.isImage(source) && m_function != Activation::Softmax;
        const std::string in = image ? graph.tensor(source) : graph.asFlat(source);
        const std::string out = OnnxGraph::outputName(step.id());
        graph.activation(m_function, alpha(step.layer), step.id(), in, out);
        graph.setOutput(step, out, image);
    }

    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        const std::string& source = step.inputs.at(0);
        if (step.softmaxFolded)
            return module.addForward(step, module.variable(source), module.isImage(source));
        const bool image = module.isImage(source) && m_function != Activation::Softmax;
        const std::string in = image ? module.variable(source) : module.asFlat(source);
        module.addForward(step, TorchModule::activation(m_function, alpha(step.layer), in), image);
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        if (step.softmaxFolded)
            return program.passThrough(step);
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        const long n = step.outputShape().size();
        program.statement("detail::copy(" + in + ", " + out + ", " + std::to_string(n) + ");");
        program.activation(m_function, alpha(step.layer), out, n);
    }

    std::vector<std::string> onnxOps() const override { return {onnxActivationOp(m_function)}; }

    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        importActivation(graph, node, *this, m_function);
    }

protected:
    // The slope for negative inputs (LeakyReLU only).
    virtual float alpha(const LayerSpec&) const { return 0.0f; }

private:
    static LayerTypeInfo withTraits(LayerTypeInfo info)
    {
        info.category = "Activations";
        info.elementwise = true;
        return info;
    }

    Activation m_function;
};

} // namespace neurite
