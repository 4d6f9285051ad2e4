// Whether a design fits a data set: the Input's shape against the images, the Output against the classes.
#pragma once

#include "neurite/Tensor.h"
#include "neurite/Validation.h"

#include <optional>
#include <string>
#include <vector>

namespace neurite {

// What a design must agree with about a data set, known before (or without) loading its images.
struct DataFacts {
    std::string name; // "mnist-10k", or a folder: how the messages name it
    Shape imageShape; // one sample, e.g. {1, 28, 28}
    int classes = 0;
    bool operator==(const DataFacts&) const = default;
};

// The facts of a named data set (dataSetNames()) without reading it; nullopt for a folder, whose
// images are known only once it is loaded.
std::optional<DataFacts> knownDataFacts(const std::string& nameOrFolder);

// Problems a design has with `data`, each naming the layer and saying what to change ("Input 'input' is
// 3x28x28 but mnist-10k has 1x28x28 images: set Channels to 1"). Empty when the design itself does not
// compile (validate() reports that) or when it fits. Errors: an Input of another size than the images,
// an Output fed another number of values than there are classes (the trainer refuses fewer; more would
// never be right). Warning: a loss that does not suit the task (MSE over many classes). Pure.
std::vector<ValidationIssue> checkDesignAgainstData(const NetworkSpec& spec, const DataFacts& data);

} // namespace neurite
