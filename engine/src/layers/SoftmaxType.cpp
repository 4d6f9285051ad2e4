// The Softmax layer type: Turns scores into class probabilities that sum to 1.
#include "layers/ActivationType.h"

namespace neurite {
namespace {

class SoftmaxType final : public ActivationType<NoOptions> {
public:
    SoftmaxType()
        : ActivationType({.name = "Softmax", .description = "Turns scores into class probabilities that sum to 1."},
                         noOptions(), Activation::Softmax)
    {
    }
};

} // namespace

const LayerKind& softmaxLayerType()
{
    static const SoftmaxType type;
    return type;
}

} // namespace neurite
