// Reading a cell's value with std::from_chars: locale-independent, exact, and fast enough for millions of cells.
#include "data/TableCells.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace neurite {

namespace {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Whether a number outside double's range is too small (an exponent below -308, read as 0) rather than
// too large.
bool underflows(std::string_view text)
{
    const std::size_t e = text.find_first_of("eE");
    return e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
}

// The whole of `text` as a number, or false. `finite` says whether it fits a double.
bool readNumber(std::string_view text, double& value, bool& finite)
{
    if (!text.empty() && text.front() == '+') { // from_chars takes a minus sign only
        text.remove_prefix(1);
        if (text.empty() || text.front() == '-' || text.front() == '+')
            return false;
    }
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (stop != end || text.empty())
        return false;
    if (error == std::errc::result_out_of_range) {
        finite = underflows(text);
        value = finite ? 0.0 : HUGE_VAL;
        return true;
    }
    if (error != std::errc())
        return false;
    finite = std::isfinite(value);
    return true;
}

} // namespace

bool isMissingCell(std::string_view text)
{
    static constexpr std::array<std::string_view, 12> kMarkers = {"NA",   "N/A",  "n/a",  "NaN", "nan",  "NULL",
                                                                  "null", "None", "#N/A", "?",   "<NA>", "-nan"};
    text = trimmed(text);
    return text.empty() || std::find(kMarkers.begin(), kMarkers.end(), text) != kMarkers.end();
}

CellValue parseCell(std::string_view text, bool decimalComma)
{
    text = trimmed(text);
    if (isMissingCell(text))
        return {CellKind::Missing, 0};
    // Only text that starts like a number is tried: most text cells are rejected by this one look.
    const char c = text.front();
    const bool numberLike = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'i' || c == 'I';
    if (!numberLike)
        return {CellKind::Text, 0};
    double value = 0;
    bool finite = true;
    if (readNumber(text, value, finite))
        return {finite ? CellKind::Number : CellKind::NonFinite, value};
    const std::size_t comma = text.find(',');
    if (decimalComma && comma != std::string_view::npos && text.find(',', comma + 1) == std::string_view::npos &&
        text.find('.') == std::string_view::npos && text.size() < 64) {
        std::array<char, 64> copy{};
        std::copy(text.begin(), text.end(), copy.begin());
        copy[comma] = '.';
        if (readNumber(std::string_view(copy.data(), text.size()), value, finite))
            return {finite ? CellKind::Number : CellKind::NonFinite, value};
    }
    return {CellKind::Text, 0};
}

std::string numberText(double value)
{
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return error == std::errc() ? std::string(buffer.data(), end) : std::string("?");
}

std::string classNameOfNumber(double value)
{
    return numberText(value == 0 ? 0.0 : value);
}

} // namespace neurite
