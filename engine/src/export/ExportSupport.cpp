// Shared pieces of the exporters: tensors by name, captions, identifiers and exact float text.
#include "export/ExportSupport.h"

#include "io/AtomicFile.h"
#include "layers/LayerKind.h"
#include "neurite/Error.h"

#include <cctype>
#include <charconv>
#include <filesystem>

namespace neurite {

DesignPlan exportPlan(const NetworkSpec& spec, const std::string& format)
{
    for (const LayerSpec& layer : spec.layers)
        if (!findLayerKind(layer.type))
            throw NeuriteError("cannot export layer '" + layer.id + "' (" + layer.type + ") to the " + format +
                               " format");
    return compileValidDesign(spec);
}

const std::vector<float>& tensorValues(const Weights& weights, const std::string& layerId, const std::string& part,
                                       long size)
{
    const std::string name = layerId + "." + part;
    for (const NamedTensor& t : weights) {
        if (t.name != name)
            continue;
        if (long(t.values.size()) != size)
            throw NeuriteError("Tensor '" + name + "' does not have the size the design needs (" +
                               std::to_string(size) + " values).");
        return t.values;
    }
    throw NeuriteError("The weights have no tensor '" + name + "' for this design.");
}

const NamedTensor& tensorOfShape(const Weights& weights, const std::string& layerId, const std::string& part, int rows,
                                 int cols)
{
    const std::string name = layerId + "." + part;
    for (const NamedTensor& t : weights) {
        if (t.name != name)
            continue;
        if (t.rows != rows || t.cols != cols || long(t.values.size()) != long(rows) * cols)
            throw NeuriteError("Tensor '" + name + "' does not have the size the design needs (" +
                               std::to_string(rows) + "x" + std::to_string(cols) + ").");
        return t;
    }
    throw NeuriteError("The weights have no tensor '" + name + "' for this design.");
}

std::string stepCaption(const PlanStep& step)
{
    const std::string caption = step.kind->caption(step.layer);
    return step.softmaxFolded ? caption + " (softmax applied once, by the head)" : caption;
}

bool takesImages(const DesignPlan& plan)
{
    if (plan.inputShape.isFlat())
        return false;
    for (const PlanStep& step : plan.steps)
        if (step.kind->info().spatial && !step.inputShape().isFlat())
            return true;
    return false;
}

std::vector<float> transposed(const std::vector<float>& values, int rows, int cols)
{
    std::vector<float> result(values.size());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            result[std::size_t(c) * std::size_t(rows) + std::size_t(r)] =
                values[std::size_t(r) * std::size_t(cols) + std::size_t(c)];
    return result;
}

std::string exactFloat(float value, bool cppLiteral)
{
    // The shortest text that reads back as the same float: 0.001f prints as "0.001", not "0.00100000005".
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    std::string s(text, result.ptr);
    if (!cppLiteral)
        return s;
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";
    return s + "f";
}

std::string commentText(const std::string& id)
{
    std::string out = id;
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    return out;
}

std::string identifierFor(const std::string& id)
{
    std::string out;
    for (const char c : id)
        out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())))
        out = "l_" + out;
    return out;
}

std::map<std::string, std::string> stepIdentifiers(const DesignPlan& plan, const std::set<std::string>& reserved)
{
    std::map<std::string, std::string> names;
    std::set<std::string> taken;
    for (const PlanStep& step : plan.steps) {
        std::string base = identifierFor(step.id());
        if (reserved.count(base))
            base += "_layer";
        std::string name = base;
        for (int n = 2; taken.count(name); ++n)
            name = base + "_" + std::to_string(n);
        taken.insert(name);
        names[step.id()] = name;
    }
    return names;
}

ExportPreprocessing exportPreprocessing(const DesignPlan& plan, const DataSchema* schema)
{
    ExportPreprocessing out;
    if (!schema)
        return out;
    if (schema->encodedWidth() != plan.inputShape.size())
        throw NeuriteError("The data schema describes " + std::to_string(schema->encodedWidth()) +
                           " input values but the design's Input takes " + std::to_string(plan.inputShape.size()) +
                           ": the weights were trained on other data than this design expects.");
    out.input = inputStandardisation(*schema);
    if (schema->task == TaskKind::Regression) {
        out.scaledOutput = true;
        out.targetMean = schema->targetMean;
        out.targetDeviation = schema->targetDeviation;
    }
    return out;
}

void writeSchemaFile(const DataSchema& schema, const std::string& path)
{
    writeFileAtomically(path, schemaToJson(schema) + "\n");
}

std::string schemaPathBeside(const std::string& exportPath)
{
    std::filesystem::path path(exportPath);
    path.replace_extension(".schema.json");
    return path.string();
}

} // namespace neurite
