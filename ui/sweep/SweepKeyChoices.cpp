// The settings and layer options a sweep can vary (see SweepKeyChoices.h).
#include "sweep/SweepKeyChoices.h"

#include <neurite/LayerRegistry.h>
#include <neurite/Sweep.h>

#include <map>
#include <sstream>

namespace neurite::ui {

namespace {

std::string numberText(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

// The values the base holds for the settings users sweep most; the others start empty.
std::map<std::string, std::string> currentSettingValues(const TrainingSettings& s)
{
    return {{"lr", numberText(s.optimizer.learningRate)},
            {"batch", numberText(s.batchSize)},
            {"epochs", numberText(s.epochs)},
            {"optimizer", s.optimizer.kind},
            {"momentum", numberText(s.optimizer.momentum)},
            {"weight-decay", numberText(s.optimizer.weightDecay)},
            {"schedule", s.schedule.kind},
            {"validation-split", numberText(s.validationSplit)},
            {"patience", numberText(s.earlyStoppingPatience)},
            {"seed", numberText(double(s.seed))}};
}

std::string optionText(const LayerSpec& layer, const OptionDescriptor& option)
{
    if (option.kind == OptionKind::Choice)
        return layer.text(option.key, option.defaultChoice);
    return numberText(layer.number(option.key, option.defaultNumber));
}

} // namespace

std::vector<SweepKeyChoice> sweepKeyChoices(const NetworkSpec& design, const TrainingSettings& settings)
{
    std::vector<SweepKeyChoice> choices;
    const std::map<std::string, std::string> current = currentSettingValues(settings);
    for (const SweepSettingKey& key : sweepSettingKeys()) {
        const auto found = current.find(key.key);
        choices.push_back({key.key, QString::fromUtf8(key.meaning), found != current.end() ? found->second : ""});
    }
    for (const LayerSpec& layer : design.layers) {
        const LayerTypeInfo* type = findLayerType(layer.type);
        if (!type || type->role == LayerRole::Input) // the input's shape is the data's, not a choice
            continue;
        for (const OptionDescriptor& option : type->options)
            choices.push_back({layer.id + "." + option.key, QString::fromStdString(layer.type + ": " + option.label),
                               optionText(layer, option)});
    }
    return choices;
}

} // namespace neurite::ui
