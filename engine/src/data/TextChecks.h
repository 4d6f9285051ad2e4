// Whether bytes are text a table may hold: UTF-8 without NUL bytes.
#pragma once

#include <string_view>

namespace neurite {

enum class TextProblem { None, NulByte, InvalidUtf8 };

// Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF). Plain ASCII, which almost
// every cell is, takes one quick pass.
inline TextProblem checkText(std::string_view text)
{
    // c - 1 wraps a NUL to 255, so one comparison finds both NUL and non-ASCII bytes.
    bool plain = true;
    for (char c : text)
        plain &= static_cast<unsigned char>(static_cast<unsigned char>(c) - 1) < 0x7f;
    if (plain)
        return TextProblem::None;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c == 0)
            return TextProblem::NulByte;
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The lead byte says how many continuation bytes follow and the range of the first one.
        int extra = 0;
        unsigned lowest = 0x80, highest = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            lowest = c == 0xe0 ? 0xa0 : 0x80;  // no overlong forms
            highest = c == 0xed ? 0x9f : 0xbf; // no surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            lowest = c == 0xf0 ? 0x90 : 0x80;
            highest = c == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
        } else {
            return TextProblem::InvalidUtf8;
        }
        if (n - i <= std::size_t(extra) || s[i + 1] < lowest || s[i + 1] > highest)
            return TextProblem::InvalidUtf8;
        for (int k = 2; k <= extra; ++k)
            if (s[i + std::size_t(k)] < 0x80 || s[i + std::size_t(k)] > 0xbf)
                return TextProblem::InvalidUtf8;
        i += std::size_t(extra) + 1;
    }
    return TextProblem::None;
}

} // namespace neurite
