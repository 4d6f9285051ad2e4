// Table files, the built-in tables (iris and the generated two-dimensional sets), and reading a table's raw
// rows.
#include "data/TableSource.h"

#include "data/TableColumns.h"
#include "io/EmbeddedResources.h"
#include "io/GzipFile.h"
#include "neurite/Error.h"
#include "neurite/TableData.h"

#include <algorithm>
#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace neurite {

namespace {

struct BuiltinTable {
    const char* name;
    const char* resource;
};
constexpr BuiltinTable kBuiltinTables[] = {{"iris", "data/iris.csv"}};

const BuiltinTable* findBuiltin(const std::string& name)
{
    for (const BuiltinTable& table : kBuiltinTables)
        if (name == table.name)
            return &table;
    return nullptr;
}

bool isRegularFile(const std::string& path)
{
    std::error_code error;
    return fs::is_regular_file(path, error);
}

} // namespace

std::vector<std::string> builtinTableNames()
{
    std::vector<std::string> names;
    for (const BuiltinTable& table : kBuiltinTables)
        names.emplace_back(table.name);
    for (const std::string& name : planeDataSetNames())
        names.push_back(name);
    return names;
}

bool isBuiltinTable(const std::string& name)
{
    return findBuiltin(name) != nullptr || isPlaneDataSet(name);
}

bool isTable(const std::string& nameOrPath)
{
    return isBuiltinTable(nameOrPath) || isRegularFile(nameOrPath);
}

TableSource tableSource(const std::string& nameOrPath, const PlaneDataOptions& plane)
{
    if (isPlaneDataSet(nameOrPath)) {
        const auto csv = std::make_shared<const std::string>(planeDataCsv(nameOrPath, plane));
        // The reader keeps the text alive, whichever of it and the source goes first.
        return {nameOrPath, [csv] {
                    ByteSource read = memorySource(*csv);
                    return ByteSource(
                        [csv, read](char* buffer, std::size_t capacity) mutable { return read(buffer, capacity); });
                }};
    }
    if (const BuiltinTable* builtin = findBuiltin(nameOrPath)) {
        const std::string_view bytes = embeddedResource(builtin->resource);
        return {nameOrPath, [bytes] { return memorySource(bytes); }};
    }
    std::error_code error;
    if (!fs::exists(nameOrPath, error))
        throw NeuriteError("There is no file " + nameOrPath);
    if (!isRegularFile(nameOrPath))
        throw NeuriteError(nameOrPath + " is not a table file");
    return {nameOrPath, [nameOrPath] {
                // A gzip-compressed table (.csv.gz) is inflated as it is read.
                auto reader = std::make_shared<GzipReader>(nameOrPath);
                return ByteSource(
                    [reader](char* buffer, std::size_t capacity) { return reader->read(buffer, capacity); });
            }};
}

std::string delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',': return "comma";
    case ';': return "semicolon";
    case '\t': return "tab";
    }
    return std::string("'") + delimiter + "'";
}

} // namespace neurite
