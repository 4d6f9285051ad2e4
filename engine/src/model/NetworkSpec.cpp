// NetworkSpec's small lookups, and the built-in presets (read from the embedded template files).
#include "neurite/NetworkSpec.h"

#include "neurite/BuiltinTemplates.h"

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

// The presets are the templates that carry a "preset" name; their designs are only in the JSON files.
std::vector<std::string> presetNames()
{
    std::vector<std::string> names;
    for (const BuiltinTemplate& t : builtinTemplates())
        if (!t.preset.empty())
            names.push_back(t.preset);
    return names;
}

std::optional<NetworkSpec> preset(const std::string& name)
{
    for (const BuiltinTemplate& t : builtinTemplates())
        if (!t.preset.empty() && t.preset == name)
            return t.design;
    return std::nullopt;
}

} // namespace neurite
