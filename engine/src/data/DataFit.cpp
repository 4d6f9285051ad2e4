// Whether a design fits a data set, checked on the compiled plan so that the Design tab can refuse what
// the trainer would refuse, before Train is pressed, and say which option to change.
#include "neurite/DataFit.h"

#include "model/DesignPlan.h"
#include "neurite/DataSets.h"
#include "neurite/LayerRegistry.h"

#include <algorithm>

namespace neurite {
namespace {

std::string dims(const Shape& shape)
{
    return std::to_string(shape.channels) + "x" + std::to_string(shape.height) + "x" + std::to_string(shape.width);
}

// The label the inspector shows for option `key` of `type` ("Channels"), so that the advice reads as the form.
std::string optionLabel(const std::string& type, const std::string& key)
{
    if (const LayerTypeInfo* info = findLayerType(type))
        for (const OptionDescriptor& option : info->options)
            if (option.key == key)
                return option.label;
    return key;
}

// "set Channels to 1", "set Height to 28 and Width to 28": only the fields that differ.
std::string inputAdvice(const std::string& type, const Shape& have, const Shape& want)
{
    std::vector<std::string> changes;
    const auto differ = [&](const char* key, int a, int b) {
        if (a != b)
            changes.push_back(optionLabel(type, key) + " to " + std::to_string(b));
    };
    differ("channels", have.channels, want.channels);
    differ("height", have.height, want.height);
    differ("width", have.width, want.width);
    std::string text = "set ";
    for (std::size_t i = 0; i < changes.size(); ++i)
        text += (i == 0 ? "" : i + 1 == changes.size() ? " and " : ", ") + changes[i];
    return text;
}

ValidationIssue issue(ValidationIssue::Severity severity, const std::string& layer, const std::string& field,
                      const std::string& message)
{
    return {severity, layer, field, message};
}

// The Output's input against the classes: fewer values cannot be trained, more are a design that was
// meant for another data set (the extra outputs would never be a right answer).
void checkClasses(const NetworkSpec& spec, const DesignPlan& plan, const DataFacts& data,
                  std::vector<ValidationIssue>& issues)
{
    const bool binary = plan.outputSize == 1 && plan.loss == LossKind::MeanSquaredError && data.classes <= 2;
    if (plan.outputSize == data.classes || binary)
        return;
    const LayerSpec* last = spec.find(plan.finalId);
    const LayerTypeInfo* info = last ? findLayerType(last->type) : nullptr;
    const bool hasUnits = info && info->unitWeights;
    const std::string classes = std::to_string(data.classes);
    const std::string fix = hasUnits
                                ? "set " + optionLabel(last->type, "units") + " of '" + plan.finalId + "' to " + classes
                                : "end the design with a Dense layer of " + classes + " units";
    issues.push_back(issue(ValidationIssue::Severity::Error, plan.finalId, hasUnits ? "units" : "",
                           "The Output receives " + std::to_string(plan.outputSize) + " values from '" + plan.finalId +
                               "' but " + data.name + " has " + classes + " classes: " + fix));
}

std::string outputId(const NetworkSpec& spec)
{
    for (const LayerSpec& layer : spec.layers)
        if (layerRole(layer.type) == LayerRole::Output)
            return layer.id;
    return {};
}

} // namespace

std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder)
{
    // Every named data set is MNIST-shaped: 28x28 grey images of 10 classes.
    const std::vector<std::string> names = dataSetNames();
    if (std::find(names.begin(), names.end(), nameOrFolder) == names.end())
        return std::nullopt;
    return DataFacts{nameOrFolder, {1, 28, 28}, 10};
}

std::vector<ValidationIssue> checkDesignAgainstData(const NetworkSpec& spec, const DataFacts& data)
{
    const DesignPlan plan = compileDesign(spec);
    std::vector<ValidationIssue> issues;
    if (!plan.ok() || plan.inputId.empty())
        return issues;
    // The trainer reads the pixels in order, so any shape of the same size takes them (a flat 784 included).
    if (plan.inputShape.size() != data.imageShape.size()) {
        const std::string type = spec.find(plan.inputId)->type;
        issues.push_back(issue(ValidationIssue::Severity::Error, plan.inputId, "",
                               "Input '" + plan.inputId + "' is " + dims(plan.inputShape) + " but " + data.name +
                                   " has " + dims(data.imageShape) +
                                   " images: " + inputAdvice(type, plan.inputShape, data.imageShape)));
    }
    checkClasses(spec, plan, data, issues);
    if (plan.loss == LossKind::MeanSquaredError && data.classes > 2)
        issues.push_back(issue(ValidationIssue::Severity::Warning, outputId(spec), "loss",
                               data.name + " is a classification of " + std::to_string(data.classes) +
                                   " classes: the Output's loss should be Cross-entropy, not MSE"));
    return issues;
}

} // namespace neurite
