// Whether a design fits a data set: the Input's shape against the samples, the Output against the classes
// (or, for a regression, against one value learnt with the MSE loss).
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Dataset.h"
#include "neurite/PlaneData.h"
#include "neurite/Tensor.h"
#include "neurite/Validation.h"

#include <optional>
#include <string>
#include <vector>

namespace neurite {

// What a design must agree with about a data set, known before (or without) loading its images.
struct DataFacts {
    std::string name; // "mnist-10k", or a folder: how the messages name it
    Shape imageShape; // one sample, e.g. {1, 28, 28}; a table row of n encoded values is flat(n)
    int classes = 0;  // 0 for a regression
    TaskKind task = TaskKind::Classification;
    bool table = false; // samples are encoded table rows
    bool operator==(const DataFacts&) const = default;
};

// The facts of a named data set (dataSetNames()) without reading its files (the built-in tables are read
// from memory); nullopt for a folder or file, known only once it is loaded.
std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder);
// The same, a generated two-dimensional set made with `plane` (its features are its inputs, blobs has
// plane.classes classes).
std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder, const PlaneDataOptions& plane);
// The facts of a loaded data set.
DataFacts dataFactsOf(const Dataset& data);

// Problems a design has with `data`, each naming the layer and saying what to change ("Input 'input' is
// 3x28x28 but mnist-10k has 1x28x28 images: set Channels to 1"). Empty when the design itself does not
// compile (validate() reports that) or when it fits. Errors: an Input of another size than the images,
// an Output fed another number of values than there are classes (the trainer refuses fewer; more would
// never be right); for a regression, an Output fed more than one value or trained with cross-entropy.
// Warnings: a loss that does not suit the task (MSE over many classes), a regression whose last layer
// squashes its output (ReLU, sigmoid, ...). Pure.
std::vector<ValidationIssue> checkDesignAgainstData(const NetworkSpec& spec, const DataFacts& data);

} // namespace neurite
