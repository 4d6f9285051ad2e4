// Number and time formatting for the command line's tables and progress lines.
#pragma once

#include <string>

namespace neurite::cli {

std::string withThousands(double value);                // 152345.6 -> "152,346"
std::string percent(double fraction, int decimals = 2); // 0.9712 -> "97.12%"
std::string fixed(double value, int decimals);
std::string significant(double value, int digits = 4); // 43.21987 -> "43.22", 0.000123456 -> "0.0001235"
std::string duration(double seconds);                  // 75 -> "1:15"
bool stdoutIsTerminal();
// Pads UTF-8 `text` with spaces to `width` characters (code points, so "·" counts as one).
std::string padRight(const std::string& text, std::size_t width);

} // namespace neurite::cli
