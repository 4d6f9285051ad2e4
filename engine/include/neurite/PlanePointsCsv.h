// The user's two-dimensional points as CSV files: saved from the Train tab or the command line, and any
// table of two numeric columns and a target read as points.
#pragma once

#include "neurite/PaintedPoints.h"

#include <string>

namespace neurite {

// The points as CSV text: the header "x1,x2,label" (class names, quoted where needed) or "x1,x2,value",
// numbers in their shortest form that reads back exactly. Checks the points first (checkPaintedPoints).
std::string planePointsCsv(const PaintedPoints& painted);
// Writes planePointsCsv(painted) to `path`, atomically. Throws NeuriteError naming the file.
void writePlanePointsCsv(const std::string& path, const PaintedPoints& painted);

// Reads a CSV/TSV table (plain or .gz) of two numeric input columns and a target: the column named label,
// class, target, value or y (in that order of preference, any case; y not beside an x), else the last column. A target
// of text, or of at most 8 distinct whole numbers, is classes, named by their text (numbers by their shortest spelling)
// and indexed in sorted order (text by bytes, numbers by value: the order any table's classes take); any other numeric
// target is a regression. Throws NeuriteError naming the file, row and column for an empty file, a third input column,
// a cell that is not a finite number, a missing target, more than 8 classes or more than 100,000 rows.
PaintedPoints readPlanePointsCsv(const std::string& path);

} // namespace neurite
