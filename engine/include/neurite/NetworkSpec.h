// The design of a network as plain data: layers with their options, and the wires between them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace neurite {

// A layer option is a number (ints and booleans included) or a choice string.
using OptionValue = std::variant<double, std::string>;
using LayerOptions = std::map<std::string, OptionValue>;

struct LayerSpec {
    std::string id;   // unique within the spec, e.g. "dense1"; issues and weights refer to it
    std::string type; // a name known to the LayerRegistry, e.g. "Dense"
    LayerOptions options;

    double number(const std::string& key, double fallback) const;
    std::string text(const std::string& key, const std::string& fallback) const;
    bool operator==(const LayerSpec&) const = default;
};

// A wire from the (single) output of `from` to input port `toPort` of `to`.
struct Connection {
    std::string from;
    std::string to;
    int toPort = 0;
    bool operator==(const Connection&) const = default;
};

struct NetworkSpec {
    static constexpr int kFormatVersion = 1;

    int formatVersion = kFormatVersion;
    std::vector<LayerSpec> layers;
    std::vector<Connection> connections;

    const LayerSpec* find(const std::string& id) const;
    LayerSpec* find(const std::string& id);
    bool operator==(const NetworkSpec&) const = default;
};

// JSON text <-> spec (the design part of a .neurite file, and the design JSON of the UI's clipboard).
// fromJson throws NeuriteError naming `context` (e.g. a file name) and the offending field.
std::string toJson(const NetworkSpec& spec, int indent = 2);
NetworkSpec specFromJson(const std::string& json, const std::string& context);

// Built-in designs: "mlp" (784-128-64-10, the reference network), "logistic" (784-10), "lenet" (a LeNet-style
// CNN) and "resnet-small" (a small residual CNN): the resources/templates files whose "preset" names them
// (see BuiltinTemplates.h).
std::vector<std::string> presetNames();
std::optional<NetworkSpec> preset(const std::string& name);

} // namespace neurite
