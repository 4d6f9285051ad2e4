// RunRecord <-> JSON: one object per run, its design an index into the file's list of distinct designs.
#include "io/RunRecordJson.h"

#include "data/DataSchemaJson.h"
#include "model/NetworkSpecJson.h"
#include "training/TrainingHistoryJson.h"
#include "training/TrainingSettingsJson.h"

#include <limits>
#include <set>

namespace neurite {

namespace {

// Labels are bytes, so no data set has more classes than this.
constexpr std::size_t kMaxConfusionClasses = 256;

Json testToJson(const RunTestResults& t)
{
    Json json = {{"regression", t.regression},
                 {"loss", nullableNumberToJson(t.loss)},
                 {"accuracy", nullableNumberToJson(t.accuracy)},
                 {"r2", nullableNumberToJson(t.r2)},
                 {"mae", nullableNumberToJson(t.mae)},
                 {"rmse", nullableNumberToJson(t.rmse)}};
    if (!t.confusion.empty())
        json["confusion"] = t.confusion;
    return json;
}

// A square matrix of counts, at most kMaxConfusionClasses wide.
std::vector<std::vector<int>> confusionFromJson(const Json& value, const JsonLocation& at)
{
    const std::size_t classes = expectArray(value, at).size();
    if (classes > kMaxConfusionClasses)
        at.fail("has " + std::to_string(classes) + " rows (at most " + std::to_string(kMaxConfusionClasses) +
                " classes)");
    std::vector<std::vector<int>> confusion(classes);
    for (std::size_t row = 0; row < classes; ++row) {
        if (expectArray(value[row], at[row]).size() != classes)
            at[row].fail("has " + std::to_string(value[row].size()) + " counts; a confusion matrix of " +
                         std::to_string(classes) + " classes needs " + std::to_string(classes));
        for (std::size_t column = 0; column < classes; ++column)
            confusion[row].push_back(
                int(expectInteger(value[row][column], at[row][column], 0, std::numeric_limits<int>::max())));
    }
    return confusion;
}

RunTestResults testFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    RunTestResults t;
    if (const Json* v = optionalMember(value, "regression", at))
        t.regression = expectBool(*v, at["regression"]);
    if (const Json* v = optionalMember(value, "loss", at))
        t.loss = nullableFloatFromJson(*v, at["loss"]);
    if (const Json* v = optionalMember(value, "accuracy", at))
        t.accuracy = nullableFloatFromJson(*v, at["accuracy"]);
    if (const Json* v = optionalMember(value, "r2", at))
        t.r2 = nullableDoubleFromJson(*v, at["r2"]);
    if (const Json* v = optionalMember(value, "mae", at))
        t.mae = nullableDoubleFromJson(*v, at["mae"]);
    if (const Json* v = optionalMember(value, "rmse", at))
        t.rmse = nullableDoubleFromJson(*v, at["rmse"]);
    if (const Json* v = optionalMember(value, "confusion", at))
        t.confusion = confusionFromJson(*v, at["confusion"]);
    return t;
}

Json sweptToJson(const std::vector<SweptValue>& swept)
{
    Json list = Json::array();
    for (const SweptValue& s : swept)
        list.push_back({{"key", s.key}, {"value", s.value}});
    return list;
}

std::vector<SweptValue> sweptFromJson(const Json& value, const JsonLocation& at)
{
    std::vector<SweptValue> swept;
    for (std::size_t i = 0; i < expectArray(value, at).size(); ++i) {
        const Json& entry = expectObject(value[i], at[i]);
        swept.push_back({expectString(member(entry, "key", at[i]), at[i]["key"]),
                         expectString(member(entry, "value", at[i]), at[i]["value"])});
    }
    return swept;
}

// The index of `design` in `designs`, appending it when it is new.
std::size_t designIndex(std::vector<const NetworkSpec*>& designs, const NetworkSpec& design)
{
    for (std::size_t i = 0; i < designs.size(); ++i)
        if (*designs[i] == design)
            return i;
    designs.push_back(&design);
    return designs.size() - 1;
}

Json runToJson(const RunRecord& run, std::size_t design)
{
    return {{"name", run.name},
            {"date", run.date},
            {"starred", run.starred},
            {"note", run.note},
            {"design", design},
            {"settings", settingsToJson(run.settings)},
            {"dataSet", run.dataSetName},
            {"classNames", run.classNames},
            {"history", historyToJson(run.history)},
            {"test", testToJson(run.test)},
            {"seconds", nullableNumberToJson(run.seconds)},
            {"outcome", runOutcomeName(run.outcome)},
            {"message", run.message},
            {"swept", sweptToJson(run.swept)}};
}

Json runToJsonWithSchema(const RunRecord& run, std::size_t design)
{
    Json json = runToJson(run, design);
    if (run.schema)
        json["dataSchema"] = schemaToJsonValue(*run.schema);
    return json;
}

std::vector<std::string> stringsFromJson(const Json& value, const JsonLocation& at)
{
    std::vector<std::string> strings;
    for (std::size_t i = 0; i < expectArray(value, at).size(); ++i)
        strings.push_back(expectString(value[i], at[i]));
    return strings;
}

std::vector<NetworkSpec> designsFromJson(const Json* designs, const JsonLocation& at)
{
    std::vector<NetworkSpec> specs;
    if (!designs)
        return specs;
    expectArray(*designs, at);
    if (designs->size() > kMaxRuns)
        at.fail("lists " + std::to_string(designs->size()) + " designs (at most " + std::to_string(kMaxRuns) + ")");
    for (std::size_t i = 0; i < designs->size(); ++i)
        specs.push_back(specFromJsonValue((*designs)[i], at[i]));
    return specs;
}

// The run's fields other than its name and design, all optional.
void readRunDetails(const Json& entry, const JsonLocation& at, RunRecord& run)
{
    if (const Json* v = optionalMember(entry, "date", at))
        run.date = expectString(*v, at["date"]);
    if (const Json* v = optionalMember(entry, "starred", at))
        run.starred = expectBool(*v, at["starred"]);
    if (const Json* v = optionalMember(entry, "note", at))
        run.note = expectString(*v, at["note"]);
    if (const Json* v = optionalMember(entry, "settings", at))
        run.settings = settingsFromJson(*v, at["settings"]);
    if (const Json* v = optionalMember(entry, "dataSet", at))
        run.dataSetName = expectString(*v, at["dataSet"]);
    if (const Json* v = optionalMember(entry, "classNames", at))
        run.classNames = stringsFromJson(*v, at["classNames"]);
    if (const Json* v = optionalMember(entry, "dataSchema", at))
        run.schema = schemaFromJsonValue(*v, at["dataSchema"]);
    if (const Json* v = optionalMember(entry, "history", at))
        run.history = historyFromJson(*v, at["history"]);
    if (const Json* v = optionalMember(entry, "test", at))
        run.test = testFromJson(*v, at["test"]);
    if (const Json* v = optionalMember(entry, "seconds", at))
        run.seconds = nullableDoubleFromJson(*v, at["seconds"]);
    if (const Json* v = optionalMember(entry, "outcome", at)) {
        const std::string name = expectString(*v, at["outcome"]);
        const std::optional<RunOutcome> outcome = runOutcomeFromName(name);
        if (!outcome)
            at["outcome"].fail("unknown run outcome '" + name +
                               "' (expected completed, stopped, early-stopped or diverged)");
        run.outcome = *outcome;
    }
    if (const Json* v = optionalMember(entry, "message", at))
        run.message = expectString(*v, at["message"]);
    if (const Json* v = optionalMember(entry, "swept", at))
        run.swept = sweptFromJson(*v, at["swept"]);
}

} // namespace

RunsJson runsToJson(const std::vector<RunRecord>& runs)
{
    RunsJson out;
    std::vector<const NetworkSpec*> designs;
    for (const RunRecord& run : runs)
        out.runs.push_back(runToJsonWithSchema(run, designIndex(designs, run.design)));
    for (const NetworkSpec* design : designs)
        out.designs.push_back(specToJsonValue(*design));
    return out;
}

std::vector<RunRecord> runsFromJson(const Json& runs, const Json* designs, const JsonLocation& at)
{
    const JsonLocation runsAt = at["runs"];
    expectArray(runs, runsAt);
    if (runs.size() > kMaxRuns)
        runsAt.fail("lists " + std::to_string(runs.size()) + " runs (at most " + std::to_string(kMaxRuns) + ")");
    const std::vector<NetworkSpec> specs = designsFromJson(designs, at["designs"]);
    std::vector<RunRecord> records;
    std::set<std::string> names;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const JsonLocation runAt = runsAt[i];
        const Json& entry = expectObject(runs[i], runAt);
        RunRecord run;
        run.name = expectString(member(entry, "name", runAt), runAt["name"]);
        if (run.name.empty())
            runAt["name"].fail("a run's name cannot be empty");
        if (!names.insert(run.name).second)
            runAt["name"].fail("\"" + run.name + "\" names two runs");
        if (specs.empty())
            runAt["design"].fail("refers to a design, but the file lists none (\"designs\" is missing or empty)");
        const std::int64_t design = expectInteger(member(entry, "design", runAt), runAt["design"], 0,
                                                  std::int64_t(specs.size()) - 1);
        run.design = specs[std::size_t(design)];
        readRunDetails(entry, runAt, run);
        records.push_back(std::move(run));
    }
    return records;
}

} // namespace neurite
