// Applying one swept value: a training setting by its command-line name, or a layer option by
// "layerId.option", parsed and checked against the layer type's option table.
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Sweep.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <sstream>

namespace neurite {

namespace {

// The whole of `text` as a finite number, else nullopt.
std::optional<double> parseNumber(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

double number(const std::string& key, const std::string& value)
{
    const auto parsed = parseNumber(value);
    if (!parsed)
        throw NeuriteError(key + "=" + value + ": not a number");
    return *parsed;
}

int wholeNumber(const std::string& key, const std::string& value)
{
    const double parsed = number(key, value);
    if (parsed != std::floor(parsed) || std::abs(parsed) > double(std::numeric_limits<int>::max()))
        throw NeuriteError(key + "=" + value + ": expected a whole number");
    return int(parsed);
}

bool flag(const std::string& key, const std::string& value)
{
    if (value == "1" || value == "true" || value == "on")
        return true;
    if (value == "0" || value == "false" || value == "off")
        return false;
    throw NeuriteError(key + "=" + value + ": expected 0 or 1 (or true/false)");
}

struct SettingSetter {
    SweepSettingKey name;
    std::function<void(TrainingSettings&, const std::string& key, const std::string& value)> set;
};

const std::vector<SettingSetter>& settingSetters()
{
    using S = TrainingSettings;
    using V = const std::string&;
    static const std::vector<SettingSetter> setters = {
        {{"lr", "learning rate"}, [](S& s, V k, V v) { s.optimizer.learningRate = float(number(k, v)); }},
        {{"batch", "mini-batch size"}, [](S& s, V k, V v) { s.batchSize = wholeNumber(k, v); }},
        {{"epochs", "passes over the training set"}, [](S& s, V k, V v) { s.epochs = wholeNumber(k, v); }},
        {{"optimizer", "sgd, adam, adamw or rmsprop"}, [](S& s, V, V v) { s.optimizer.kind = v; }},
        {{"momentum", "SGD momentum"}, [](S& s, V k, V v) { s.optimizer.momentum = float(number(k, v)); }},
        {{"nesterov", "SGD with Nesterov momentum (0 or 1)"},
         [](S& s, V k, V v) { s.optimizer.nesterov = flag(k, v); }},
        {{"weight-decay", "L2 weight decay"}, [](S& s, V k, V v) { s.optimizer.weightDecay = float(number(k, v)); }},
        {{"beta1", "Adam's beta1"}, [](S& s, V k, V v) { s.optimizer.beta1 = float(number(k, v)); }},
        {{"beta2", "Adam's beta2"}, [](S& s, V k, V v) { s.optimizer.beta2 = float(number(k, v)); }},
        {{"schedule", "constant, step or cosine"}, [](S& s, V, V v) { s.schedule.kind = v; }},
        {{"step-epochs", "step schedule: epochs between decays"},
         [](S& s, V k, V v) { s.schedule.stepEpochs = wholeNumber(k, v); }},
        {{"gamma", "step schedule: decay factor"}, [](S& s, V k, V v) { s.schedule.gamma = float(number(k, v)); }},
        {{"min-lr", "cosine schedule: the last epoch's learning rate"},
         [](S& s, V k, V v) { s.schedule.minLearningRate = float(number(k, v)); }},
        {{"validation-split", "share of the training set held out"},
         [](S& s, V k, V v) { s.validationSplit = float(number(k, v)); }},
        {{"patience", "early stopping patience (0 = off)"},
         [](S& s, V k, V v) { s.earlyStoppingPatience = wholeNumber(k, v); }},
        {{"seed", "random seed"},
         [](S& s, V k, V v) {
             const double seed = number(k, v);
             if (seed < 0 || seed != std::floor(seed) || seed > 9e15)
                 throw NeuriteError(k + "=" + v + ": expected a whole number >= 0");
             s.seed = std::uint64_t(seed);
         }},
    };
    return setters;
}

void applySetting(const SettingSetter& setter, const std::string& key, const std::string& value,
                  TrainingSettings& settings)
{
    TrainingSettings changed = settings;
    setter.set(changed, key, value);
    try {
        validateSettings(changed);
    } catch (const NeuriteError& e) {
        throw NeuriteError(key + "=" + value + ": " + e.what());
    }
    settings = changed;
}

std::string optionNames(const LayerTypeInfo& type)
{
    std::string names;
    for (const OptionDescriptor& o : type.options)
        names += (names.empty() ? "" : ", ") + o.key;
    return names.empty() ? "none" : names;
}

std::string choiceNames(const OptionDescriptor& option)
{
    std::string names;
    for (const std::string& c : option.choices)
        names += (names.empty() ? "" : ", ") + c;
    return names;
}

// `value` as the option wants it: a number in range (whole for Integer, 0/1 for Boolean) or a choice.
OptionValue optionValue(const OptionDescriptor& option, const std::string& key, const std::string& value)
{
    if (option.kind == OptionKind::Choice) {
        for (const std::string& choice : option.choices)
            if (choice == value)
                return value;
        throw NeuriteError(key + "=" + value + ": not one of " + choiceNames(option));
    }
    if (option.kind == OptionKind::Boolean)
        return flag(key, value) ? 1.0 : 0.0;
    const double parsed = option.kind == OptionKind::Integer ? double(wholeNumber(key, value)) : number(key, value);
    if (parsed < option.minimum || parsed > option.maximum) {
        std::ostringstream range;
        range << option.minimum << " to " << option.maximum;
        throw NeuriteError(key + "=" + value + ": " + option.label + " must be from " + range.str());
    }
    return parsed;
}

std::string layerIds(const NetworkSpec& design)
{
    std::string ids;
    for (const LayerSpec& l : design.layers)
        ids += (ids.empty() ? "" : ", ") + l.id;
    return ids;
}

void applyLayerOption(const std::string& key, const std::string& value, NetworkSpec& design)
{
    const std::size_t dot = key.rfind('.');
    const std::string id = key.substr(0, dot), name = key.substr(dot + 1);
    LayerSpec* layer = design.find(id);
    if (!layer)
        throw NeuriteError(key + ": the design has no layer '" + id + "' (its layers: " + layerIds(design) + ")");
    const LayerTypeInfo* type = findLayerType(layer->type);
    if (!type)
        throw NeuriteError(key + ": layer '" + id + "' has the unknown type '" + layer->type + "'");
    for (const OptionDescriptor& option : type->options)
        if (option.key == name) {
            layer->options[name] = optionValue(option, key, value);
            return;
        }
    throw NeuriteError(key + ": " + type->name + " layers have no option '" + name +
                       "' (options: " + optionNames(*type) + ")");
}

std::string settingNames()
{
    std::string names;
    for (const SettingSetter& s : settingSetters())
        names += (names.empty() ? "" : ", ") + std::string(s.name.key);
    return names;
}

} // namespace

const std::vector<SweepSettingKey>& sweepSettingKeys()
{
    static const std::vector<SweepSettingKey> keys = [] {
        std::vector<SweepSettingKey> list;
        for (const SettingSetter& s : settingSetters())
            list.push_back(s.name);
        return list;
    }();
    return keys;
}

void applySweptValue(const std::string& key, const std::string& value, NetworkSpec& design, TrainingSettings& settings)
{
    if (key.find('.') != std::string::npos)
        return applyLayerOption(key, value, design);
    for (const SettingSetter& setter : settingSetters())
        if (key == setter.name.key)
            return applySetting(setter, key, value, settings);
    throw NeuriteError(key + ": not a setting a sweep can vary (settings: " + settingNames() +
                       "; or a layer option as layer.option, e.g. dense1.units)");
}

} // namespace neurite
