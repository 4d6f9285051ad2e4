// Predicting a table's raw rows with a trained model: each row encoded with the model's schema
// (TableEncoder), run through the network, and written back as CSV with the prediction appended.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Network.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace neurite {

// One row's prediction: the class with its probabilities, or the value in the target's units.
struct TablePrediction {
    int classIndex = -1;
    std::vector<float> probabilities; // classification: one per class
    double value = 0;                 // regression
};

// The prediction for one encoded row (TableEncoder::width() values).
TablePrediction predictEncodedRow(Network& network, const DataSchema& schema, const float* encoded);

// Reads `rowsFile` (a CSV/TSV table with the model's input columns, found by name; other columns are
// kept and ignored), and writes comma-separated CSV: the input columns as read, then
// "predicted_<target>" and, for classes, "probability_<class>" for each class. `classNames` name the
// classes (the schema's when empty). Returns the number of rows. Throws NeuriteError naming the file,
// row and column of a cell that cannot be encoded, or the input column that is missing.
std::size_t predictTableRows(Network& network, const DataSchema& schema, const std::vector<std::string>& classNames,
                             const std::string& rowsFile, std::ostream& out);
// The same, written atomically to `outPath` (nothing is written when a row fails).
std::size_t predictTableRowsToFile(Network& network, const DataSchema& schema,
                                   const std::vector<std::string>& classNames, const std::string& rowsFile,
                                   const std::string& outPath);

// `text` as one CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

} // namespace neurite
