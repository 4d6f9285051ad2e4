// Activation nodes behind OnnxActivationImport.h.
#include "import/OnnxActivationImport.h"

#include "export/OnnxGraph.h"

#include "layers/LayerChoices.h"
#include "layers/LayerKind.h"

namespace neurite {
namespace {

std::string choiceName(Activation f)
{
    switch (f) {
    case Activation::ReLU: return "relu";
    case Activation::LeakyReLU: return "leaky_relu";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Softmax: return "softmax";
    case Activation::Linear: break;
    }
    return "linear";
}

// Neurite's Softmax runs over the whole sample: ONNX's does over axis 1 of a 2-D tensor, and before
// opset 13 over everything from the axis on.
void checkSoftmaxAxis(const OnnxImportGraph& graph, const OnnxNodeView& node, const std::string& x)
{
    const std::int64_t axis = node.integer("axis", node.opset() >= 13 ? -1 : 1);
    const bool image = graph.isImage(x);
    const bool whole = image ? (node.opset() < 13 && axis == 1) || (graph.shapeOf(x).isFlat() && axis == 1)
                             : axis == 1 || axis == -1;
    if (!whole)
        graph.refuse(node, "a softmax over axis " + std::to_string(axis) + " of a " + (image ? "4" : "2") +
                               "-D tensor; Neurite's Softmax runs over the whole sample");
}

// The Dense or Conv2D writing `x` takes the activation in when the node's name says it is that layer's
// ("dense1/Relu" after "dense1/Gemm", as Neurite exports a fused activation).
bool takeIntoLayer(OnnxImportGraph& graph, const OnnxNodeView& node, const std::string& x, Activation f)
{
    LayerSpec* layer = graph.layerToExtend(node, x, false);
    if (!layer || (layer->type != "Dense" && layer->type != "Conv2D") || layer->text("activation", "") != "linear")
        return false;
    if ((f == Activation::Softmax && layer->type != "Dense") ||
        (f == Activation::LeakyReLU && node.real("alpha", 0.01f) != kFusedLeakyAlpha))
        return false;
    layer->options["activation"] = choiceName(f);
    graph.checkOptions(node, *layer);
    graph.alias(node.output(0), x, graph.isImage(x));
    return true;
}

} // namespace

void importFinalLogSoftmax(OnnxImportGraph& graph, const OnnxNodeView& node)
{
    const std::string& x = graph.dataInput(node, 0);
    if (!graph.isGraphOutput(node.output(0)))
        graph.refuse(node, "a LogSoftmax inside the network has no Neurite layer (only as the model's last node)");
    checkSoftmaxAxis(graph, node, x);
    graph.setSoftmaxHead();
    graph.note("The model ends in LogSoftmax (log-probabilities); Neurite's cross-entropy output gives the "
               "probabilities themselves (their exp), with the same classes.");
    graph.alias(node.output(0), x, false);
}

void importActivation(OnnxImportGraph& graph, const OnnxNodeView& node, const LayerKind& kind, Activation f)
{
    const std::string& x = graph.dataInput(node, 0);
    if (f == Activation::Softmax)
        checkSoftmaxAxis(graph, node, x);
    if (takeIntoLayer(graph, node, x, f))
        return;
    const std::string stem = OnnxImportGraph::idStem(node);
    if (f == Activation::Softmax && graph.isGraphOutput(node.output(0)) && (stem.empty() || stem == "head")) {
        // The model's final softmax: cross-entropy's head applies it, as it does for a design's last layer.
        graph.setSoftmaxHead();
        return graph.alias(node.output(0), x, false);
    }
    LayerOptions options;
    if (f == Activation::LeakyReLU)
        options["alpha"] = roundedOption(node.real("alpha", 0.01f));
    graph.addLayer(node, kind, options, {x}, graph.isImage(x) && f != Activation::Softmax);
}

} // namespace neurite
