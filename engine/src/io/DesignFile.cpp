// Reads and writes design JSON files. The design part is the engine's own network JSON (toJson and
// specFromJson), so a design file and a .neurite project can never disagree about what a design is.
#include "neurite/DesignFile.h"
#include "neurite/OnnxImport.h"

#include "io/AtomicFile.h"
#include "io/JsonInput.h"

#include "neurite/Error.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

namespace neurite {
namespace {

// Ordered, so that a file keeps the key order it was written in.
using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxDesignFileBytes = std::size_t(64) << 20;
constexpr int kMaxNesting = 64; // a design needs 4 levels; the limit keeps hostile files from recursing deep
constexpr char kProjectMagic[] = {'N', 'E', 'U', 'R', 'I', 'T', 'E', '\0'};

Json parseText(const std::string& text, const std::string& context)
{
    if (text.size() > kMaxDesignFileBytes)
        throw NeuriteError(context + ": too large for a design file (" + std::to_string(text.size()) + " bytes)");
    if (jsonNestingDepth(text, kMaxNesting) > kMaxNesting)
        throw NeuriteError(context + ": JSON is nested deeper than " + std::to_string(kMaxNesting) + " levels");
    try {
        return Json::parse(text);
    } catch (const Json::exception& e) {
        throw NeuriteError(context + ": invalid JSON: " + jsonErrorText(e.what()));
    }
}

std::string optionalText(const Json& file, const char* key, const std::string& context)
{
    const auto it = file.find(key);
    if (it == file.end())
        return {};
    if (!it->is_string())
        throw NeuriteError(context + ": " + key + ": expected a string");
    return it->get<std::string>();
}

// The UI state as compact JSON text; "{}" when the file has none.
std::string uiStateOf(const Json& file, const std::string& context)
{
    const auto it = file.find("ui");
    if (it == file.end())
        return "{}";
    if (!it->is_object())
        throw NeuriteError(context + ": ui: expected an object");
    return it->dump();
}

std::string readFileBytes(const std::string& path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NeuriteError(path + ": cannot open: " + std::strerror(errno));
    std::string bytes;
    bytes.resize(limit + 1);
    in.read(bytes.data(), std::streamsize(bytes.size()));
    if (in.bad())
        throw NeuriteError(path + ": cannot read: " + std::strerror(errno));
    bytes.resize(std::size_t(in.gcount()));
    return bytes;
}

bool isJsonText(const std::string& bytes)
{
    std::size_t at = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0; // a byte-order mark some editors write
    while (at < bytes.size() && std::string_view(" \t\r\n").find(bytes[at]) != std::string_view::npos)
        ++at;
    return at < bytes.size() && bytes[at] == '{';
}

} // namespace

std::string designFileText(const DesignFile& design)
{
    Json file = Json::object();
    file["name"] = design.name;
    file["description"] = design.description;
    file["design"] = Json::parse(toJson(design.spec, -1)); // the engine's layout of the design itself
    const Json ui = design.uiStateJson.empty() ? Json::object() : parseText(design.uiStateJson, "UI state");
    if (!ui.is_object())
        throw NeuriteError("the UI state is not a JSON object");
    if (!ui.empty())
        file["ui"] = ui;
    try {
        return file.dump(2) + "\n";
    } catch (const Json::exception& e) {
        throw NeuriteError("cannot write the design as JSON: " + jsonErrorText(e.what()));
    }
}

DesignFile designFileFromText(const std::string& text, const std::string& context)
{
    const Json file = parseText(text, context);
    if (!file.is_object())
        throw NeuriteError(context + ": expected a JSON object with a \"design\"");
    DesignFile design;
    if (!file.contains("design") && file.contains("format")) { // a bare network, as toJson(spec) writes it
        design.spec = specFromJson(text, context);
        return design;
    }
    if (!file.contains("design"))
        throw NeuriteError(context + ": design: missing (a design file is {\"design\": {\"format\": "
                                     "\"neurite-network\", \"version\": 1, \"layers\": [...], ...}})");
    design.name = optionalText(file, "name", context);
    design.description = optionalText(file, "description", context);
    design.spec = specFromJson(file.at("design").dump(), context + ": design");
    design.uiStateJson = uiStateOf(file, context);
    return design;
}

void saveDesignFile(const DesignFile& design, const std::string& path)
{
    std::string text;
    try {
        text = designFileText(design);
    } catch (const NeuriteError& e) {
        throw NeuriteError(path + ": cannot save: " + e.what());
    }
    writeFileAtomically(path, text); // its NeuriteError names the path
}

DesignFile loadDesignFile(const std::string& path)
{
    const std::string bytes = readFileBytes(path, kMaxDesignFileBytes);
    if (bytes.size() > kMaxDesignFileBytes)
        throw NeuriteError(path + ": too large for a design file (over " + std::to_string(kMaxDesignFileBytes >> 20) +
                           " MiB)");
    return designFileFromText(bytes, path);
}

DesignSource designSourceOf(const std::string& path)
{
    if (isOnnxPath(path))
        return DesignSource::Onnx;
    const std::string start = readFileBytes(path, 4096);
    if (start.starts_with(std::string(kProjectMagic, sizeof kProjectMagic)))
        return DesignSource::Project;
    if (isJsonText(start) || (path.size() > 5 && path.ends_with(".json")))
        return DesignSource::DesignJson;
    return DesignSource::Project; // the project reader says what is wrong with it
}

Project loadProjectOrDesign(const std::string& path)
{
    const DesignSource source = designSourceOf(path);
    if (source == DesignSource::Project)
        return loadProject(path);
    if (source == DesignSource::Onnx)
        return importOnnx(path).project;
    const DesignFile design = loadDesignFile(path);
    Project project;
    project.spec = design.spec;
    project.uiStateJson = design.uiStateJson;
    return project;
}

} // namespace neurite
