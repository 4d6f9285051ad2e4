// Builds the export plan: the layers that matter, checked against what a format can express, in order.
#include "export/ExportPlan.h"

#include "kernels/ConvGeometry.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Validation.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace neurite {
namespace {

using Sources = std::map<std::string, std::vector<std::string>>;  // layer id -> source id per port

Sources sourcesOf(const NetworkSpec& spec)
{
    Sources sources;
    for (const Connection& c : spec.connections) {
        auto& ports = sources[c.to];
        if (c.toPort >= 0 && std::size_t(c.toPort) >= ports.size())
            ports.resize(std::size_t(c.toPort) + 1);
        if (c.toPort >= 0)
            ports[std::size_t(c.toPort)] = c.from;
    }
    return sources;
}

// The layers the Output depends on (as Network does, dangling layers take no part).
std::set<std::string> neededLayers(const NetworkSpec& spec, const Sources& sources)
{
    std::set<std::string> needed;
    std::vector<std::string> stack;
    for (const LayerSpec& layer : spec.layers)
        if (layer.type == "Output")
            stack.push_back(layer.id);
    while (!stack.empty()) {
        const std::string id = stack.back();
        stack.pop_back();
        if (id.empty() || !needed.insert(id).second)
            continue;
        if (const auto it = sources.find(id); it != sources.end())
            for (const std::string& from : it->second)
                stack.push_back(from);
    }
    return needed;
}

void checkSupported(const NetworkSpec& spec, const std::set<std::string>& needed, const std::string& format,
                    const std::set<std::string>& supported)
{
    for (const LayerSpec& layer : spec.layers) {
        if (!needed.count(layer.id) || layer.type == "Input" || layer.type == "Output")
            continue;
        if (!supported.count(layer.type))
            throw NeuriteError("cannot export layer '" + layer.id + "' (" + layer.type + ") to the " + format +
                               " format");
    }
}

// Cross-entropy computes softmax itself: a softmax on the final layer is applied once, by the head.
void foldFinalSoftmax(ExportStep& step)
{
    if (step.layer.type == "Softmax")
        step.passThrough = step.softmaxFolded = true;
    if (step.layer.type == "Dense" && step.layer.text("activation", "linear") == "softmax") {
        step.layer.options["activation"] = std::string("linear");
        step.softmaxFolded = true;
    }
}

// The tensor "<id>.<part>" with `size` values; throws naming it when it is missing or has another size.
const std::vector<float>& tensorValues(const Weights& weights, const std::string& id, const std::string& part,
                                       long size)
{
    const std::string name = id + "." + part;
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

} // namespace

const std::set<std::string>& basicExportTypes()
{
    static const std::set<std::string> types{"Dense", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "Dropout"};
    return types;
}

const std::set<std::string>& imageExportTypes()
{
    static const std::set<std::string> types = [] {
        std::set<std::string> all = basicExportTypes();
        all.insert({"Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "BatchNorm", "GlobalAveragePool", "Add",
                    "Concatenate"});
        return all;
    }();
    return types;
}

bool takesImages(const ExportPlan& plan)
{
    if (plan.inputShape.isFlat())
        return false;
    for (const ExportStep& step : plan.steps)
        if (!basicExportTypes().count(step.layer.type) && !step.inputShape.isFlat())
            return true;
    return false;
}

ExportPlan makeExportPlan(const NetworkSpec& spec, const std::string& format, const std::set<std::string>& supported)
{
    const Sources sources = sourcesOf(spec);
    const std::set<std::string> needed = neededLayers(spec, sources);
    checkSupported(spec, needed, format, supported);
    const ValidationReport report = validate(spec);
    if (!report.ok())
        throw NeuriteError("The design has problems:\n" + report.errorSummary());

    ExportPlan plan;
    std::map<std::string, Shape> shapes;
    for (const std::string& id : report.order) {
        if (!needed.count(id))
            continue;
        const LayerSpec& layer = *spec.find(id);
        if (layer.type == "Input") {
            plan.inputId = id;
            plan.inputShape = report.layers.at(id).outputShape;
            shapes[id] = plan.inputShape;
            continue;
        }
        if (layer.type == "Output") {
            plan.finalId = sources.at(id).at(0);
            plan.loss = layer.text("loss", "cross_entropy") == "mse" ? LossKind::MeanSquaredError
                                                                      : LossKind::CrossEntropy;
            continue;
        }
        ExportStep step;
        step.layer = layer;
        step.inputs = sources.at(id);
        step.inputShape = shapes.at(step.inputs.at(0));
        step.outputShape = report.layers.at(id).outputShape;
        step.passThrough = layer.type == "Dropout";
        step.caption = layerCaption(layer);
        shapes[id] = step.outputShape;
        plan.steps.push_back(std::move(step));
    }
    if (plan.inputId.empty() || plan.finalId.empty())
        throw NeuriteError("The design's Output is not connected to its Input.");
    plan.outputSize = int(shapes.at(plan.finalId).size());
    plan.softmaxHead = plan.loss == LossKind::CrossEntropy;
    if (plan.softmaxHead)
        for (ExportStep& step : plan.steps)
            if (step.layer.id == plan.finalId)
                foldFinalSoftmax(step);
    return plan;
}

std::string stepCaption(const ExportStep& step)
{
    return step.softmaxFolded ? step.caption + " (softmax applied once, by the head)" : layerCaption(step.layer);
}

DenseParameters denseParameters(const Weights& weights, const ExportStep& step)
{
    DenseParameters p;
    p.inputs = int(step.inputShape.size());
    p.units = int(step.outputShape.size());
    const std::string& id = step.layer.id;
    const NamedTensor* weight = nullptr;
    const NamedTensor* bias = nullptr;
    for (const NamedTensor& t : weights) {
        if (t.name == id + ".weight")
            weight = &t;
        if (t.name == id + ".bias")
            bias = &t;
    }
    if (!weight)
        throw NeuriteError("The weights have no tensor '" + id + ".weight' for this design.");
    if (weight->rows != p.inputs || weight->cols != p.units || long(weight->values.size()) != long(p.inputs) * p.units)
        throw NeuriteError("Tensor '" + id + ".weight' does not have the size the design needs (" +
                           std::to_string(p.inputs) + "x" + std::to_string(p.units) + ").");
    p.weight = &weight->values;
    const bool hasBias = step.layer.number("bias", 1) != 0;
    if (hasBias && !bias)
        throw NeuriteError("The weights have no tensor '" + id + ".bias' for this design.");
    if (hasBias && long(bias->values.size()) != p.units)
        throw NeuriteError("Tensor '" + id + ".bias' does not have the size the design needs (" +
                           std::to_string(p.units) + ").");
    p.bias = hasBias ? bias->values : std::vector<float>(std::size_t(p.units), 0.0f);
    return p;
}

ConvParameters convParameters(const Weights& weights, const ExportStep& step)
{
    const ConvGeometry g = layerGeometry(step.layer, step.inputShape);
    ConvParameters p;
    p.filters = step.outputShape.channels;
    p.channels = g.channels;
    p.kernel = g.kernel;
    p.stride = g.stride;
    p.padTop = g.padTop;
    p.padLeft = g.padLeft;
    // What the last window reaches beyond the image ("same" with an even kernel: one more than the top).
    p.padBottom = std::max(0, (g.outHeight - 1) * g.stride + g.kernel - g.height - g.padTop);
    p.padRight = std::max(0, (g.outWidth - 1) * g.stride + g.kernel - g.width - g.padLeft);
    const std::string& id = step.layer.id;
    p.weight = &tensorValues(weights, id, "weight", long(p.filters) * g.patchSize());
    p.hasBias = step.layer.number("bias", 1) != 0;
    p.bias = p.hasBias ? tensorValues(weights, id, "bias", p.filters) : std::vector<float>(std::size_t(p.filters), 0.0f);
    return p;
}

PoolWindow poolWindow(const ExportStep& step)
{
    const ConvGeometry g = layerGeometry(step.layer, step.inputShape);
    return {g.kernel, g.stride};
}

BatchNormParameters batchNormParameters(const Weights& weights, const ExportStep& step)
{
    BatchNormParameters p;
    p.channels = step.inputShape.channels;
    p.epsilon = float(step.layer.number("epsilon", 1e-5));
    p.momentum = float(step.layer.number("momentum", 0.1));
    const std::string& id = step.layer.id;
    p.gamma = tensorValues(weights, id, "weight", p.channels);
    p.beta = tensorValues(weights, id, "bias", p.channels);
    p.mean = tensorValues(weights, id, "running_mean", p.channels);
    p.var = tensorValues(weights, id, "running_var", p.channels);
    return p;
}

std::string denseActivation(const ExportStep& step)
{
    return step.layer.text("activation", "linear");
}

float leakyAlpha(const ExportStep& step)
{
    // The engine's Dense layer uses a fixed slope; the LeakyReLU layer has an option.
    return step.layer.type == "LeakyReLU" ? float(step.layer.number("alpha", 0.01)) : 0.01f;
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

std::map<std::string, std::string> stepIdentifiers(const ExportPlan& plan, const std::set<std::string>& reserved)
{
    std::map<std::string, std::string> names;
    std::set<std::string> taken;
    for (const ExportStep& step : plan.steps) {
        std::string base = identifierFor(step.layer.id);
        if (reserved.count(base))
            base += "_layer";
        std::string name = base;
        for (int n = 2; taken.count(name); ++n)
            name = base + "_" + std::to_string(n);
        taken.insert(name);
        names[step.layer.id] = name;
    }
    return names;
}

} // namespace neurite
