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
        {"ReLU", "Activations", "Rectified linear unit: max(0, x).", 1, {}},
        {"LeakyReLU", "Activations", "Leaky ReLU: x if x > 0, else alpha * x.", 1,
         {real("alpha", "Alpha", 0, 1, 0.01, "Slope for negative inputs")}},
        {"Sigmoid", "Activations", "Logistic sigmoid: 1 / (1 + exp(-x)).", 1, {}},
        {"Tanh", "Activations", "Hyperbolic tangent.", 1, {}},
        {"Softmax", "Activations", "Turns scores into class probabilities that sum to 1.", 1, {}},
        {"Dropout", "Regularisation", "Randomly zeroes inputs while training (inverted dropout).", 1,
         {real("rate", "Rate", 0, 0.95, 0.5, "Fraction of inputs dropped while training")}},
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
    if (layer.type == "LeakyReLU")
        return "LeakyReLU " + formatNumber(layer.number("alpha", 0.01));
    if (layer.type == "Output")
        return layer.text("loss", "cross_entropy") == "mse" ? "Output \u00b7 MSE" : "Output \u00b7 Cross-entropy";
    return layer.type;
}

} // namespace neurite
