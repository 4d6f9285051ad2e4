// The Sigmoid layer type: Logistic sigmoid: 1 / (1 + exp(-x)).
#include "layers/ActivationType.h"

namespace neurite {
namespace {

class SigmoidType final : public ActivationType<NoOptions> {
public:
    SigmoidType()
        : ActivationType({.name = "Sigmoid", .description = "Logistic sigmoid: 1 / (1 + exp(-x))."}, noOptions(),
                         Activation::Sigmoid)
    {
    }
};

} // namespace

const LayerKind& sigmoidLayerType()
{
    static const SigmoidType type;
    return type;
}

} // namespace neurite
