// How raw data becomes the network's input and how its output is read: the preprocessing a model was
// trained with. It is stored in the project file so that predict, eval, the Predict tab and every export
// apply exactly the same steps.
#pragma once

#include <string>
#include <vector>

namespace neurite {

// What the network learns: a class per sample (softmax + cross-entropy), or a real value (mean squared
// error on the standardised target).
enum class TaskKind { Classification, Regression };

// What a table column is used as.
enum class ColumnRole { Numeric, Categorical, Ignored, Target };
// "numeric", "categorical", "ignored", "target": the names in project files and on the command line.
const char* roleName(ColumnRole role);

// One column of a table as the training split saw it.
struct ColumnEncoding {
    std::string name;
    ColumnRole role = ColumnRole::Numeric;
    double mean = 0;                     // numeric: encoded as (x - mean) / deviation
    double deviation = 1;                // numeric: never 0 (a constant column keeps 1)
    double fill = 0;                     // numeric: the training median, used for missing values
    std::vector<std::string> categories; // categorical: the one-hot order; target: the classes
    std::string fillCategory;            // categorical: the most frequent category, for missing values

    bool operator==(const ColumnEncoding&) const = default;
};

// Images are decoded, converted to grey (1 channel) or RGB (3), and resized to rows x cols.
struct ImageEncoding {
    int channels = 1;
    int rows = 28;
    int cols = 28;
    bool operator==(const ImageEncoding&) const = default;
};

// How an image file (predict, the Predict tab) becomes an image model's input. Digit: found, cropped and
// centred as MNIST's digits were (the IDX data sets and the drawing canvas). Resize: converted and resized
// as a whole, exactly as loadImageFolder converted the training images (models trained on image folders).
enum class ImagePreparation { Digit, Resize };

struct DataSchema {
    enum class Kind { Images, Table };
    Kind kind = Kind::Images;
    TaskKind task = TaskKind::Classification;
    ImageEncoding image; // Kind::Images
    // Kind::Images. Project files without it (saved before image folders) are Digit.
    ImagePreparation imagePreparation = ImagePreparation::Digit;
    std::vector<ColumnEncoding> columns; // Kind::Table: every column of the file, in file order
    // Regression: the network learns (y - targetMean) / targetDeviation; predictions are mapped back.
    double targetMean = 0;
    double targetDeviation = 1;

    // The number of values one encoded table row has (numeric columns count 1, categorical ones a value
    // per category); for images channels * rows * cols.
    int encodedWidth() const;
    // The target column's index in `columns`, or -1.
    int targetColumn() const;
    bool operator==(const DataSchema&) const = default;
};

// A table row's "raw" encoding (numbers as they are, after imputation; each category one-hot) becomes the
// network's input as (raw - offset) / divisor, position by position, in the order of encodedWidth().
// Exports apply this inside the model, so that they take the raw encoding. Empty for images (their
// input is pixels / 255, documented by each export).
struct InputStandardisation {
    std::vector<double> offset;
    std::vector<double> divisor;
    bool empty() const { return offset.empty(); }
};
InputStandardisation inputStandardisation(const DataSchema& schema);

// The schema as JSON text (a stable key order) and back. fromJson throws NeuriteError naming `context`
// (the file) and the field that is missing or wrong.
std::string schemaToJson(const DataSchema& schema);
DataSchema schemaFromJson(const std::string& json, const std::string& context);

} // namespace neurite
