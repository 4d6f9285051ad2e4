// The compiled design: one validated, pruned, ordered plan that the network, the exporters and
// validation all read, so that none of them repeats the pipeline from NetworkSpec to layers.
#pragma once

#include "neurite/LossKind.h"
#include "neurite/Weights.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <string>
#include <vector>

namespace neurite {

class LayerKind;

// One layer between the Input and the Output, as it runs.
struct PlanStep {
    const LayerKind* kind = nullptr;
    LayerSpec layer;                 // as designed; the kind reads its typed options from it
    std::vector<std::string> inputs; // the layer (a step or the Input) feeding each port
    std::vector<Shape> inputShapes;  // one per port
    LayerFacts facts;                // output shape, parameters, multiply-adds
    bool softmaxFolded = false;      // its softmax is applied once, by the cross-entropy head

    const std::string& id() const { return layer.id; }
    const Shape& inputShape() const { return inputShapes.at(0); }
    const Shape& outputShape() const { return facts.outputShape; }
};

struct DesignPlan {
    ValidationReport report; // every problem; the fields below are set only when report.ok()
    std::string inputId;
    Shape inputShape;
    std::vector<PlanStep> steps; // topological order; only what leads to the Output; no Input, no Output
    std::string finalId;         // the step (or the Input) whose output feeds the Output layer
    int outputSize = 0;
    LossKind loss = LossKind::CrossEntropy;
    bool softmaxHead = false; // cross-entropy: predictions are softmax(final output)

    bool ok() const { return report.ok(); }
};

// Checks `spec` and, when it is sound, plans it. Never throws.
DesignPlan compileDesign(const NetworkSpec& spec);
// The same, throwing NeuriteError "The design has problems:" with every error when it is not sound.
DesignPlan compileValidDesign(const NetworkSpec& spec);

} // namespace neurite
