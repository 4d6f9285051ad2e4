// Whether a design fits a data set, checked on the compiled plan so that the Design tab can refuse what
// the trainer would refuse, before Train is pressed, and say which option to change.
#include "neurite/DataFit.h"

#include "model/DesignPlan.h"
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <algorithm>
#include <map>
#include <set>

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

// The activation option of `layer` (its default when unset), or "" for a type without one.
std::string activationOf(const LayerSpec& layer)
{
    if (const LayerTypeInfo* info = findLayerType(layer.type))
        for (const OptionDescriptor& option : info->options)
            if (option.key == "activation")
                return layer.text("activation", option.defaultChoice);
    return {};
}

// A regression learns one value with the MSE loss, through a last layer that can reach any value.
void checkRegressionOutput(const NetworkSpec& spec, const DesignPlan& plan, const DataFacts& data,
                           std::vector<ValidationIssue>& issues)
{
    const LayerSpec* last = spec.find(plan.finalId);
    const LayerTypeInfo* info = last ? findLayerType(last->type) : nullptr;
    const bool hasUnits = info && info->unitWeights;
    if (plan.outputSize != 1) {
        const std::string fix = hasUnits ? "set " + optionLabel(last->type, "units") + " of '" + plan.finalId + "' to 1"
                                         : "end the design with a Dense layer of 1 unit";
        issues.push_back(issue(ValidationIssue::Severity::Error, plan.finalId, hasUnits ? "units" : "",
                               "The Output receives " + std::to_string(plan.outputSize) + " values from '" +
                                   plan.finalId + "' but " + data.name +
                                   " is a regression (one number to predict): " + fix));
    }
    if (plan.loss != LossKind::MeanSquaredError)
        issues.push_back(issue(ValidationIssue::Severity::Error, outputId(spec), "loss",
                               data.name + " is a regression (one number to predict): set the Output's loss to MSE, "
                                           "not Cross-entropy"));
    const std::string activation = last ? activationOf(*last) : "";
    if (!activation.empty() && activation != "linear")
        issues.push_back(issue(ValidationIssue::Severity::Warning, plan.finalId, "activation",
                               "'" + plan.finalId + "' ends in " + activation + ", which limits the values " +
                                   data.name + " can be predicted as: set its Activation to linear"));
}

} // namespace

std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder)
{
    const std::vector<std::string> names = dataSetNames();
    // The painted set's facts are those of its points, which the name alone does not say.
    if (std::find(names.begin(), names.end(), nameOrFolder) == names.end() || nameOrFolder == kPaintedDataSet)
        return std::nullopt;
    // A built-in table is small and in memory: its facts are those of the loaded table, found once (the
    // designer asks on every change of the design).
    if (isBuiltinTable(nameOrFolder)) {
        static const std::map<std::string, DataFacts> kTables = [] {
            std::map<std::string, DataFacts> facts;
            for (const std::string& name : builtinTableNames())
                if (name != kPaintedDataSet)
                    facts[name] = dataFactsOf(loadTable(name, DataOptions{}));
            return facts;
        }();
        return kTables.at(nameOrFolder);
    }
    // Every named image set is MNIST-shaped: 28x28 grey images of 10 classes.
    return DataFacts{nameOrFolder, {1, 28, 28}, 10};
}

namespace {

// A painted set has the classes that have points (the others are left out of its table).
int paintedClassCount(const PaintedPoints& painted)
{
    std::set<double> classes;
    for (const PlanePoint& point : painted.points)
        classes.insert(point.target);
    return int(classes.size());
}

} // namespace

std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder, const PlaneDataOptions& plane)
{
    if (!isPlaneDataSet(nameOrFolder))
        return knownDataFacts(nameOrFolder);
    DataFacts facts;
    facts.name = nameOrFolder;
    facts.imageShape = Shape::flat(int(planeFeatureColumns(plane.features).size()));
    facts.table = true;
    if (isPlaneRegression(nameOrFolder, plane))
        facts.task = TaskKind::Regression;
    else if (nameOrFolder == kPaintedDataSet)
        facts.classes = paintedClassCount(plane.painted);
    else
        facts.classes = nameOrFolder == "blobs" ? plane.classes : 2;
    return facts;
}

DataFacts dataFactsOf(const Dataset& data)
{
    const bool regression = data.task() == TaskKind::Regression;
    return {data.name, data.inputShape(), regression ? 0 : data.classCount(), data.task(),
            data.train.kind == SampleKind::TableRow};
}

std::vector<ValidationIssue> checkDesignAgainstData(const NetworkSpec& spec, const DataFacts& data)
{
    const DesignPlan plan = compileDesign(spec);
    std::vector<ValidationIssue> issues;
    if (!plan.ok() || plan.inputId.empty())
        return issues;
    // The trainer reads the values in order, so any shape of the same size takes them (a flat 784 included).
    if (plan.inputShape.size() != data.imageShape.size()) {
        const std::string type = spec.find(plan.inputId)->type;
        const std::string samples = data.table ? "rows of " + std::to_string(data.imageShape.size()) + " values"
                                               : dims(data.imageShape) + " images";
        issues.push_back(issue(ValidationIssue::Severity::Error, plan.inputId, "",
                               "Input '" + plan.inputId + "' is " + dims(plan.inputShape) + " but " + data.name +
                                   " has " + samples + ": " + inputAdvice(type, plan.inputShape, data.imageShape)));
    }
    if (data.task == TaskKind::Regression) {
        checkRegressionOutput(spec, plan, data, issues);
        return issues;
    }
    checkClasses(spec, plan, data, issues);
    if (plan.loss == LossKind::MeanSquaredError && data.classes > 2)
        issues.push_back(issue(ValidationIssue::Severity::Warning, outputId(spec), "loss",
                               data.name + " is a classification of " + std::to_string(data.classes) +
                                   " classes: the Output's loss should be Cross-entropy, not MSE"));
    return issues;
}

namespace {

// "28x28 images (784 values)", "rows of 7 values (the encoded columns)".
std::string sampleText(const Dataset& data)
{
    const long values = data.train.valuesPerSample();
    if (data.train.kind == SampleKind::TableRow)
        return "rows of " + std::to_string(values) + " values (its encoded columns)";
    return std::to_string(data.train.rows) + "x" + std::to_string(data.train.cols) + " images (" +
           std::to_string(values) + " values)";
}

} // namespace

void checkDataFitsNetwork(const Network& network, const Dataset& data)
{
    const Shape in = network.inputShape();
    const long values = data.train.valuesPerSample();
    if (in.size() != values)
        throw NeuriteError("The Input layer takes " + std::to_string(in.size()) + " values " + in.toString() +
                           " but data set '" + data.name + "' has " + sampleText(data) +
                           (data.train.kind == SampleKind::TableRow
                                ? ": set the Input's Channels to " + std::to_string(values) + " (height and width 1)."
                                : "."));
    if (data.task() == TaskKind::Regression) {
        if (network.outputSize() != 1 || network.loss() != LossKind::MeanSquaredError)
            throw NeuriteError("Data set '" + data.name +
                               "' is a regression (it predicts a number), but the Output "
                               "receives " +
                               std::to_string(network.outputSize()) + " values with the " +
                               (network.loss() == LossKind::CrossEntropy ? "cross-entropy" : "MSE") +
                               " loss: give the last Dense layer 1 unit with a linear activation and set the "
                               "Output's loss to MSE.");
    } else {
        const bool binary = network.outputSize() == 1 && network.loss() == LossKind::MeanSquaredError &&
                            data.classCount() <= 2;
        if (network.outputSize() < data.classCount() && !binary)
            throw NeuriteError("The Output receives " + std::to_string(network.outputSize()) +
                               " values but data set '" + data.name + "' has " + std::to_string(data.classCount()) +
                               " classes: give the last Dense layer " + std::to_string(data.classCount()) + " units.");
    }
}

} // namespace neurite
