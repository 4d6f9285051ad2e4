// Designs for the export tests (see ExportDesigns.h).
#include "ExportDesigns.h"

#include <random>
#include <set>

namespace neurite::test {
namespace {

LayerSpec conv(const std::string& id, int filters, int kernel, int stride, const std::string& padding, int pad,
               const std::string& activation, bool bias = true)
{
    return {id,
            "Conv2D",
            {{"filters", double(filters)},
             {"kernel", double(kernel)},
             {"stride", double(stride)},
             {"padding", padding},
             {"pad", double(pad)},
             {"activation", activation},
             {"bias", bias ? 1.0 : 0.0}}};
}

LayerSpec pool(const std::string& id, const std::string& type, int size, int stride)
{
    return {id, type, {{"size", double(size)}, {"stride", double(stride)}}};
}

LayerSpec batchNorm(const std::string& id, double epsilon)
{
    return {id, "BatchNorm", {{"momentum", 0.1}, {"epsilon", epsilon}}};
}

LayerSpec denseLayer(const std::string& id, int units, const std::string& activation)
{
    return {id, "Dense", {{"units", double(units)}, {"activation", activation}, {"bias", 1.0}}};
}

} // namespace

NetworkSpec everyImageLayerSpec(const std::string& loss)
{
    NetworkSpec spec;
    spec.layers = {
        {"input", "Input", {{"channels", 1.0}, {"height", 28.0}, {"width", 28.0}}},
        conv("conv_same", 4, 3, 1, "same", 0, "relu"),         // (4, 28, 28)
        pool("max", "MaxPool2D", 3, 2),                        // (4, 13, 13)
        conv("conv_even", 4, 4, 2, "same", 0, "leaky_relu"),   // (4, 7, 7), pads 1 top, 2 bottom
        conv("conv_explicit", 3, 3, 2, "explicit", 1, "tanh"), // (3, 7, 7)
        {"join", "Concatenate", {}},                           // (7, 7, 7)
        batchNorm("bn_image", 1e-3),
        conv("conv_1x1", 7, 1, 1, "valid", 0, "sigmoid", false), // (7, 7, 7)
        {"add", "Add", {}},
        {"relu", "ReLU", {}},
        pool("avg", "AvgPool2D", 2, 0), // (7, 3, 3)
        {"flatten", "Flatten", {}},     // (63)
        denseLayer("dense1", 16, "relu"),
        batchNorm("bn_flat", 1e-5),
        {"drop", "Dropout", {{"rate", 0.25}}},
        {"gap", "GlobalAveragePool", {}}, // (7) from the image after Add
        {"join_flat", "Concatenate", {}}, // (7 + 16)
        denseLayer("dense2", 10, loss == "mse" ? "linear" : "softmax"),
        {"output", "Output", {{"loss", loss}}},
    };
    spec.connections = {
        {"input", "conv_same", 0}, {"conv_same", "max", 0},      {"max", "conv_even", 0},  {"max", "conv_explicit", 0},
        {"conv_even", "join", 0},  {"conv_explicit", "join", 1}, {"join", "bn_image", 0},  {"bn_image", "conv_1x1", 0},
        {"bn_image", "add", 0},    {"conv_1x1", "add", 1},       {"add", "relu", 0},       {"relu", "avg", 0},
        {"avg", "flatten", 0},     {"flatten", "dense1", 0},     {"dense1", "bn_flat", 0}, {"bn_flat", "drop", 0},
        {"add", "gap", 0},         {"gap", "join_flat", 0},      {"drop", "join_flat", 1}, {"join_flat", "dense2", 0},
        {"dense2", "output", 0},
    };
    return spec;
}

void setTrainedLikeWeights(Network& net, std::uint64_t seed)
{
    Weights weights = net.weights();
    std::set<std::string> batchNorms; // layer ids with running statistics: their "weight" is gamma
    for (const NamedTensor& t : weights)
        if (const auto dot = t.name.rfind(".running_mean"); dot != std::string::npos)
            batchNorms.insert(t.name.substr(0, dot));
    std::mt19937_64 rng(seed);
    const auto fill = [&](NamedTensor& t, float lo, float hi) {
        std::uniform_real_distribution<float> u(lo, hi);
        for (float& v : t.values)
            v = u(rng);
    };
    for (NamedTensor& t : weights) {
        const auto dot = t.name.rfind('.');
        const std::string layer = t.name.substr(0, dot), part = t.name.substr(dot + 1);
        if (part == "bias")
            fill(t, -0.3f, 0.3f);
        else if (part == "running_mean")
            fill(t, -0.5f, 0.5f);
        else if (part == "running_var")
            fill(t, 0.3f, 2.5f);
        else if (part == "weight" && batchNorms.count(layer))
            fill(t, 0.5f, 1.5f);
    }
    net.setWeights(weights);
}

} // namespace neurite::test
