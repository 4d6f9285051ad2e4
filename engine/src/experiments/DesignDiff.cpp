// Comparing two designs: match layers (by id, then by type and order), compare their effective options,
// and compare the wires once the second design's ids are mapped onto the first's.
#include "neurite/DesignDiff.h"

#include "neurite/LayerRegistry.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace neurite {

namespace {

// The options of `layer` with every missing one at its default: {units: 128} and {} mean the same Dense.
LayerOptions effectiveOptions(const LayerSpec& layer)
{
    LayerOptions options = findLayerType(layer.type) ? defaultLayer(layer.type, layer.id).options : LayerOptions{};
    for (const auto& [key, value] : layer.options)
        options[key] = value;
    return options;
}

std::vector<OptionDifference> optionDifferences(const LayerSpec& before, const LayerSpec& after)
{
    const LayerOptions a = effectiveOptions(before), b = effectiveOptions(after);
    std::set<std::string> keys;
    for (const auto& entry : a)
        keys.insert(entry.first);
    for (const auto& entry : b)
        keys.insert(entry.first);
    std::vector<OptionDifference> differences;
    for (const std::string& key : keys) {
        const auto ia = a.find(key), ib = b.find(key);
        const std::string ta = ia == a.end() ? "" : optionText(ia->second);
        const std::string tb = ib == b.end() ? "" : optionText(ib->second);
        if (ta != tb)
            differences.push_back({key, ta, tb});
    }
    return differences;
}

// Pairs of (index in before, index in after): same id first, then the unmatched ones by type in order.
std::vector<std::pair<std::size_t, std::size_t>> matchLayers(const NetworkSpec& before, const NetworkSpec& after)
{
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<bool> usedBefore(before.layers.size()), usedAfter(after.layers.size());
    for (std::size_t i = 0; i < before.layers.size(); ++i)
        for (std::size_t j = 0; j < after.layers.size(); ++j)
            if (!usedAfter[j] && before.layers[i].id == after.layers[j].id) {
                pairs.emplace_back(i, j);
                usedBefore[i] = usedAfter[j] = true;
                break;
            }
    for (std::size_t i = 0; i < before.layers.size(); ++i) {
        if (usedBefore[i])
            continue;
        for (std::size_t j = 0; j < after.layers.size(); ++j)
            if (!usedAfter[j] && before.layers[i].type == after.layers[j].type) {
                pairs.emplace_back(i, j);
                usedBefore[i] = usedAfter[j] = true;
                break;
            }
    }
    return pairs;
}

// `after`'s wires with each paired layer's id replaced by its `before` id, so equal wires compare equal.
std::vector<Connection> mappedConnections(const NetworkSpec& after, const std::map<std::string, std::string>& toBefore)
{
    std::vector<Connection> wires = after.connections;
    for (Connection& c : wires) {
        if (auto it = toBefore.find(c.from); it != toBefore.end())
            c.from = it->second;
        if (auto it = toBefore.find(c.to); it != toBefore.end())
            c.to = it->second;
    }
    return wires;
}

bool contains(const std::vector<Connection>& wires, const Connection& wire)
{
    return std::find(wires.begin(), wires.end(), wire) != wires.end();
}

void diffConnections(const NetworkSpec& before, const NetworkSpec& after,
                     const std::map<std::string, std::string>& toBefore, DesignDiff& diff)
{
    const std::vector<Connection> mapped = mappedConnections(after, toBefore);
    for (const Connection& c : before.connections)
        if (!contains(mapped, c))
            diff.connectionsRemoved.push_back(c);
    for (std::size_t i = 0; i < mapped.size(); ++i)
        if (!contains(before.connections, mapped[i]))
            diff.connectionsAdded.push_back(after.connections[i]);
}

std::string optionsText(const LayerSpec& layer)
{
    std::string text = layer.type;
    for (const auto& [key, value] : layer.options)
        text += " " + key + "=" + optionText(value);
    return text;
}

std::string wireText(const Connection& c)
{
    return c.from + " -> " + c.to + (c.toPort != 0 ? " (port " + std::to_string(c.toPort) + ")" : "");
}

std::string changeText(const LayerDifference& change)
{
    std::string text = "~ layer " + change.beforeId;
    if (change.afterId != change.beforeId)
        text += " -> " + change.afterId;
    text += " (" + change.beforeType + (change.afterType != change.beforeType ? " -> " + change.afterType : "") + ")";
    for (std::size_t i = 0; i < change.options.size(); ++i) {
        const OptionDifference& o = change.options[i];
        text += (i == 0 ? ": " : ", ") + o.key + " " + (o.before.empty() ? "(none)" : o.before) + " -> " +
                (o.after.empty() ? "(none)" : o.after);
    }
    return text;
}

} // namespace

bool DesignDiff::empty() const
{
    return added.empty() && removed.empty() && changed.empty() && connectionsAdded.empty() &&
           connectionsRemoved.empty();
}

std::string optionText(const OptionValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return *text;
    std::ostringstream out;
    out.precision(9);
    out << std::get<double>(value);
    return out.str();
}

DesignDiff diffDesigns(const NetworkSpec& before, const NetworkSpec& after)
{
    DesignDiff diff;
    const auto pairs = matchLayers(before, after);
    std::vector<bool> pairedBefore(before.layers.size()), pairedAfter(after.layers.size());
    std::map<std::string, std::string> toBefore;
    for (const auto& [i, j] : pairs) {
        pairedBefore[i] = pairedAfter[j] = true;
        const LayerSpec& a = before.layers[i];
        const LayerSpec& b = after.layers[j];
        toBefore[b.id] = a.id;
        LayerDifference change{a.id, b.id, a.type, b.type, optionDifferences(a, b)};
        if (a.id != b.id || a.type != b.type || !change.options.empty())
            diff.changed.push_back(std::move(change));
    }
    for (std::size_t i = 0; i < before.layers.size(); ++i)
        if (!pairedBefore[i])
            diff.removed.push_back(before.layers[i]);
    for (std::size_t j = 0; j < after.layers.size(); ++j)
        if (!pairedAfter[j])
            diff.added.push_back(after.layers[j]);
    diffConnections(before, after, toBefore, diff);
    return diff;
}

std::string designDiffText(const DesignDiff& diff)
{
    std::string text;
    for (const LayerSpec& layer : diff.removed)
        text += "- layer " + layer.id + " (" + optionsText(layer) + ")\n";
    for (const LayerSpec& layer : diff.added)
        text += "+ layer " + layer.id + " (" + optionsText(layer) + ")\n";
    for (const LayerDifference& change : diff.changed)
        text += changeText(change) + "\n";
    for (const Connection& c : diff.connectionsRemoved)
        text += "- wire " + wireText(c) + "\n";
    for (const Connection& c : diff.connectionsAdded)
        text += "+ wire " + wireText(c) + "\n";
    return text;
}

} // namespace neurite
