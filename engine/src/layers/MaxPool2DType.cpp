// The MaxPool2D layer type: the largest value of each window, per channel.
#include "layers/MaxPool2DLayer.h"
#include "layers/PoolType.h"

namespace neurite {
namespace {

class MaxPool2DType final : public PoolType {
public:
    MaxPool2DType()
        : PoolType({.name = "MaxPool2D", .description = "Max pooling: the largest value of each window, per channel."},
                   {"MaxPool", "MaxPool2d", false})
    {
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        return std::make_unique<MaxPool2DLayer>(geometry(step.layer, step.inputShape()));
    }
};

} // namespace

const LayerKind& maxPool2DLayerType()
{
    static const MaxPool2DType type;
    return type;
}

} // namespace neurite
