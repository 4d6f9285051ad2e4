// The Output layer type: the network's output and the loss it is trained with.
#include "layers/LayerKind.h"

namespace neurite {
namespace {

struct OutputOptions {
    LossKind loss = LossKind::CrossEntropy;
};

const OptionTable<OutputOptions>& outputOptions()
{
    static const OptionTable<OutputOptions> table{
        choiceOption("loss", "Loss", &OutputOptions::loss,
                     ChoiceNames<LossKind>{{"cross_entropy", LossKind::CrossEntropy},
                                           {"mse", LossKind::MeanSquaredError}},
                     "Cross-entropy over class labels (softmax applied), or mean squared error: against one-hot "
                     "targets for classes, against the value itself for a regression (a table whose target is a "
                     "number; one output unit)"),
    };
    return table;
}

class OutputType final : public LayerKindOf<OutputOptions> {
public:
    OutputType()
        : LayerKindOf({.name = "Output",
                       .category = "Output",
                       .description = "The network's output and the loss it is trained with.",
                       .role = LayerRole::Output},
                      outputOptions())
    {
    }

    bool infer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts,
               std::string& error) const override
    {
        const Shape& in = inputs.at(0);
        facts.outputShape = in;
        if (options(layer).loss == LossKind::CrossEntropy && in.size() < 2) {
            error = layerLabel(layer) + ": cross-entropy needs at least 2 classes, but its input has shape " +
                    in.toString() + ". Give the last Dense layer one unit per class.";
            return false;
        }
        return true;
    }

    std::string caption(const LayerSpec& layer) const override
    {
        return options(layer).loss == LossKind::MeanSquaredError ? "Output \u00b7 MSE" : "Output \u00b7 Cross-entropy";
    }

    std::optional<LossKind> loss(const LayerSpec& layer) const override { return options(layer).loss; }
};

} // namespace

const LayerKind& outputLayerType()
{
    static const OutputType type;
    return type;
}

} // namespace neurite
