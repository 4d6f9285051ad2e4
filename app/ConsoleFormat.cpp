// Formatting helpers (plain printf-style, no locale surprises).
#include "ConsoleFormat.h"

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace neurite::cli {

std::string withThousands(double value)
{
    const long long n = std::llround(value);
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(std::size_t(i), ",");
    return (n < 0 ? "-" : "") + digits;
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string significant(double value, int digits)
{
    if (std::isnan(value))
        return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

std::string percent(double fraction, int decimals)
{
    return std::isnan(fraction) ? "-" : fixed(fraction * 100.0, decimals) + "%";
}

std::string duration(double seconds)
{
    const long s = std::lround(std::max(0.0, seconds));
    char buffer[32];
    if (s >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
    return buffer;
}

bool stdoutIsTerminal()
{
    return isatty(STDOUT_FILENO) != 0;
}

std::string padRight(const std::string& text, std::size_t width)
{
    std::size_t characters = 0;
    for (unsigned char c : text)
        characters += (c & 0xC0) != 0x80 ? 1 : 0; // count lead bytes only
    return characters >= width ? text + " " : text + std::string(width - characters, ' ');
}

} // namespace neurite::cli
