// train.py: a fixed script (resources/export/train.py) whose defaults are the project's training settings.
#include "export/TorchTrainScript.h"

#include "export/ExportSupport.h"
#include "io/EmbeddedResources.h"

#include <cassert>
#include <sstream>
#include <string_view>

namespace neurite {
namespace {

// The script is resources/export/train.py; @SETTINGS@ in it becomes the settings' Python literal.
constexpr std::string_view kScriptResource = "export/train.py";
constexpr std::string_view kSettingsMarker = "@SETTINGS@";

std::string pythonBool(bool value)
{
    return value ? "True" : "False";
}

std::string settingsLiteral(const TrainingSettings& s, const DataSchema* schema)
{
    const bool table = schema && schema->kind == DataSchema::Kind::Table;
    const OptimizerSettings& o = s.optimizer;
    std::ostringstream out;
    out << "{\n"
        << "    \"epochs\": " << s.epochs << ",\n"
        << "    \"batch_size\": " << s.batchSize << ",\n"
        << "    \"optimizer\": \"" << o.kind << "\",\n"
        << "    \"lr\": " << exactFloat(o.learningRate) << ",\n"
        << "    \"momentum\": " << exactFloat(o.momentum) << ",\n"
        << "    \"nesterov\": " << pythonBool(o.nesterov) << ",\n"
        << "    \"beta1\": " << exactFloat(o.beta1) << ",\n"
        << "    \"beta2\": " << exactFloat(o.beta2) << ",\n"
        << "    \"epsilon\": " << exactFloat(o.epsilon) << ",\n"
        << "    \"rho\": " << exactFloat(o.rho) << ",\n"
        << "    \"weight_decay\": " << exactFloat(o.weightDecay) << ",\n"
        << "    \"schedule\": \"" << s.schedule.kind << "\",\n"
        << "    \"step_epochs\": " << s.schedule.stepEpochs << ",\n"
        << "    \"gamma\": " << exactFloat(s.schedule.gamma) << ",\n"
        << "    \"min_lr\": " << exactFloat(s.schedule.minLearningRate) << ",\n"
        << "    \"validation_split\": " << exactFloat(s.validationSplit) << ",\n"
        << "    \"patience\": " << s.earlyStoppingPatience << ",\n"
        << "    \"seed\": " << s.seed << ",\n"
        << "    \"test_split\": " << exactFloat(table ? s.table.testSplit : s.image.testSplit) << ",\n"
        << "}";
    return out.str();
}

} // namespace

std::string torchTrainScript(const TrainingSettings& settings, const DataSchema* schema)
{
    validateSettings(settings); // the kinds are then known words, safe to quote
    std::string script(embeddedResource(kScriptResource));
    const std::size_t marker = script.find(kSettingsMarker);
    assert(marker != std::string::npos && "resources/export/train.py lost its @SETTINGS@ line");
    script.replace(marker, kSettingsMarker.size(), settingsLiteral(settings, schema));
    return script;
}

} // namespace neurite
