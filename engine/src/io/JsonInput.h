// Guarded JSON parsing and typed field access whose errors name the file and the JSON path.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace neurite {

// Ordered, so that files keep a readable key order ("format" and "version" first).
using Json = nlohmann::ordered_json;

constexpr int kMaxJsonDepth = 64;
constexpr std::size_t kMaxDesignJsonBytes = std::size_t(64) << 20;

// Where a value sits, for messages like "design.neurite: layers[2].options.units: expected a number".
class JsonLocation {
public:
    explicit JsonLocation(std::string context, std::string path = {});

    JsonLocation operator[](const std::string& key) const;
    JsonLocation operator[](std::size_t index) const;
    const std::string& path() const { return m_path; }

    [[noreturn]] void fail(const std::string& message) const;

private:
    std::string m_context;
    std::string m_path;
};

// The deepest bracket nesting of `text` outside strings once it is past `limit`, else 0: checked before
// parsing, since nlohmann's parser and destructors recurse.
int jsonNestingDepth(std::string_view text, int limit);
// nlohmann's "[json.exception.parse_error.101] parse error at line 1, ..." without the bracketed prefix.
std::string jsonErrorText(const char* what);

// Parses `text`, first refusing input over `maxBytes` or nested deeper than kMaxJsonDepth (the parser and
// the destructor of nlohmann's values recurse). Syntax errors report their line and column.
Json parseJson(std::string_view text, const std::string& context, std::size_t maxBytes = kMaxDesignJsonBytes);

// Serialises without throwing nlohmann's exceptions: invalid UTF-8 in a string becomes a NeuriteError.
std::string dumpJson(const Json& value, int indent, const std::string& context);

const Json& expectObject(const Json& value, const JsonLocation& at);
const Json& expectArray(const Json& value, const JsonLocation& at);
// The member `key` of the object `object` (which sits at `at`); fails when it is missing.
const Json& member(const Json& object, const std::string& key, const JsonLocation& at);
// nullptr when missing.
const Json* optionalMember(const Json& object, const std::string& key, const JsonLocation& at);

std::string expectString(const Json& value, const JsonLocation& at);
bool expectBool(const Json& value, const JsonLocation& at);
double expectNumber(const Json& value, const JsonLocation& at); // finite
float expectFloat(const Json& value, const JsonLocation& at);   // finite and within float range
std::int64_t expectInteger(const Json& value, const JsonLocation& at, std::int64_t minimum, std::int64_t maximum);
std::uint64_t expectUnsigned(const Json& value, const JsonLocation& at);

// Numbers that may be missing: NaN is written as null and infinities as "Infinity"/"-Infinity", because
// JSON has neither. Floats are written in their shortest form that still reads back bit-identically.
Json nullableNumberToJson(double value);
Json nullableNumberToJson(float value);
double nullableDoubleFromJson(const Json& value, const JsonLocation& at);
float nullableFloatFromJson(const Json& value, const JsonLocation& at);
Json floatToJson(float value);   // finite values only
Json numberToJson(double value); // finite values only; whole numbers are written without ".0"

} // namespace neurite
