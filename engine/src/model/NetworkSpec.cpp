// NetworkSpec's small lookups and the built-in preset designs.
#include "neurite/NetworkSpec.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace neurite {

double LayerSpec::number(const std::string& key, double fallback) const
{
    auto it = options.find(key);
    if (it == options.end())
        return fallback;
    const double* value = std::get_if<double>(&it->second);
    return value ? *value : fallback;
}

std::string LayerSpec::text(const std::string& key, const std::string& fallback) const
{
    auto it = options.find(key);
    if (it == options.end())
        return fallback;
    const std::string* value = std::get_if<std::string>(&it->second);
    return value ? *value : fallback;
}

const LayerSpec* NetworkSpec::find(const std::string& id) const
{
    auto it = std::find_if(layers.begin(), layers.end(), [&](const LayerSpec& l) { return l.id == id; });
    return it == layers.end() ? nullptr : &*it;
}

LayerSpec* NetworkSpec::find(const std::string& id)
{
    return const_cast<LayerSpec*>(std::as_const(*this).find(id));
}

namespace {

LayerSpec mnistInput()
{
    return {"input", "Input", {{"channels", 1.0}, {"height", 28.0}, {"width", 28.0}}};
}

LayerSpec dense(const std::string& id, int units, const std::string& activation)
{
    return {id, "Dense",
            {{"units", double(units)}, {"activation", activation}, {"init", std::string("auto")}, {"bias", 1.0}}};
}

LayerSpec crossEntropyOutput()
{
    return {"output", "Output", {{"loss", std::string("cross_entropy")}}};
}

// Wires the layers one after another, each into port 0 of the next.
NetworkSpec chain(std::vector<LayerSpec> layers)
{
    NetworkSpec spec;
    spec.layers = std::move(layers);
    for (size_t i = 1; i < spec.layers.size(); ++i)
        spec.connections.push_back({spec.layers[i - 1].id, spec.layers[i].id, 0});
    return spec;
}

LayerSpec conv(const std::string& id, int filters, int kernel, const std::string& padding,
               const std::string& activation, bool bias = true)
{
    return {id, "Conv2D",
            {{"filters", double(filters)}, {"kernel", double(kernel)}, {"stride", 1.0}, {"padding", padding},
             {"pad", 0.0}, {"activation", activation}, {"init", std::string("auto")}, {"bias", bias ? 1.0 : 0.0}}};
}

LayerSpec maxPool(const std::string& id, int size)
{
    return {id, "MaxPool2D", {{"size", double(size)}, {"stride", 0.0}}};
}

LayerSpec batchNorm(const std::string& id)
{
    return {id, "BatchNorm", {{"momentum", 0.1}, {"epsilon", 1e-5}}};
}

// LeNet-style: two 5x5 convolutions (8 and 16 filters) each followed by 2x2 max pooling, then Dense 10.
NetworkSpec lenet()
{
    return chain({mnistInput(), conv("conv1", 8, 5, "valid", "relu"), maxPool("pool1", 2),
                  conv("conv2", 16, 5, "valid", "relu"), maxPool("pool2", 2), {"flatten", "Flatten", {}},
                  dense("dense1", 10, "softmax"), crossEntropyOutput()});
}

// A small residual CNN: conv, pool, one residual block (conv-BN-ReLU-conv-BN added to its input), pool,
// conv, global average pooling and Dense 10.
NetworkSpec residualCnn()
{
    NetworkSpec spec = chain({mnistInput(), conv("conv1", 16, 3, "same", "relu"), maxPool("pool1", 2),
                              conv("block_conv1", 16, 3, "same", "linear", false), batchNorm("block_bn1"),
                              {"block_relu1", "ReLU", {}}, conv("block_conv2", 16, 3, "same", "linear", false),
                              batchNorm("block_bn2")});
    for (const LayerSpec& layer : std::vector<LayerSpec>{
             {"add", "Add", {}}, {"relu", "ReLU", {}}, maxPool("pool2", 2), conv("conv2", 32, 3, "same", "relu"),
             {"gap", "GlobalAveragePool", {}}, dense("dense1", 10, "softmax"), crossEntropyOutput()})
        spec.layers.push_back(layer);
    spec.connections.push_back({"pool1", "add", 0});       // the skip connection
    spec.connections.push_back({"block_bn2", "add", 1});
    const char* const tail[] = {"add", "relu", "pool2", "conv2", "gap", "dense1", "output"};
    for (std::size_t i = 1; i < std::size(tail); ++i)
        spec.connections.push_back({tail[i - 1], tail[i], 0});
    return spec;
}

} // namespace

std::vector<std::string> presetNames()
{
    return {"mlp", "logistic", "lenet", "resnet-small"};
}

std::optional<NetworkSpec> preset(const std::string& name)
{
    if (name == "mlp")
        return chain({mnistInput(), dense("dense1", 128, "relu"), dense("dense2", 64, "relu"),
                      dense("dense3", 10, "softmax"), crossEntropyOutput()});
    if (name == "logistic")
        return chain({mnistInput(), dense("dense1", 10, "softmax"), crossEntropyOutput()});
    if (name == "lenet")
        return lenet();
    if (name == "resnet-small")
        return residualCnn();
    return std::nullopt;
}

} // namespace neurite
