// TrainingHistory <-> JSON, for the "history" object of a project file.
#include "training/TrainingHistoryJson.h"

#include "training/LayerHealthJson.h"

#include <cmath>
#include <limits>
#include <variant>

namespace neurite {

namespace {

// One field of a report struct, named as in the file.
template <class Record>
struct Field {
    const char* key;
    std::variant<int Record::*, std::int64_t Record::*, float Record::*, double Record::*, bool Record::*> member;
};

const Field<BatchReport> kBatchFields[] = {
    {"epoch", &BatchReport::epoch},
    {"batch", &BatchReport::batch},
    {"batchesPerEpoch", &BatchReport::batchesPerEpoch},
    {"step", &BatchReport::step},
    {"loss", &BatchReport::loss},
    {"accuracy", &BatchReport::accuracy},
    {"learningRate", &BatchReport::learningRate},
    {"samplesPerSecond", &BatchReport::samplesPerSecond},
    {"elapsedSeconds", &BatchReport::elapsedSeconds},
};

const Field<EpochReport> kEpochFields[] = {
    {"epoch", &EpochReport::epoch},
    {"epochs", &EpochReport::epochs},
    {"trainLoss", &EpochReport::trainLoss},
    {"trainAccuracy", &EpochReport::trainAccuracy},
    {"validationLoss", &EpochReport::validationLoss},
    {"validationAccuracy", &EpochReport::validationAccuracy},
    {"learningRate", &EpochReport::learningRate},
    {"seconds", &EpochReport::seconds},
    {"samplesPerSecond", &EpochReport::samplesPerSecond},
    {"best", &EpochReport::best},
};

Json valueToJson(int value)
{
    return value;
}
Json valueToJson(std::int64_t value)
{
    return value;
}
Json valueToJson(float value)
{
    return nullableNumberToJson(value);
}
Json valueToJson(double value)
{
    return nullableNumberToJson(value);
}
Json valueToJson(bool value)
{
    return value;
}

// The fast path for whole numbers (nlohmann keeps non-negative ones as unsigned).
bool asInt64(const Json& value, std::int64_t& out)
{
    if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return false;
        out = std::int64_t(number);
        return true;
    }
    if (value.is_number_integer()) {
        out = value.get<std::int64_t>();
        return true;
    }
    return false;
}

// The readers take `locate`, which builds the value's JsonLocation only when there is an error to report:
// building a path string for each of a million numbers would dominate loading time.
template <class Locate>
void valueFromJson(int& target, const Json& value, Locate locate)
{
    std::int64_t number = 0;
    if (asInt64(value, number) && number >= std::numeric_limits<int>::min() &&
        number <= std::numeric_limits<int>::max()) {
        target = int(number);
        return;
    }
    target = int(expectInteger(value, locate(), std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

template <class Locate>
void valueFromJson(std::int64_t& target, const Json& value, Locate locate)
{
    if (asInt64(value, target))
        return;
    target = expectInteger(value, locate(), std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max());
}

template <class Locate>
void valueFromJson(float& target, const Json& value, Locate locate)
{
    if (value.is_number()) {
        double number = value.get<double>();
        if (std::fabs(number) <= double(std::numeric_limits<float>::max())) {
            target = float(number);
            return;
        }
    }
    target = nullableFloatFromJson(value, locate());
}

template <class Locate>
void valueFromJson(double& target, const Json& value, Locate locate)
{
    target = value.is_number() ? value.get<double>() : nullableDoubleFromJson(value, locate());
}

template <class Locate>
void valueFromJson(bool& target, const Json& value, Locate locate)
{
    target = expectBool(value, locate());
}

template <class Record>
Json recordToJson(const Record& record, const Field<Record>* fields, std::size_t count)
{
    Json object = Json::object();
    for (std::size_t f = 0; f < count; ++f)
        std::visit([&](auto member) { object[fields[f].key] = valueToJson(record.*member); }, fields[f].member);
    return object;
}

Json batchesToJson(const std::vector<BatchReport>& batches)
{
    Json columns = Json::object();
    for (const auto& field : kBatchFields) {
        Json column = Json::array();
        column.get_ref<Json::array_t&>().reserve(batches.size());
        std::visit(
            [&](auto member) {
                for (const BatchReport& batch : batches)
                    column.push_back(valueToJson(batch.*member));
            },
            field.member);
        columns[field.key] = std::move(column);
    }
    return columns;
}

std::vector<BatchReport> batchesFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    // Every column present must have the same length; a missing column leaves its defaults.
    std::vector<BatchReport> batches;
    const char* sizedBy = nullptr;
    for (const auto& field : kBatchFields) {
        const Json* column = optionalMember(value, field.key, at);
        if (!column)
            continue;
        const JsonLocation columnAt = at[field.key];
        expectArray(*column, columnAt);
        if (!sizedBy) {
            batches.resize(column->size());
            sizedBy = field.key;
        } else if (column->size() != batches.size()) {
            columnAt.fail("has " + std::to_string(column->size()) + " values but \"" + sizedBy + "\" has " +
                          std::to_string(batches.size()));
        }
        std::visit(
            [&](auto member) {
                for (std::size_t i = 0; i < batches.size(); ++i)
                    valueFromJson(batches[i].*member, (*column)[i], [&] { return columnAt[i]; });
            },
            field.member);
    }
    return batches;
}

std::vector<EpochReport> epochsFromJson(const Json& value, const JsonLocation& at)
{
    std::vector<EpochReport> epochs(expectArray(value, at).size());
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        const JsonLocation epochAt = at[i];
        for (const auto& field : kEpochFields) {
            const Json* item = optionalMember(value[i], field.key, epochAt);
            if (!item)
                continue;
            std::visit(
                [&](auto member) { valueFromJson(epochs[i].*member, *item, [&] { return epochAt[field.key]; }); },
                field.member);
        }
    }
    return epochs;
}

} // namespace

Json historyToJson(const TrainingHistory& history)
{
    Json epochs = Json::array();
    for (const EpochReport& epoch : history.epochs)
        epochs.push_back(recordToJson(epoch, kEpochFields, std::size(kEpochFields)));
    return {{"bestEpoch", history.bestEpoch},
            {"testLoss", nullableNumberToJson(history.testLoss)},
            {"testAccuracy", nullableNumberToJson(history.testAccuracy)},
            {"epochs", std::move(epochs)},
            {"batches", batchesToJson(history.batches)},
            {"health", healthToJson(history.health)}};
}

TrainingHistory historyFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    TrainingHistory history;
    if (const Json* item = optionalMember(value, "bestEpoch", at))
        valueFromJson(history.bestEpoch, *item, [&] { return at["bestEpoch"]; });
    if (const Json* item = optionalMember(value, "testLoss", at))
        valueFromJson(history.testLoss, *item, [&] { return at["testLoss"]; });
    if (const Json* item = optionalMember(value, "testAccuracy", at))
        valueFromJson(history.testAccuracy, *item, [&] { return at["testAccuracy"]; });
    if (const Json* item = optionalMember(value, "epochs", at))
        history.epochs = epochsFromJson(*item, at["epochs"]);
    if (const Json* item = optionalMember(value, "batches", at))
        history.batches = batchesFromJson(*item, at["batches"]);
    // Files from before layer health have none.
    if (const Json* item = optionalMember(value, "health", at))
        history.health = healthFromJson(*item, at["health"]);
    return history;
}

} // namespace neurite
