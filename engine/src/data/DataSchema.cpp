// The data schema's width and its JSON form in project files.
#include "neurite/DataSchema.h"

#include "data/DataSchemaJson.h"

#include <array>
#include <utility>

namespace neurite {

namespace {

constexpr std::size_t kMaxCategories = 100000; // far above the loader's cap; refuses absurd files

// clang-format off
const std::array<std::pair<ColumnRole, const char*>, 4> kRoleNames = {{
    {ColumnRole::Numeric, "numeric"}, {ColumnRole::Categorical, "categorical"},
    {ColumnRole::Ignored, "ignored"}, {ColumnRole::Target, "target"},
}};
// clang-format on

ColumnRole roleFromJson(const Json& value, const JsonLocation& at)
{
    const std::string text = expectString(value, at);
    for (const auto& [role, name] : kRoleNames)
        if (text == name)
            return role;
    at.fail("unknown column role '" + text + "' (expected numeric, categorical, ignored or target)");
}

Json columnToJson(const ColumnEncoding& column)
{
    Json out;
    out["name"] = column.name;
    out["role"] = roleName(column.role);
    if (column.role == ColumnRole::Numeric) {
        out["mean"] = numberToJson(column.mean);
        out["deviation"] = numberToJson(column.deviation);
        out["fill"] = numberToJson(column.fill);
    }
    if (!column.categories.empty())
        out["categories"] = column.categories;
    if (column.role == ColumnRole::Categorical)
        out["fill_category"] = column.fillCategory;
    return out;
}

std::vector<std::string> categoriesFromJson(const Json& value, const JsonLocation& at)
{
    expectArray(value, at);
    if (value.size() > kMaxCategories)
        at.fail("more than " + std::to_string(kMaxCategories) + " categories");
    std::vector<std::string> categories;
    for (std::size_t i = 0; i < value.size(); ++i)
        categories.push_back(expectString(value[i], at[i]));
    return categories;
}

ColumnEncoding columnFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    ColumnEncoding column;
    column.name = expectString(member(value, "name", at), at["name"]);
    column.role = roleFromJson(member(value, "role", at), at["role"]);
    if (column.role == ColumnRole::Numeric) {
        column.mean = expectNumber(member(value, "mean", at), at["mean"]);
        column.deviation = expectNumber(member(value, "deviation", at), at["deviation"]);
        if (!(column.deviation > 0))
            at["deviation"].fail("must be above 0");
        column.fill = expectNumber(member(value, "fill", at), at["fill"]);
    }
    if (const Json* categories = optionalMember(value, "categories", at))
        column.categories = categoriesFromJson(*categories, at["categories"]);
    if (column.role == ColumnRole::Categorical) {
        if (column.categories.empty())
            at["categories"].fail("a categorical column needs at least one category");
        column.fillCategory = expectString(member(value, "fill_category", at), at["fill_category"]);
    }
    return column;
}

Json imageToJson(const ImageEncoding& image)
{
    Json out;
    out["channels"] = image.channels;
    out["rows"] = image.rows;
    out["cols"] = image.cols;
    return out;
}

ImageEncoding imageFromJson(const Json& value, const JsonLocation& at)
{
    expectObject(value, at);
    ImageEncoding image;
    image.channels = int(expectInteger(member(value, "channels", at), at["channels"], 1, 4));
    if (image.channels == 2)
        at["channels"].fail("expected 1 (grey) or 3 (RGB)");
    image.rows = int(expectInteger(member(value, "rows", at), at["rows"], 1, 4096));
    image.cols = int(expectInteger(member(value, "cols", at), at["cols"], 1, 4096));
    return image;
}

} // namespace

const char* roleName(ColumnRole role)
{
    for (const auto& [value, name] : kRoleNames)
        if (value == role)
            return name;
    return "numeric";
}

int DataSchema::encodedWidth() const
{
    if (kind == Kind::Images)
        return image.channels * image.rows * image.cols;
    int width = 0;
    for (const ColumnEncoding& column : columns) {
        if (column.role == ColumnRole::Numeric)
            width += 1;
        else if (column.role == ColumnRole::Categorical)
            width += int(column.categories.size());
    }
    return width;
}

InputStandardisation inputStandardisation(const DataSchema& schema)
{
    InputStandardisation out;
    if (schema.kind != DataSchema::Kind::Table)
        return out;
    for (const ColumnEncoding& column : schema.columns) {
        if (column.role == ColumnRole::Numeric) {
            out.offset.push_back(column.mean);
            out.divisor.push_back(column.deviation);
        } else if (column.role == ColumnRole::Categorical) {
            out.offset.insert(out.offset.end(), column.categories.size(), 0.0);
            out.divisor.insert(out.divisor.end(), column.categories.size(), 1.0);
        }
    }
    return out;
}

int DataSchema::targetColumn() const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].role == ColumnRole::Target)
            return int(i);
    return -1;
}

Json schemaToJsonValue(const DataSchema& schema)
{
    Json out;
    out["kind"] = schema.kind == DataSchema::Kind::Images ? "images" : "table";
    out["task"] = schema.task == TaskKind::Classification ? "classification" : "regression";
    if (schema.kind == DataSchema::Kind::Images) {
        out["image"] = imageToJson(schema.image);
        if (schema.imagePreparation == ImagePreparation::Resize)
            out["image"]["preparation"] = "resize"; // absent: digit, as in files saved before image folders
    } else {
        Json columns = Json::array();
        for (const ColumnEncoding& column : schema.columns)
            columns.push_back(columnToJson(column));
        out["columns"] = columns;
    }
    if (schema.task == TaskKind::Regression) {
        out["target_mean"] = numberToJson(schema.targetMean);
        out["target_deviation"] = numberToJson(schema.targetDeviation);
    }
    return out;
}

std::string schemaToJson(const DataSchema& schema)
{
    return dumpJson(schemaToJsonValue(schema), 2, "the data schema");
}

namespace {

DataSchema::Kind kindFromJson(const Json& value, const JsonLocation& at)
{
    const std::string text = expectString(value, at);
    if (text == "images")
        return DataSchema::Kind::Images;
    if (text == "table")
        return DataSchema::Kind::Table;
    at.fail("unknown data kind '" + text + "' (expected images or table)");
}

TaskKind taskFromJson(const Json& value, const JsonLocation& at)
{
    const std::string text = expectString(value, at);
    if (text == "classification")
        return TaskKind::Classification;
    if (text == "regression")
        return TaskKind::Regression;
    at.fail("unknown task '" + text + "' (expected classification or regression)");
}

ImagePreparation preparationFromJson(const Json& image, const JsonLocation& at)
{
    const Json* value = optionalMember(image, "preparation", at);
    const std::string text = value ? expectString(*value, at["preparation"]) : "digit";
    if (text == "digit")
        return ImagePreparation::Digit;
    if (text == "resize")
        return ImagePreparation::Resize;
    at["preparation"].fail("unknown image preparation '" + text + "' (expected digit or resize)");
}

std::vector<ColumnEncoding> columnsFromJson(const Json& value, const JsonLocation& at)
{
    expectArray(value, at);
    std::vector<ColumnEncoding> columns;
    for (std::size_t i = 0; i < value.size(); ++i)
        columns.push_back(columnFromJson(value[i], at[i]));
    return columns;
}

} // namespace

DataSchema schemaFromJsonValue(const Json& root, const JsonLocation& at)
{
    expectObject(root, at);
    DataSchema schema;
    schema.kind = kindFromJson(member(root, "kind", at), at["kind"]);
    schema.task = taskFromJson(member(root, "task", at), at["task"]);
    if (schema.kind == DataSchema::Kind::Images) {
        schema.image = imageFromJson(member(root, "image", at), at["image"]);
        schema.imagePreparation = preparationFromJson(member(root, "image", at), at["image"]);
    } else
        schema.columns = columnsFromJson(member(root, "columns", at), at["columns"]);
    if (schema.task == TaskKind::Regression) {
        schema.targetMean = expectNumber(member(root, "target_mean", at), at["target_mean"]);
        schema.targetDeviation = expectNumber(member(root, "target_deviation", at), at["target_deviation"]);
        if (!(schema.targetDeviation > 0))
            at["target_deviation"].fail("must be above 0");
    }
    return schema;
}

DataSchema schemaFromJson(const std::string& json, const std::string& context)
{
    return schemaFromJsonValue(parseJson(json, context), JsonLocation(context));
}

} // namespace neurite
