// What one table cell holds: nothing (a missing value), a number, or text. The one place that decides it,
// for loading a table and for encoding raw rows at prediction time alike.
#pragma once

#include <string>
#include <string_view>

namespace neurite {

enum class CellKind { Missing, Number, NonFinite, Text };

struct CellValue {
    CellKind kind = CellKind::Missing;
    double number = 0; // for Number
};

// Empty cells and the usual markers of a missing value: NA, N/A, n/a, NaN, nan, NULL, null, None, #N/A, ?,
// <NA> (spaces around them ignored).
bool isMissingCell(std::string_view text);

// Missing, a finite number ("-1.5e3", "+2", " 7 "), a number too large or infinite ("1e999", "inf"), or
// text. `decimalComma` (files separated by ';') also reads "1,5" as 1.5.
CellValue parseCell(std::string_view text, bool decimalComma);

// The shortest text that reads back as `value` ("0.1", "3", "1e+300", "-0").
std::string numberText(double value);

// The name of a class read as a number: its shortest text ("1.0" is class "1"); -0 is class "0", being the
// same number (a column holding both has one class, and either spelling finds it).
std::string classNameOfNumber(double value);

} // namespace neurite
