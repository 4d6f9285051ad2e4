// Parses the template files embedded from resources/templates into specs, once.
#include "neurite/BuiltinTemplates.h"

#include "io/EmbeddedResources.h"
#include "training/TrainingSettingsJson.h"

#include <nlohmann/json.hpp>

#include <cassert>

namespace neurite {
namespace {

constexpr std::string_view kFolder = "templates/";
constexpr std::string_view kExtension = ".json";

// The files are ours and checked by tests, so a broken one is a build bug rather than a user error: the
// parse still throws (NeuriteError or nlohmann's) with the file's name instead of crashing.
BuiltinTemplate parseTemplate(const EmbeddedResource& resource)
{
    const std::string context = "resources/" + std::string(resource.path);
    const nlohmann::json root = nlohmann::json::parse(resource.bytes);
    std::string_view file = resource.path.substr(kFolder.size());
    assert(file.ends_with(kExtension));
    file.remove_suffix(kExtension.size());

    BuiltinTemplate result;
    result.file = std::string(file);
    result.preset = root.value("preset", std::string());
    result.name = root.at("name").get<std::string>();
    result.description = root.at("description").get<std::string>();
    result.design = specFromJson(root.at("design").dump(), context);
    if (root.contains("settings"))
        result.settings = settingsFromJson(root.at("settings"), JsonLocation(context)["settings"]);
    return result;
}

std::vector<BuiltinTemplate> parseAll()
{
    std::vector<BuiltinTemplate> result;
    for (const EmbeddedResource& resource : embeddedResources(kFolder))
        result.push_back(parseTemplate(resource));
    return result;
}

} // namespace

const std::vector<BuiltinTemplate>& builtinTemplates()
{
    static const std::vector<BuiltinTemplate> templates = parseAll();
    return templates;
}

} // namespace neurite
