// The LeakyReLU layer type: x if x > 0, else alpha * x.
#include "layers/ActivationType.h"
#include "layers/LayerChoices.h"

namespace neurite {
namespace {

struct LeakyReLUOptions {
    float alpha = 0.01f;
};

const OptionTable<LeakyReLUOptions>& leakyReLUOptions()
{
    static const OptionTable<LeakyReLUOptions> table{
        realOption("alpha", "Alpha", 0, 1, &LeakyReLUOptions::alpha, "Slope for negative inputs"),
    };
    return table;
}

class LeakyReLUType final : public ActivationType<LeakyReLUOptions> {
public:
    LeakyReLUType()
        : ActivationType({.name = "LeakyReLU", .description = "Leaky ReLU: x if x > 0, else alpha * x."},
                         leakyReLUOptions(), Activation::LeakyReLU)
    {
    }

    std::string caption(const LayerSpec& layer) const override { return "LeakyReLU " + numberCaption(alpha(layer)); }

protected:
    float alpha(const LayerSpec& layer) const override { return options(layer).alpha; }
};

} // namespace

const LayerKind& leakyReluLayerType()
{
    static const LeakyReLUType type;
    return type;
}

} // namespace neurite
