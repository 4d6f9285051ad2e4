// The Conv2D layer type: filters slide over the image, y = f(W * x + b). Its options, shape rule,
// factory, caption and export hooks.
#include "export/CppProgram.h"
#include "export/ExportSupport.h"
#include "export/OnnxGraph.h"
#include "export/TorchModule.h"
#include "import/OnnxImportGraph.h"
#include "layers/Conv2DLayer.h"
#include "layers/LayerChoices.h"
#include "layers/LayerKind.h"
#include "layers/WindowShape.h"
#include "model/DesignPlan.h"

namespace neurite {
namespace {

struct Conv2DOptions {
    int filters = 16;
    int kernel = 3;
    int stride = 1;
    std::string padding = "valid"; // a name convGeometry takes
    int pad = 0;
    Activation activation = Activation::ReLU;
    InitChoice init = InitChoice::Auto;
    bool bias = true;
};

const OptionTable<Conv2DOptions>& conv2DOptions()
{
    static const OptionTable<Conv2DOptions> table{
        integerOption("filters", "Filters", 1, 4096, &Conv2DOptions::filters,
                      "Output channels: one learned filter each"),
        integerOption("kernel", "Kernel", 1, 64, &Conv2DOptions::kernel, "Filter size in pixels (square)"),
        integerOption("stride", "Stride", 1, 64, &Conv2DOptions::stride, "Step between filter positions"),
        choiceOption("padding", "Padding", &Conv2DOptions::padding,
                     ChoiceNames<std::string>{{"valid", "valid"}, {"same", "same"}, {"explicit", "explicit"}},
                     "valid: no padding (the image shrinks); same: zero padding that keeps height and width "
                     "(divided by the stride); explicit: the Pad amount on every side"),
        integerOption("pad", "Pad", 0, 64, &Conv2DOptions::pad, "Zero padding on every side when Padding is explicit"),
        choiceOption("activation", "Activation", &Conv2DOptions::activation, activationChoices(false),
                     "The function f applied to W * x + b"),
        choiceOption("init", "Initialiser", &Conv2DOptions::init, initChoices(), kInitHelp),
        booleanOption("bias", "Bias", &Conv2DOptions::bias, "Add a learned bias per filter"),
    };
    return table;
}

// The weight (filters, channels * kernel * kernel) in PyTorch's (out, in, kh, kw) order, its bias (zeros
// without one) and the window's padding: top, left, bottom, right (asymmetric for "same" with an even
// kernel: one more at the bottom and right).
struct ConvParameters {
    ConvGeometry g;
    int filters = 0;
    int padBottom = 0, padRight = 0;
    const std::vector<float>* weight = nullptr;
    std::vector<float> bias;
    bool hasBias = true;
};

class Conv2DType final : public LayerKindOf<Conv2DOptions> {
public:
    Conv2DType()
        : LayerKindOf({.name = "Conv2D",
                       .category = "Convolution",
                       .description = "2-D convolution: filters slide over the image, y = f(W * x + b).",
                       .spatial = true,
                       .channelWeights = true},
                      conv2DOptions())
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
               std::string& error) const override
    {
        const Conv2DOptions o = options(layer);
        const ConvGeometry g = geometry(o, inputs.at(0));
        if (!windowFits(layer, inputs.at(0), g, "kernel or more padding", error))
            return false;
        facts.outputShape = {o.filters, g.outHeight, g.outWidth};
        facts.parameters = o.filters * g.patchSize() + (o.bias ? o.filters : 0);
        facts.multiplyAdds = o.filters * g.patchSize() * g.outputPixels();
        return true;
    }

    std::string caption(const LayerSpec& layer) const override
    {
        const Conv2DOptions o = options(layer);
        const std::string act = activationCaption(o.activation);
        const std::string caption = "Conv2D " + std::to_string(o.filters) + " \u00b7 " +
                                    windowCaption(o.kernel, o.stride, 1);
        return act.empty() ? caption : caption + " \u00b7 " + act;
    }

    Activation outputActivation(const LayerSpec& layer) const override { return options(layer).activation; }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        const Conv2DOptions o = options(step.layer);
        return std::make_unique<Conv2DLayer>(geometry(o, step.inputShape()), o.filters, o.activation, kFusedLeakyAlpha,
                                             resolveInit(o.init, o.activation), o.bias);
    }

    // Conv with the weight [filters, channels, k, k] (the engine's order), then the fused activation.
    void toOnnx(OnnxGraph& graph, const PlanStep& step) const override
    {
        const std::string& id = step.id();
        const ConvParameters p = parameters(graph.weights(), step);
        graph.initializer(id + ".weight", {p.filters, p.g.channels, p.g.kernel, p.g.kernel}, *p.weight);
        std::vector<std::string> inputs{graph.asImage(step.inputs.at(0)), id + ".weight"};
        if (p.hasBias) {
            graph.initializer(id + ".bias", {p.filters}, p.bias);
            inputs.push_back(id + ".bias");
        }
        const Activation f = options(step.layer).activation;
        const std::string out = OnnxGraph::outputName(id);
        const std::string convOut = f == Activation::Linear ? out : out + "/conv";
        OnnxNode conv = graph.node("Conv", id, inputs, convOut)
                            .integers("kernel_shape", {p.g.kernel, p.g.kernel})
                            .integers("strides", {p.g.stride, p.g.stride})
                            .integers("dilations", {1, 1})
                            .integer("group", 1);
        // "same" is ONNX's SAME_UPPER (the extra pad at the bottom and right), said so, so that it reads back
        // as "same" rather than as the pads it happens to need for this input.
        if (options(step.layer).padding == "same")
            conv.text("auto_pad", "SAME_UPPER");
        else
            conv.integers("pads", {p.g.padTop, p.g.padLeft, p.padBottom, p.padRight});
        if (f != Activation::Linear)
            graph.activation(f, kFusedLeakyAlpha, id, convOut, out);
        graph.setOutput(step, out, true);
    }

    // nn.Conv2d: symmetric padding is the module's own; asymmetric ("same" with an even kernel) pads with
    // F.pad first, one more at the bottom and right.
    void toTorch(TorchModule& module, const PlanStep& step) const override
    {
        const ConvParameters p = parameters(module.weights(), step);
        const std::string& name = module.name(step);
        const bool symmetric = p.g.padTop == p.padBottom && p.g.padLeft == p.padRight;
        const std::string padding = symmetric ? std::to_string(p.g.padTop) + ", " + std::to_string(p.g.padLeft)
                                              : "0, 0";
        module.addModule(step, "nn.Conv2d(" + std::to_string(p.g.channels) + ", " + std::to_string(p.filters) + ", " +
                                   std::to_string(p.g.kernel) + ", stride=" + std::to_string(p.g.stride) +
                                   ", padding=(" + padding + "), bias=" + (p.hasBias ? "True" : "False") + ")");
        module.addArray({name + ".weight", {p.filters, p.g.channels, p.g.kernel, p.g.kernel}, *p.weight});
        if (p.hasBias)
            module.addArray({name + ".bias", {p.filters}, p.bias});
        const std::string in = module.asImage(step.inputs.at(0));
        const std::string padded = symmetric ? in
                                             : "F.pad(" + in + ", (" + std::to_string(p.g.padLeft) + ", " +
                                                   std::to_string(p.padRight) + ", " + std::to_string(p.g.padTop) +
                                                   ", " + std::to_string(p.padBottom) + "))";
        const std::string conv = "self." + name + "(" + padded + ")";
        module.addForward(step, TorchModule::activation(options(step.layer).activation, kFusedLeakyAlpha, conv), true);
    }

    void toCpp(CppProgram& program, const PlanStep& step) const override
    {
        const ConvParameters p = parameters(program.weights(), step);
        const std::string& name = program.name(step);
        const std::string in = program.buffer(step.inputs.at(0));
        const std::string out = program.output(step);
        const std::string f = std::to_string(p.filters), k = std::to_string(p.g.kernel);
        program.arraysComment(step, "weight (" + f + ", " + std::to_string(p.g.channels) + ", " + k + ", " + k +
                                        "), bias (" + f + ")");
        program.array(name + "_weight", step.id() + ".weight", *p.weight);
        program.array(name + "_bias", step.id() + ".bias", p.bias);
        const std::string window = CppProgram::window(step.inputShape(), step.outputShape(), p.g.kernel, p.g.stride,
                                                      p.g.padTop, p.g.padLeft);
        program.statement("detail::conv2d(" + in + ", " + window + ", " + f + ", " + name + "_weight, " + name +
                          "_bias, " + out + ");");
        program.activation(options(step.layer).activation, kFusedLeakyAlpha, out, step.outputShape().size());
    }

    std::vector<std::string> onnxOps() const override { return {"Conv"}; }

    // Conv with a square kernel, equal strides, no dilation or groups; its padding (with a Pad node's before
    // it) as "valid", "same" or an equal amount on every side.
    void fromOnnx(OnnxImportGraph& graph, const OnnxNodeView& node) const override
    {
        const std::string& x = graph.dataInput(node, 0);
        const OnnxConstant& w = graph.floatInput(node, 1, "the weight");
        if (!graph.isImage(x))
            graph.refuse(node, "its input must be an image (N, C, H, W)");
        if (w.dims.size() != 4 || w.dims[2] != w.dims[3] || w.dims[1] != graph.shapeOf(x).channels)
            graph.refuse(node, "its weight must be (filters, " + std::to_string(graph.shapeOf(x).channels) +
                                   ", k, k): Neurite's kernels are square and see every channel");
        const std::vector<std::int64_t> strides = node.integers("strides");
        Conv2DOptions o;
        o.filters = int(w.dims[0]);
        o.kernel = int(w.dims[2]);
        o.stride = strides.empty() ? 1 : int(strides[0]);
        o.activation = Activation::Linear;
        o.bias = !node.input(2).empty();
        const PendingPad before = graph.takePad(x);
        readPadding(graph, node, x, o, before);
        const LayerSpec& layer = graph.addLayer(node, *this, conv2DOptions().write(o), {x}, true);
        if (!before.node.empty())
            graph.note("The zero padding of " + before.node + " is merged into Conv2D '" + layer.id + "'.");
        graph.setTensor(layer.id, "weight", w.floats); // (filters, channels, k, k), as the engine keeps it
        if (o.bias) {
            const OnnxConstant& b = graph.floatInput(node, 2, "the bias");
            if (long(b.elements()) != o.filters)
                graph.refuse(node, "its bias has " + std::to_string(b.elements()) + " values for " +
                                       std::to_string(o.filters) + " filters");
            graph.setTensor(layer.id, "bias", b.floats);
        }
    }

    std::string onnxAttributeProblem(const OnnxNodeView& node) const override
    {
        const std::vector<std::int64_t> strides = node.integers("strides");
        const std::vector<std::int64_t> dilations = node.integers("dilations");
        const std::vector<std::int64_t> kernel = node.integers("kernel_shape");
        if (node.integer("group", 1) != 1)
            return "grouped convolution (group " + std::to_string(node.integer("group", 1)) + ") has no Neurite layer";
        if (std::any_of(dilations.begin(), dilations.end(), [](std::int64_t d) { return d != 1; }))
            return "dilated convolution has no Neurite layer";
        if (strides.size() != 0 && (strides.size() != 2 || strides[0] != strides[1]))
            return "Neurite's convolutions are 2-D with equal strides in height and width";
        if (kernel.size() != 0 && (kernel.size() != 2 || kernel[0] != kernel[1]))
            return "Neurite's convolutions are 2-D with square kernels";
        return {};
    }

private:
    // The Conv's pads (top, left, bottom, right) plus a Pad node's before it, as a Neurite padding.
    static void readPadding(OnnxImportGraph& graph, const OnnxNodeView& node, const std::string& x, Conv2DOptions& o,
                            const PendingPad& before)
    {
        const std::string autoPad = node.text("auto_pad", "NOTSET");
        std::vector<std::int64_t> pads = node.integers("pads");
        pads.resize(4, 0);
        const std::vector<std::int64_t> total{pads[0] + before.top, pads[1] + before.left, pads[2] + before.bottom,
                                              pads[3] + before.right};
        const ConvGeometry same = convGeometry(graph.shapeOf(x), o.kernel, o.stride, "same", 0);
        const auto [sameBottom, sameRight] = reachBeyond(same);
        const bool asSame = total == std::vector<std::int64_t>{same.padTop, same.padLeft,
                                                               std::max<std::int64_t>(0, sameBottom),
                                                               std::max<std::int64_t>(0, sameRight)};
        const bool even = std::all_of(total.begin(), total.end(), [&](std::int64_t p) { return p == total[0]; });
        if ((autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") && before.node.empty()) {
            if (autoPad == "SAME_LOWER" &&
                !(same.padTop * 2 == same.padTop + sameBottom && same.padLeft * 2 == same.padLeft + sameRight))
                graph.refuse(node, "SAME_LOWER padding puts the extra pad at the top and left; Neurite's 'same' puts "
                                   "it at the bottom and right");
            o.padding = "same";
        } else if (autoPad != "NOTSET" && autoPad != "VALID") {
            graph.refuse(node, "auto_pad " + autoPad + " with a Pad node before it");
        } else if (even) {
            o.padding = total[0] == 0 ? "valid" : "explicit";
            o.pad = int(total[0]);
        } else if (asSame) {
            o.padding = "same";
        } else {
            graph.refuse(node, "its padding (" + std::to_string(total[0]) + ", " + std::to_string(total[1]) + ", " +
                                   std::to_string(total[2]) + ", " + std::to_string(total[3]) +
                                   ") is uneven; Neurite pads a convolution equally on every side, or as 'same'");
        }
    }

    static ConvGeometry geometry(const Conv2DOptions& o, const Shape& in)
    {
        return convGeometry(in, o.kernel, o.stride, o.padding, o.pad);
    }

    // How far the last window reaches beyond the image's bottom and right edges (negative when it stops
    // short): the padding there, which "same" with an even kernel makes one more than the top and left.
    static std::pair<int, int> reachBeyond(const ConvGeometry& g)
    {
        return {(g.outHeight - 1) * g.stride + g.kernel - g.height - g.padTop,
                (g.outWidth - 1) * g.stride + g.kernel - g.width - g.padLeft};
    }

    ConvParameters parameters(const Weights& weights, const PlanStep& step) const
    {
        const Conv2DOptions o = options(step.layer);
        ConvParameters p;
        p.g = geometry(o, step.inputShape());
        p.filters = step.outputShape().channels;
        const auto [bottom, right] = reachBeyond(p.g);
        p.padBottom = std::max(0, bottom);
        p.padRight = std::max(0, right);
        p.weight = &tensorValues(weights, step.id(), "weight", long(p.filters) * p.g.patchSize());
        p.hasBias = o.bias;
        p.bias = o.bias ? tensorValues(weights, step.id(), "bias", p.filters)
                        : std::vector<float>(std::size_t(p.filters), 0.0f);
        return p;
    }
};

} // namespace

const LayerKind& conv2DLayerType()
{
    static const Conv2DType type;
    return type;
}

} // namespace neurite
