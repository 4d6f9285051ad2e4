// The ReLU layer type: Rectified linear unit: max(0, x).
#include "layers/ActivationType.h"

namespace neurite {
namespace {

class ReLUType final : public ActivationType<NoOptions> {
public:
    ReLUType()
        : ActivationType({.name = "ReLU", .description = "Rectified linear unit: max(0, x)."}, noOptions(),
                         Activation::ReLU)
    {
    }
};

} // namespace

const LayerKind& reluLayerType()
{
    static const ReLUType type;
    return type;
}

} // namespace neurite
