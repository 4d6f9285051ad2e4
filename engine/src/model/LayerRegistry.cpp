// The table of layer types: palette category, options with ranges and defaults, captions.
#include "neurite/LayerRegistry.h"

#include <cmath>
#include <sstream>

namespace neurite {
namespace {

OptionDescriptor integer(std::string key, std::string label, double min, double max, double def, std::string help)
{
    return {std::move(key), std::move(label), OptionKind::Integer, min, max, def, {}, {}, std::move(help)};
}

OptionDescriptor real(std::string key, std::string label, double min, double max, double def, std::string help)
{
    return {std::move(key), std::move(label), OptionKind::Real, min, max, def, {}, {}, std::move(help)};
}

OptionDescriptor boolean(std::string key, std::string label, bool def, std::string help)
{
    return {std::move(key), std::move(label), OptionKind::Boolean, 0, 1, def ? 1.0 : 0.0, {}, {}, std::move(help)};
}

OptionDescriptor choice(std::string key, std::string label, std::vector<std::string> choices, std::string def,
                        std::string help)
{
    return {std::move(key), std::move(label), OptionKind::Choice, 0, 0, 0, std::move(choices), std::move(def),
            std::move(help)};
}

std::vector<LayerTypeInfo> makeLayerTypes()
{
    const std::vector<std::string> activations{"linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax"};
    const std::vector<std::string> convActivations{"linear", "relu", "leaky_relu", "sigmoid", "tanh"};
    return {
        {"Input", "Input", "The network's input: one image (channels x height x width) per sample.", 0,
         {integer("channels", "Channels", 1, 4096, 1, "Colour channels (1 for grey images)"),
          integer("height", "Height", 1, 4096, 28, "Image height in pixels"),
          integer("width", "Width", 1, 4096, 28, "Image width in pixels")}},
        {"Dense", "Core", "Fully connected layer: y = f(xW + b).", 1,
         {integer("units", "Units", 1, 65536, 128, "Number of neurons (outputs)"),
          choice("activation", "Activation", activations, "relu", "The function f applied to xW + b"),
          choice("init", "Initialiser", {"auto", "he", "xavier"}, "auto",
                 "Weight initialisation: auto picks He for ReLU-like activations, Xavier otherwise"),
          boolean("bias", "Bias", true, "Add a learned bias b")}},
        {"Conv2D", "Convolution", "2-D convolution: filters slide over the image, y = f(W * x + b).", 1,
         {integer("filters", "Filters", 1, 4096, 16, "Output channels: one learned filter each"),
          integer("kernel", "Kernel", 1, 64, 3, "Filter size in pixels (square)"),
          integer("stride", "Stride", 1, 64, 1, "Step between filter positions"),
          choice("padding", "Padding", {"valid", "same", "explicit"}, "valid",
                 "valid: no padding (the image shrinks); same: zero padding that keeps height and width "
                 "(divided by the stride); explicit: the Pad amount on every side"),
          integer("pad", "Pad", 0, 64, 0, "Zero padding on every side when Padding is explicit"),
          choice("activation", "Activation", convActivations, "relu", "The function f applied to W * x + b"),
          choice("init", "Initialiser", {"auto", "he", "xavier"}, "auto",
                 "Weight initialisation: auto picks He for ReLU-like activations, Xavier otherwise"),
          boolean("bias", "Bias", true, "Add a learned bias per filter")}},
        {"MaxPool2D", "Convolution", "Max pooling: the largest value of each window, per channel.", 1,
         {integer("size", "Size", 1, 64, 2, "Window size in pixels (square)"),
          integer("stride", "Stride", 0, 64, 0, "Step between windows (0 = the window size)")}},
        {"AvgPool2D", "Convolution", "Average pooling: the mean of each window, per channel.", 1,
         {integer("size", "Size", 1, 64, 2, "Window size in pixels (square)"),
          integer("stride", "Stride", 0, 64, 0, "Step between windows (0 = the window size)")}},
        {"GlobalAveragePool", "Convolution", "The mean of each channel over the whole image: (C, H, W) -> (C).", 1,
         {}},
        {"Flatten", "Convolution", "Turns an image (C, H, W) into a flat vector of C*H*W values.", 1, {}},
        {"ReLU", "Activations", "Rectified linear unit: max(0, x).", 1, {}},
        {"LeakyReLU", "Activations", "Leaky ReLU: x if x > 0, else alpha * x.", 1,
         {real("alpha", "Alpha", 0, 1, 0.01, "Slope for negative inputs")}},
        {"Sigmoid", "Activations", "Logistic sigmoid: 1 / (1 + exp(-x)).", 1, {}},
        {"Tanh", "Activations", "Hyperbolic tangent.", 1, {}},
        {"Softmax", "Activations", "Turns scores into class probabilities that sum to 1.", 1, {}},
        {"Dropout", "Regularisation", "Randomly zeroes inputs while training (inverted dropout).", 1,
         {real("rate", "Rate", 0, 0.95, 0.5, "Fraction of inputs dropped while training")}},
        {"BatchNorm", "Regularisation",
         "Normalises each feature (or image channel) over the batch, then scales and shifts it.", 1,
         {real("momentum", "Momentum", 0, 1, 0.1,
               "How fast the running statistics follow the batches: running = (1 - m) running + m batch"),
          real("epsilon", "Epsilon", 1e-12, 1, 1e-5, "Added to the variance before its square root")}},
        {"Add", "Merge", "Adds two inputs of the same shape (a residual connection).", 2, {}},
        {"Concatenate", "Merge", "Joins two inputs along the channels (images must agree in height and width).", 2,
         {}},
        {"Output", "Output", "The network's output and the loss it is trained with.", 1,
         {choice("loss", "Loss", {"cross_entropy", "mse"}, "cross_entropy",
                 "Cross-entropy over class labels (softmax applied), or mean squared error against one-hot "
                 "targets")}},
    };
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string activationName(const std::string& key)
{
    if (key == "relu") return "ReLU";
    if (key == "leaky_relu") return "LeakyReLU";
    if (key == "sigmoid") return "Sigmoid";
    if (key == "tanh") return "Tanh";
    if (key == "softmax") return "Softmax";
    return "";
}

} // namespace

const std::vector<LayerTypeInfo>& layerTypes()
{
    static const std::vector<LayerTypeInfo> types = makeLayerTypes();
    return types;
}

const LayerTypeInfo* findLayerType(const std::string& name)
{
    for (const LayerTypeInfo& info : layerTypes())
        if (info.name == name)
            return &info;
    return nullptr;
}

LayerSpec defaultLayer(const std::string& type, const std::string& id)
{
    LayerSpec layer{id, type, {}};
    if (const LayerTypeInfo* info = findLayerType(type)) {
        for (const OptionDescriptor& option : info->options) {
            if (option.kind == OptionKind::Choice)
                layer.options[option.key] = option.defaultChoice;
            else
                layer.options[option.key] = option.defaultNumber;
        }
    }
    return layer;
}

std::string layerCaption(const LayerSpec& layer)
{
    if (layer.type == "Dense") {
        std::string caption = "Dense " + formatNumber(layer.number("units", 0));
        const std::string act = activationName(layer.text("activation", "linear"));
        return act.empty() ? caption : caption + " \u00b7 " + act;
    }
    if (layer.type == "Input") {
        const Shape s{int(layer.number("channels", 1)), int(layer.number("height", 1)), int(layer.number("width", 1))};
        return "Input " + s.toString();
    }
    if (layer.type == "Dropout")
        return "Dropout " + formatNumber(layer.number("rate", 0.5));
    if (layer.type == "Conv2D") {
        const std::string k = formatNumber(layer.number("kernel", 3));
        std::string caption = "Conv2D " + formatNumber(layer.number("filters", 0)) + " \u00b7 " + k + "\u00d7" + k;
        if (layer.number("stride", 1) > 1)
            caption += " /" + formatNumber(layer.number("stride", 1));
        const std::string act = activationName(layer.text("activation", "linear"));
        return act.empty() ? caption : caption + " \u00b7 " + act;
    }
    if (layer.type == "MaxPool2D" || layer.type == "AvgPool2D") {
        const std::string k = formatNumber(layer.number("size", 2));
        const double stride = layer.number("stride", 0);
        const std::string caption = layer.type + " " + k + "\u00d7" + k;
        return stride > 0 && stride != layer.number("size", 2) ? caption + " /" + formatNumber(stride) : caption;
    }
    if (layer.type == "LeakyReLU")
        return "LeakyReLU " + formatNumber(layer.number("alpha", 0.01));
    if (layer.type == "Output")
        return layer.text("loss", "cross_entropy") == "mse" ? "Output \u00b7 MSE" : "Output \u00b7 Cross-entropy";
    return layer.type;
}

} // namespace neurite
