// Checks a design before it is built: types, options, wiring, cycles and shapes.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Tensor.h"

#include <map>
#include <string>
#include <vector>

namespace neurite {

struct ValidationIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string layerId; // the layer concerned; empty for design-wide problems
    std::string field;   // the option or port concerned, if any
    std::string message; // a sentence a user understands, naming the layer
};

struct LayerFacts {
    Shape outputShape;
    long parameters = 0;
    long multiplyAdds = 0; // per sample, forward pass
};

struct ValidationReport {
    std::vector<ValidationIssue> issues;
    std::map<std::string, LayerFacts> layers; // for every layer whose shape could be inferred
    std::vector<std::string> order;           // topological order (when there is no cycle)

    bool ok() const; // no Error (warnings allowed)
    std::vector<ValidationIssue> errors() const;
    long totalParameters() const;
    long totalMultiplyAdds() const;
    std::string errorSummary() const; // all errors, one per line
};

// Infers shapes and reports every problem, each tied to its layer. Never throws.
ValidationReport validate(const NetworkSpec& spec);

} // namespace neurite
