// checkDesign(): every problem of a design, each tied to the layer it concerns, plus inferred shapes.
// The layer types answer for their own options and shapes; this file checks what is between them.
#include "model/DesignChecks.h"

#include "layers/LayerKind.h"

#include <map>
#include <set>

namespace neurite {
namespace {

using Severity = ValidationIssue::Severity;

class Validator {
public:
    explicit Validator(const NetworkSpec& spec) : m_spec(spec) {}

    CheckedDesign run()
    {
        if (m_spec.layers.empty()) {
            error("", "", "The design is empty: add an Input layer, some layers and an Output layer.");
            return {m_report, {}};
        }
        checkLayers();
        checkConnections();
        checkInputsAndOutputs();
        if (sortTopologically())
            inferShapes();
        checkReachability();
        return {m_report, m_inputs};
    }

private:
    void error(const std::string& layer, const std::string& field, const std::string& message)
    {
        m_report.issues.push_back({Severity::Error, layer, field, message});
    }
    void warning(const std::string& layer, const std::string& field, const std::string& message)
    {
        m_report.issues.push_back({Severity::Warning, layer, field, message});
    }

    void checkLayers()
    {
        for (const LayerSpec& layer : m_spec.layers) {
            if (layer.id.empty()) {
                error("", "id", "A " + layer.type + " layer has no id.");
                continue;
            }
            if (!m_byId.emplace(layer.id, &layer).second) {
                error(layer.id, "id", "Two layers share the id '" + layer.id + "'.");
                continue;
            }
            const LayerKind* kind = findLayerKind(layer.type);
            if (!kind) {
                error(layer.id, "type", "Layer '" + layer.id + "' has an unknown type '" + layer.type + "'.");
                m_broken.insert(layer.id);
                continue;
            }
            m_kindOf[layer.id] = kind;
            for (const auto& [field, message] : kind->optionProblems(layer)) {
                error(layer.id, field, message);
                m_broken.insert(layer.id);
            }
        }
    }

    void checkConnections()
    {
        std::set<std::pair<std::string, int>> usedPorts;
        for (const Connection& c : m_spec.connections) {
            const auto from = m_byId.find(c.from);
            const auto to = m_byId.find(c.to);
            if (from == m_byId.end() || to == m_byId.end()) {
                const std::string known = from != m_byId.end() ? c.from : (to != m_byId.end() ? c.to : "");
                error(known, "",
                      "A connection refers to a missing layer '" + (from == m_byId.end() ? c.from : c.to) + "'.");
                continue;
            }
            const LayerKind* kind = kindOf(c.to);
            if (!kind)
                continue;
            const LayerTypeInfo* info = &kind->info();
            if (c.toPort < 0 || c.toPort >= info->inputPorts) {
                error(c.to, "input",
                      info->inputPorts == 0
                          ? layerLabel(*to->second) + " takes no input."
                          : layerLabel(*to->second) + " has no input port " + std::to_string(c.toPort) + ".");
                continue;
            }
            if (!usedPorts.insert({c.to, c.toPort}).second) {
                error(c.to, "input",
                      layerLabel(*to->second) + " already has a wire into that input; a layer "
                                                "input takes one wire.");
                continue;
            }
            if (c.from == c.to) {
                error(c.to, "input", layerLabel(*to->second) + " is wired to itself.");
                continue;
            }
            m_inputs[c.to].resize(info->inputPorts);
            m_inputs[c.to][c.toPort] = c.from;
            m_outputs[c.from].push_back(c.to);
        }
    }

    void checkInputsAndOutputs()
    {
        int inputs = 0, outputs = 0;
        for (const LayerSpec& layer : m_spec.layers) {
            const LayerKind* kind = findLayerKind(layer.type);
            if (!kind)
                continue;
            if (kind->role() == LayerRole::Input && ++inputs > 1)
                error(layer.id, "", layerLabel(layer) + ": a design has exactly one Input layer.");
            if (kind->role() == LayerRole::Output && ++outputs > 1)
                error(layer.id, "", layerLabel(layer) + ": a design has exactly one Output layer.");
            const LayerTypeInfo* info = &kind->info();
            const auto& wired = m_inputs[layer.id];
            for (int port = 0; port < info->inputPorts; ++port) {
                if (port >= int(wired.size()) || wired[port].empty()) {
                    error(layer.id, "input", layerLabel(layer) + " has no input: wire a layer's output into it.");
                    m_broken.insert(layer.id);
                    break;
                }
            }
        }
        if (inputs == 0)
            error("", "", "The design has no Input layer.");
        if (outputs == 0)
            error("", "", "The design has no Output layer: add one after the last layer.");
    }

    // Kahn's algorithm, seeded in spec order so the order is stable; layers left over sit on a cycle.
    bool sortTopologically()
    {
        std::map<std::string, int> pending;
        for (const LayerSpec& layer : m_spec.layers) {
            int n = 0;
            for (const std::string& from : m_inputs[layer.id])
                n += from.empty() ? 0 : 1;
            pending[layer.id] = n;
        }
        std::vector<std::string> order;
        std::set<std::string> done;
        for (const LayerSpec& layer : m_spec.layers)
            if (pending[layer.id] == 0 && m_byId.count(layer.id) && done.insert(layer.id).second)
                order.push_back(layer.id);
        for (std::size_t i = 0; i < order.size(); ++i)
            for (const std::string& next : m_outputs[order[i]])
                if (--pending[next] == 0 && done.insert(next).second)
                    order.push_back(next);
        for (const LayerSpec& layer : m_spec.layers)
            if (!done.count(layer.id) && m_byId.count(layer.id) && m_byId.at(layer.id) == &layer)
                error(layer.id, "",
                      layerLabel(layer) + " is part of a cycle: data must flow from the Input to "
                                          "the Output without looping back.");
        m_report.order = order;
        return done.size() == m_byId.size();
    }

    void inferShapes()
    {
        for (const std::string& id : m_report.order) {
            const LayerSpec& layer = *m_byId.at(id);
            if (m_broken.count(id))
                continue;
            std::vector<Shape> inputShapes;
            bool ready = true;
            for (const std::string& from : m_inputs[id]) {
                const auto it = m_report.layers.find(from);
                ready = ready && it != m_report.layers.end();
                if (ready)
                    inputShapes.push_back(it->second.outputShape);
            }
            if (!ready)
                continue;
            LayerFacts facts;
            std::string message;
            if (!m_kindOf.at(id)->infer(layer, inputShapes, facts, message)) {
                error(id, "input", message);
                continue;
            }
            m_report.layers[id] = facts;
        }
    }

    // Layers that the Input does not reach or that do not lead to the Output take no part in training.
    void checkReachability()
    {
        std::set<std::string> fromInput, toOutput;
        for (const LayerSpec& layer : m_spec.layers) {
            if (hasRole(layer, LayerRole::Input))
                flood(layer.id, m_outputs, fromInput);
            if (hasRole(layer, LayerRole::Output))
                flood(layer.id, m_inputs, toOutput);
        }
        for (const LayerSpec& layer : m_spec.layers) {
            if (hasRole(layer, LayerRole::Input) || hasRole(layer, LayerRole::Output) || !m_byId.count(layer.id))
                continue;
            if (!toOutput.count(layer.id) && fromInput.count(layer.id))
                warning(layer.id, "",
                        layerLabel(layer) + " does not lead to the Output, so it takes no part "
                                            "in the network.");
        }
    }

    // Iterative flood fill (designs may have thousands of layers: no recursion).
    static void flood(const std::string& start, std::map<std::string, std::vector<std::string>>& next,
                      std::set<std::string>& seen)
    {
        std::vector<std::string> stack{start};
        while (!stack.empty()) {
            const std::string id = stack.back();
            stack.pop_back();
            if (id.empty() || !seen.insert(id).second)
                continue;
            for (const std::string& n : next[id])
                stack.push_back(n);
        }
    }

    const LayerKind* kindOf(const std::string& id) const
    {
        const auto it = m_kindOf.find(id);
        return it == m_kindOf.end() ? nullptr : it->second;
    }
    static bool hasRole(const LayerSpec& layer, LayerRole role)
    {
        const LayerKind* kind = findLayerKind(layer.type);
        return kind && kind->role() == role;
    }

    const NetworkSpec& m_spec;
    ValidationReport m_report;
    std::map<std::string, const LayerSpec*> m_byId;
    std::map<std::string, std::vector<std::string>> m_inputs;  // layer -> source per port
    std::map<std::string, std::vector<std::string>> m_outputs; // layer -> consumers
    std::map<std::string, const LayerKind*> m_kindOf;          // layers of a known type
    std::set<std::string> m_broken;                            // layers whose shape cannot be inferred
};

} // namespace

CheckedDesign checkDesign(const NetworkSpec& spec)
{
    return Validator(spec).run();
}

} // namespace neurite
