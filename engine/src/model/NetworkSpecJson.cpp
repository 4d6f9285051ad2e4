// Reads and writes a NetworkSpec as JSON: {"format": "neurite-network", "version": 1, "layers", "connections"}.
#include "model/NetworkSpecJson.h"

#include "neurite/Error.h"

#include <cmath>
#include <limits>

namespace neurite {

namespace {

constexpr const char* kFormatName = "neurite-network";

Json optionsToJson(const LayerSpec& layer)
{
    Json object = Json::object();
    for (const auto& [key, value] : layer.options) {
        if (const double* number = std::get_if<double>(&value)) {
            // JSON has no NaN or infinity; writing one would make a file that cannot be read back.
            if (!std::isfinite(*number))
                throw NeuriteError("layer \"" + layer.id + "\": option \"" + key + "\" is not a finite number");
            object[key] = numberToJson(*number);
        } else {
            object[key] = std::get<std::string>(value);
        }
    }
    return object;
}

LayerOptions optionsFromJson(const Json& value, const JsonLocation& at)
{
    LayerOptions options;
    for (const auto& [key, option] : expectObject(value, at).items()) {
        if (option.is_string())
            options[key] = option.get<std::string>();
        else if (option.is_number())
            options[key] = expectNumber(option, at[key]);
        else
            at[key].fail("expected a number or a string");
    }
    return options;
}

LayerSpec layerFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    LayerSpec layer;
    layer.id = expectString(member(value, "id", at), at["id"]);
    layer.type = expectString(member(value, "type", at), at["type"]);
    if (const Json* options = optionalMember(value, "options", at))
        layer.options = optionsFromJson(*options, at["options"]);
    return layer;
}

Connection connectionFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    Connection connection;
    connection.from = expectString(member(value, "from", at), at["from"]);
    connection.to = expectString(member(value, "to", at), at["to"]);
    if (const Json* port = optionalMember(value, "port", at))
        connection.toPort = int(expectInteger(*port, at["port"], 0, std::numeric_limits<int>::max()));
    return connection;
}

void checkFormat(const Json& value, const JsonLocation& at)
{
    const Json& format = member(value, "format", at);
    if (expectString(format, at["format"]) != kFormatName)
        at["format"].fail("expected \"" + std::string(kFormatName) + "\", found \"" + format.get<std::string>() + "\"");
    auto version = expectInteger(member(value, "version", at), at["version"], 1,
                                 std::numeric_limits<std::int64_t>::max());
    if (version > NetworkSpec::kFormatVersion)
        at.fail("was written by a newer Neurite (network format " + std::to_string(version) +
                "; this version reads up to " + std::to_string(NetworkSpec::kFormatVersion) + ")");
}

} // namespace

Json specToJsonValue(const NetworkSpec& spec)
{
    Json layers = Json::array();
    for (const LayerSpec& layer : spec.layers)
        layers.push_back({{"id", layer.id}, {"type", layer.type}, {"options", optionsToJson(layer)}});
    Json connections = Json::array();
    for (const Connection& c : spec.connections)
        connections.push_back({{"from", c.from}, {"to", c.to}, {"port", c.toPort}});
    // Always the current version: older designs are upgraded when they are read.
    return {{"format", kFormatName},
            {"version", NetworkSpec::kFormatVersion},
            {"layers", std::move(layers)},
            {"connections", std::move(connections)}};
}

NetworkSpec specFromJsonValue(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    checkFormat(value, at);
    NetworkSpec spec;
    const JsonLocation layersAt = at["layers"];
    const Json& layers = expectArray(member(value, "layers", at), layersAt);
    for (std::size_t i = 0; i < layers.size(); ++i)
        spec.layers.push_back(layerFromJson(layers[i], layersAt[i]));
    const JsonLocation connectionsAt = at["connections"];
    const Json& connections = expectArray(member(value, "connections", at), connectionsAt);
    for (std::size_t i = 0; i < connections.size(); ++i)
        spec.connections.push_back(connectionFromJson(connections[i], connectionsAt[i]));
    return spec;
}

std::string toJson(const NetworkSpec& spec, int indent)
{
    return dumpJson(specToJsonValue(spec), indent, "design");
}

NetworkSpec specFromJson(const std::string& json, const std::string& context)
{
    return specFromJsonValue(parseJson(json, context), JsonLocation(context));
}

} // namespace neurite
