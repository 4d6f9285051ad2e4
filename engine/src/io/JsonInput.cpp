// Guarded JSON parsing and typed field access whose errors name the file and the JSON path.
#include "io/JsonInput.h"

#include "neurite/Error.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace neurite {

JsonLocation::JsonLocation(std::string context, std::string path)
    : m_context(std::move(context)), m_path(std::move(path))
{
}

JsonLocation JsonLocation::operator[](const std::string& key) const
{
    return JsonLocation(m_context, m_path.empty() ? key : m_path + "." + key);
}

JsonLocation JsonLocation::operator[](std::size_t index) const
{
    return JsonLocation(m_context, m_path + "[" + std::to_string(index) + "]");
}

void JsonLocation::fail(const std::string& message) const
{
    throw NeuriteError(m_context + ": " + (m_path.empty() ? "" : m_path + ": ") + message);
}

// Deepest bracket nesting outside strings; stops counting once past `limit`.
int jsonNestingDepth(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return depth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

// "[json.exception.parse_error.101] parse error at line 1, column 3: ..." -> "parse error at line 1, ...".
std::string jsonErrorText(const char* what)
{
    std::string message = what;
    if (!message.empty() && message.front() == '[') {
        auto end = message.find("] ");
        if (end != std::string::npos)
            message.erase(0, end + 2);
    }
    return message;
}

Json parseJson(std::string_view text, const std::string& context, std::size_t maxBytes)
{
    JsonLocation root(context);
    if (text.size() > maxBytes)
        root.fail("JSON text of " + std::to_string(text.size()) + " bytes is too large (the limit is " +
                  std::to_string(maxBytes) + ")");
    if (jsonNestingDepth(text, kMaxJsonDepth) > kMaxJsonDepth)
        root.fail("JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::exception& e) {
        root.fail("invalid JSON: " + jsonErrorText(e.what()));
    }
}

std::string dumpJson(const Json& value, int indent, const std::string& context)
{
    try {
        return value.dump(indent);
    } catch (const Json::exception& e) {
        throw NeuriteError(context + ": cannot write JSON: " + jsonErrorText(e.what()));
    }
}

const Json& expectObject(const Json& value, const JsonLocation& at)
{
    if (!value.is_object())
        at.fail("expected an object");
    return value;
}

const Json& expectArray(const Json& value, const JsonLocation& at)
{
    if (!value.is_array())
        at.fail("expected an array");
    return value;
}

const Json* optionalMember(const Json& object, const std::string& key, const JsonLocation& at)
{
    expectObject(object, at);
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const Json& member(const Json& object, const std::string& key, const JsonLocation& at)
{
    const Json* value = optionalMember(object, key, at);
    if (!value)
        at.fail("missing \"" + key + "\"");
    return *value;
}

std::string expectString(const Json& value, const JsonLocation& at)
{
    if (!value.is_string())
        at.fail("expected a string");
    return value.get<std::string>();
}

bool expectBool(const Json& value, const JsonLocation& at)
{
    if (!value.is_boolean())
        at.fail("expected true or false");
    return value.get<bool>();
}

double expectNumber(const Json& value, const JsonLocation& at)
{
    if (!value.is_number())
        at.fail("expected a number");
    double number = value.get<double>();
    if (!std::isfinite(number))
        at.fail("expected a finite number");
    return number;
}

float expectFloat(const Json& value, const JsonLocation& at)
{
    double number = expectNumber(value, at);
    if (std::fabs(number) > double(std::numeric_limits<float>::max()))
        at.fail("number is out of range");
    return float(number);
}

std::int64_t expectInteger(const Json& value, const JsonLocation& at, std::int64_t minimum, std::int64_t maximum)
{
    const std::string expected = "expected a whole number from " + std::to_string(minimum) + " to " +
                                 std::to_string(maximum);
    if (value.is_number_unsigned()) {
        auto number = value.get<std::uint64_t>();
        if (number > std::uint64_t(maximum) || (minimum > 0 && number < std::uint64_t(minimum)))
            at.fail(expected);
        return std::int64_t(number);
    }
    if (value.is_number_integer()) {
        auto number = value.get<std::int64_t>();
        if (number < minimum || number > maximum)
            at.fail(expected);
        return number;
    }
    if (value.is_number_float()) {
        double number = value.get<double>();
        // Both bounds are compared as doubles; a whole double inside them converts exactly.
        if (number != std::trunc(number) || !(number >= double(minimum) && number <= double(maximum)) ||
            std::fabs(number) >= 9007199254740992.0)
            at.fail(expected);
        return std::int64_t(number);
    }
    at.fail(expected);
}

std::uint64_t expectUnsigned(const Json& value, const JsonLocation& at)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
        return std::uint64_t(value.get<std::int64_t>());
    at.fail("expected a whole number from 0 to " + std::to_string(std::numeric_limits<std::uint64_t>::max()));
}

Json numberToJson(double value)
{
    // Whole numbers within double's exact integer range print as "128" rather than "128.0"; -0 stays a double.
    bool negativeZero = value == 0 && std::signbit(value);
    if (value == std::trunc(value) && std::fabs(value) < 9007199254740992.0 && !negativeZero)
        return Json(std::int64_t(value));
    return Json(value);
}

Json floatToJson(float value)
{
    // The shortest decimal for the float is usually far shorter than the one for double(value). It is used
    // only when it provably reads back (through double) to the same float.
    char text[64];
    auto written = std::to_chars(text, text + sizeof text, value);
    double shortest = 0;
    auto read = std::from_chars(text, written.ptr, shortest);
    if (read.ec != std::errc() || float(shortest) != value || std::signbit(shortest) != std::signbit(value))
        shortest = double(value);
    return numberToJson(shortest);
}

Json nullableNumberToJson(double value)
{
    if (std::isnan(value))
        return Json(nullptr);
    if (std::isinf(value))
        return Json(value > 0 ? "Infinity" : "-Infinity");
    return numberToJson(value);
}

Json nullableNumberToJson(float value)
{
    if (!std::isfinite(value))
        return nullableNumberToJson(double(value));
    return floatToJson(value);
}

double nullableDoubleFromJson(const Json& value, const JsonLocation& at)
{
    if (value.is_null())
        return std::numeric_limits<double>::quiet_NaN();
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (text == "Infinity")
            return std::numeric_limits<double>::infinity();
        if (text == "-Infinity")
            return -std::numeric_limits<double>::infinity();
    }
    if (!value.is_number())
        at.fail("expected a number or null");
    return value.get<double>();
}

float nullableFloatFromJson(const Json& value, const JsonLocation& at)
{
    double number = nullableDoubleFromJson(value, at);
    if (std::isfinite(number) && std::fabs(number) > double(std::numeric_limits<float>::max()))
        at.fail("number is out of range");
    return float(number);
}

} // namespace neurite
