// The AvgPool2D layer type: the mean of each window, per channel.
#include "layers/AvgPool2DLayer.h"
#include "layers/PoolType.h"

namespace neurite {
namespace {

class AvgPool2DType final : public PoolType {
public:
    AvgPool2DType()
        : PoolType({.name = "AvgPool2D", .description = "Average pooling: the mean of each window, per channel."},
                   {"AveragePool", "AvgPool2d", true})
    {
    }

    std::unique_ptr<Layer> make(const PlanStep& step, std::uint64_t) const override
    {
        return std::make_unique<AvgPool2DLayer>(geometry(step.layer, step.inputShape()));
    }
};

} // namespace

const LayerKind& avgPool2DLayerType()
{
    static const AvgPool2DType type;
    return type;
}

} // namespace neurite
