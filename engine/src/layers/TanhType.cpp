// The Tanh layer type: Hyperbolic tangent.
#include "layers/ActivationType.h"

namespace neurite {
namespace {

class TanhType final : public ActivationType<NoOptions> {
public:
    TanhType() : ActivationType({.name = "Tanh", .description = "Hyperbolic tangent."}, noOptions(), Activation::Tanh)
    {
    }
};

} // namespace

const LayerKind& tanhLayerType()
{
    static const TanhType type;
    return type;
}

} // namespace neurite
