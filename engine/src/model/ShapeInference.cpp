// Shape rules of each layer type. New layer types add a branch here and an entry in LayerRegistry.cpp.
#include "model/ShapeInference.h"

#include "kernels/ConvGeometry.h"

namespace neurite {
namespace {

std::string squareText(int n)
{
    return std::to_string(n) + "x" + std::to_string(n);
}

// Conv2D and pooling: an image input and a window that fits it.
bool inferWindow(const LayerSpec& layer, const Shape& in, LayerFacts& facts, std::string& error)
{
    if (in.isFlat()) {
        error = layerLabel(layer) + " needs an image input (channels, height, width) but gets " + in.toString() +
                ". Give the Input a height and width, and put Flatten or Dense layers after the image layers.";
        return false;
    }
    const ConvGeometry g = layerGeometry(layer, in);
    if (!g.isValid()) {
        const bool padded = g.padTop > 0 || g.padLeft > 0;
        error = layerLabel(layer) + ": its " + squareText(g.kernel) + " window is larger than its " +
                std::to_string(in.height) + "x" + std::to_string(in.width) + " input" +
                (padded ? " (padding included)" : "") + ", so it has no output. Use a smaller " +
                (layer.type == "Conv2D" ? "kernel or more padding." : "size.");
        return false;
    }
    if (layer.type == "Conv2D") {
        const long filters = long(layer.number("filters", 1));
        const bool bias = layer.number("bias", 1) != 0;
        facts.outputShape = {int(filters), g.outHeight, g.outWidth};
        facts.parameters = filters * g.patchSize() + (bias ? filters : 0);
        facts.multiplyAdds = filters * g.patchSize() * g.outputPixels();
    } else {
        facts.outputShape = {in.channels, g.outHeight, g.outWidth};
    }
    return true;
}

// Add and Concatenate: two inputs whose shapes agree (all of it for Add; height and width for Concatenate).
bool inferMerge(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts, std::string& error)
{
    if (inputs.size() < 2) {
        error = layerLabel(layer) + " needs two inputs.";
        return false;
    }
    const Shape& a = inputs[0];
    const Shape& b = inputs[1];
    if (layer.type == "Add") {
        if (!(a == b)) {
            error = layerLabel(layer) + " adds two inputs of the same shape, but gets " + a.toString() + " and " +
                    b.toString() + ". Make both branches end in the same shape.";
            return false;
        }
        facts.outputShape = a;
        return true;
    }
    if (a.height != b.height || a.width != b.width) {
        error = layerLabel(layer) + " joins its inputs along the channels, so their heights and widths must agree, "
                "but it gets " + a.toString() + " and " + b.toString() + ".";
        return false;
    }
    facts.outputShape = {a.channels + b.channels, a.height, a.width};
    return true;
}

} // namespace

std::string layerLabel(const LayerSpec& layer)
{
    return layer.type + " '" + layer.id + "'";
}

bool inferLayer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts, std::string& error)
{
    const std::string& type = layer.type;
    if (type == "Input") {
        facts.outputShape = {int(layer.number("channels", 1)), int(layer.number("height", 1)),
                             int(layer.number("width", 1))};
        return true;
    }
    const Shape in = inputs.empty() ? Shape{} : inputs.front();
    if (type == "Dense") {
        const long units = long(layer.number("units", 1));
        const bool bias = layer.number("bias", 1) != 0;
        facts.outputShape = Shape::flat(int(units));
        facts.parameters = in.size() * units + (bias ? units : 0);
        facts.multiplyAdds = in.size() * units;
        return true;
    }
    if (type == "Output") {
        facts.outputShape = in;
        if (layer.text("loss", "cross_entropy") == "cross_entropy" && in.size() < 2) {
            error = layerLabel(layer) + ": cross-entropy needs at least 2 classes, but its input has shape " +
                    in.toString() + ". Give the last Dense layer one unit per class.";
            return false;
        }
        return true;
    }
    if (type == "Conv2D" || type == "MaxPool2D" || type == "AvgPool2D")
        return inferWindow(layer, in, facts, error);
    if (type == "Add" || type == "Concatenate")
        return inferMerge(layer, inputs, facts, error);
    if (type == "Flatten") {
        facts.outputShape = Shape::flat(int(in.size()));
        return true;
    }
    if (type == "GlobalAveragePool") {
        facts.outputShape = Shape::flat(in.channels);
        return true;
    }
    if (type == "BatchNorm") {  // per feature (flat) or per channel (image): gamma and beta for each
        facts.outputShape = in;
        facts.parameters = 2L * in.channels;
        return true;
    }
    // Element-wise layers keep the shape.
    facts.outputShape = in;
    return true;
}

} // namespace neurite
