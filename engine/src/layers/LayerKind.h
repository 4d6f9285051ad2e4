// What one layer type is, in one place: its options, shape rule, factory, caption and export hooks.
// Every layer type is one file in this folder deriving from LayerKindOf<Options>; LayerKinds.cpp lists them.
#pragma once

#include "kernels/Activations.h"
#include "layers/OptionTable.h"
#include "neurite/LayerRegistry.h"
#include "neurite/LossKind.h"
#include "neurite/Weights.h"
#include "neurite/Validation.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace neurite {

class Layer;
class OnnxGraph;
class TorchModule;
class CppProgram;
class OnnxImportGraph;
class OnnxNodeView;
struct PlanStep;

class LayerKind {
public:
    virtual ~LayerKind() = default;

    const LayerTypeInfo& info() const { return m_info; }
    const std::string& name() const { return m_info.name; }
    LayerRole role() const { return m_info.role; }

    // Unknown option names and values outside their ranges, each as (option key, message).
    std::vector<std::pair<std::string, std::string>> optionProblems(const LayerSpec& layer) const;

    // Facts about `layer` fed with `inputs` (one shape per port). On a mismatch, returns false and sets
    // `error` to a sentence naming the layer and saying what to change.
    virtual bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
                       std::string& error) const = 0;
    // "Dense 128 · ReLU": the key options, for node captions, summaries and comments in exported code.
    virtual std::string caption(const LayerSpec&) const { return name(); }
    // Every option at its default.
    virtual LayerOptions defaultOptions() const = 0;

    // The running layer for a validated step (null for Input and Output, which the network handles).
    virtual std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t seed) const;
    // Cross-entropy applies softmax itself: true when this layer, as the last one, ends in a softmax
    // that the loss's head can take over (its step is then marked softmaxFolded).
    virtual bool endsInSoftmax(const LayerSpec&) const { return false; }
    // The function the layer's output goes through last (a Dense layer's fused activation, a ReLU layer's
    // ReLU): layer health counts dead ReLUs and advises on saturating sigmoids by it.
    virtual Activation outputActivation(const LayerSpec&) const { return Activation::Linear; }
    // The Output layer's loss; nothing for other layers.
    virtual std::optional<LossKind> loss(const LayerSpec&) const { return std::nullopt; }

    // Export hooks. The default says the format cannot express the layer (NeuriteError naming both).
    virtual void toOnnx(OnnxGraph& graph, const PlanStep& step) const;
    virtual void toTorch(TorchModule& module, const PlanStep& step) const;
    virtual void toCpp(CppProgram& program, const PlanStep& step) const;

    // Import hook: the ONNX operators this type reads, and reading one such node into the design (a layer
    // added, or the node taken into the layer before it). The default reads none.
    virtual std::vector<std::string> onnxOps() const { return {}; }
    // What in a node's attributes alone rules it out ("" when nothing): checked for every node before any
    // is mapped, so that one message names them all; fromOnnx runs only on nodes that pass.
    virtual std::string onnxAttributeProblem(const OnnxNodeView&) const { return {}; }
    virtual void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const;

protected:
    explicit LayerKind(LayerTypeInfo info) : m_info(std::move(info)) {}
    [[noreturn]] void cannotExport(const PlanStep& step, const std::string& format) const;

private:
    LayerTypeInfo m_info;
};

// The base of every layer type with typed options: `options(layer)` gives the struct, defaults filled in.
template <class Options>
class LayerKindOf : public LayerKind {
protected:
    LayerKindOf(LayerTypeInfo info, const OptionTable<Options>& table)
        : LayerKind(withOptions(info, table)), m_table(table)
    {
    }

public:
    Options options(const LayerSpec& layer) const { return m_table.read(layer); }
    LayerOptions defaultOptions() const override { return m_table.write(Options{}); }

private:
    static LayerTypeInfo withOptions(LayerTypeInfo info, const OptionTable<Options>& table)
    {
        info.options = table.descriptors();
        return info;
    }
    const OptionTable<Options>& m_table;
};

// Layer types without options (Flatten, ReLU, Add, ...).
struct NoOptions {};
const OptionTable<NoOptions>& noOptions();

// Every layer type, in palette order; and one by name (null when unknown).
const std::vector<const LayerKind*>& layerKinds();
const LayerKind* findLayerKind(const std::string& name);

// "Dense 'dense1'": how messages name a layer.
std::string layerLabel(const LayerSpec& layer);

} // namespace neurite
