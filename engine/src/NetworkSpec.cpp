// NetworkSpec's small lookups and the built-in preset designs.
#include "neurite/NetworkSpec.h"

#include <algorithm>
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

} // namespace

std::vector<std::string> presetNames()
{
    return {"mlp", "logistic"};
}

std::optional<NetworkSpec> preset(const std::string& name)
{
    if (name == "mlp")
        return chain({mnistInput(), dense("dense1", 128, "relu"), dense("dense2", 64, "relu"),
                      dense("dense3", 10, "softmax"), crossEntropyOutput()});
    if (name == "logistic")
        return chain({mnistInput(), dense("dense1", 10, "softmax"), crossEntropyOutput()});
    return std::nullopt;
}

} // namespace neurite
