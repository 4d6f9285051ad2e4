// TrainingSettings <-> JSON, for the "settings" object of a project file.
#include "training/TrainingSettingsJson.h"

#include "training/PlaneSettingsJson.h"

#include <limits>

namespace neurite {

namespace {

// Reads `key` into `target` when present, with `read(value, location)`.
template <class T, class Read>
void readOptional(const Json& object, const char* key, const JsonLocation& at, T& target, Read read)
{
    if (const Json* value = optionalMember(object, key, at))
        target = read(*value, at[key]);
}

int readInt(const Json& value, const JsonLocation& at)
{
    return int(expectInteger(value, at, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

// Floats may be NaN (written as null) so that any settings that were saved can be loaded and then rejected
// by validateSettings() with a proper message.
float readFloat(const Json& value, const JsonLocation& at)
{
    return nullableFloatFromJson(value, at);
}

Json optimizerToJson(const OptimizerSettings& o)
{
    return {{"kind", o.kind},
            {"learningRate", nullableNumberToJson(o.learningRate)},
            {"momentum", nullableNumberToJson(o.momentum)},
            {"nesterov", o.nesterov},
            {"beta1", nullableNumberToJson(o.beta1)},
            {"beta2", nullableNumberToJson(o.beta2)},
            {"epsilon", nullableNumberToJson(o.epsilon)},
            {"rho", nullableNumberToJson(o.rho)},
            {"weightDecay", nullableNumberToJson(o.weightDecay)}};
}

OptimizerSettings optimizerFromJson(const Json& value, const JsonLocation& at)
{
    OptimizerSettings o;
    readOptional(value, "kind", at, o.kind, expectString);
    readOptional(value, "learningRate", at, o.learningRate, readFloat);
    readOptional(value, "momentum", at, o.momentum, readFloat);
    readOptional(value, "nesterov", at, o.nesterov, expectBool);
    readOptional(value, "beta1", at, o.beta1, readFloat);
    readOptional(value, "beta2", at, o.beta2, readFloat);
    readOptional(value, "epsilon", at, o.epsilon, readFloat);
    readOptional(value, "rho", at, o.rho, readFloat);
    readOptional(value, "weightDecay", at, o.weightDecay, readFloat);
    return o;
}

Json scheduleToJson(const ScheduleSettings& s)
{
    return {{"kind", s.kind},
            {"stepEpochs", s.stepEpochs},
            {"gamma", nullableNumberToJson(s.gamma)},
            {"minLearningRate", nullableNumberToJson(s.minLearningRate)}};
}

ScheduleSettings scheduleFromJson(const Json& value, const JsonLocation& at)
{
    ScheduleSettings s;
    readOptional(value, "kind", at, s.kind, expectString);
    readOptional(value, "stepEpochs", at, s.stepEpochs, readInt);
    readOptional(value, "gamma", at, s.gamma, readFloat);
    readOptional(value, "minLearningRate", at, s.minLearningRate, readFloat);
    return s;
}

ColumnRole roleFromName(const Json& value, const JsonLocation& at)
{
    const std::string name = expectString(value, at);
    for (ColumnRole role : {ColumnRole::Numeric, ColumnRole::Categorical, ColumnRole::Ignored, ColumnRole::Target})
        if (name == roleName(role))
            return role;
    at.fail("unknown column role '" + name + "' (expected numeric, categorical, ignored or target)");
}

Json tableToJson(const TableSettings& t)
{
    Json roles = Json::object();
    for (const auto& [name, role] : t.columnRoles)
        roles[name] = roleName(role);
    return {{"target", t.target}, {"columnRoles", roles}, {"testSplit", nullableNumberToJson(t.testSplit)}};
}

TableSettings tableFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    TableSettings t;
    readOptional(value, "target", at, t.target, expectString);
    readOptional(value, "testSplit", at, t.testSplit, readFloat);
    if (const Json* roles = optionalMember(value, "columnRoles", at)) {
        expectObject(*roles, at["columnRoles"]);
        for (auto it = roles->begin(); it != roles->end(); ++it)
            t.columnRoles[it.key()] = roleFromName(it.value(), at["columnRoles"][it.key()]);
    }
    return t;
}

Json augmentationToJson(const AugmentationSettings& a)
{
    return {{"enabled", a.enabled},
            {"shift", nullableNumberToJson(a.shift)},
            {"rotation", nullableNumberToJson(a.rotation)},
            {"scale", nullableNumberToJson(a.scale)},
            {"horizontalFlip", a.horizontalFlip},
            {"brightness", nullableNumberToJson(a.brightness)},
            {"contrast", nullableNumberToJson(a.contrast)},
            {"noise", nullableNumberToJson(a.noise)}};
}

// Files saved before augmentation existed have no "augmentation" object: the defaults (off) apply.
AugmentationSettings augmentationFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    AugmentationSettings a;
    readOptional(value, "enabled", at, a.enabled, expectBool);
    readOptional(value, "shift", at, a.shift, readFloat);
    readOptional(value, "rotation", at, a.rotation, readFloat);
    readOptional(value, "scale", at, a.scale, readFloat);
    readOptional(value, "horizontalFlip", at, a.horizontalFlip, expectBool);
    readOptional(value, "brightness", at, a.brightness, readFloat);
    readOptional(value, "contrast", at, a.contrast, readFloat);
    readOptional(value, "noise", at, a.noise, readFloat);
    return a;
}

Json imageToJson(const ImageSettings& i)
{
    return {
        {"rows", i.rows}, {"cols", i.cols}, {"channels", i.channels}, {"testSplit", nullableNumberToJson(i.testSplit)}};
}

ImageSettings imageFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    ImageSettings i;
    readOptional(value, "rows", at, i.rows, readInt);
    readOptional(value, "cols", at, i.cols, readInt);
    readOptional(value, "channels", at, i.channels, readInt);
    readOptional(value, "testSplit", at, i.testSplit, readFloat);
    return i;
}

} // namespace

Json settingsToJson(const TrainingSettings& settings)
{
    return {{"dataSet", settings.dataSet},
            {"epochs", settings.epochs},
            {"batchSize", settings.batchSize},
            {"optimizer", optimizerToJson(settings.optimizer)},
            {"schedule", scheduleToJson(settings.schedule)},
            {"validationSplit", nullableNumberToJson(settings.validationSplit)},
            {"seed", settings.seed},
            {"threads", settings.threads},
            {"earlyStoppingPatience", settings.earlyStoppingPatience},
            {"startFromWeights", settings.startFromWeights},
            {"healthEvery", settings.healthEvery},
            {"table", tableToJson(settings.table)},
            {"augmentation", augmentationToJson(settings.augmentation)},
            {"image", imageToJson(settings.image)},
            {"plane", planeToJson(settings.plane)}};
}

TrainingSettings settingsFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    TrainingSettings settings;
    readOptional(value, "dataSet", at, settings.dataSet, expectString);
    readOptional(value, "epochs", at, settings.epochs, readInt);
    readOptional(value, "batchSize", at, settings.batchSize, readInt);
    readOptional(value, "optimizer", at, settings.optimizer, optimizerFromJson);
    readOptional(value, "schedule", at, settings.schedule, scheduleFromJson);
    readOptional(value, "validationSplit", at, settings.validationSplit, readFloat);
    readOptional(value, "seed", at, settings.seed, expectUnsigned);
    readOptional(value, "threads", at, settings.threads, readInt);
    readOptional(value, "earlyStoppingPatience", at, settings.earlyStoppingPatience, readInt);
    readOptional(value, "startFromWeights", at, settings.startFromWeights, expectBool);
    readOptional(value, "healthEvery", at, settings.healthEvery, readInt);
    readOptional(value, "table", at, settings.table, tableFromJson);
    readOptional(value, "augmentation", at, settings.augmentation, augmentationFromJson);
    readOptional(value, "image", at, settings.image, imageFromJson);
    readOptional(value, "plane", at, settings.plane, planeFromJson);
    return settings;
}

} // namespace neurite
