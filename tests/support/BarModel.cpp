#include "BarModel.h"

#include "neurite/NetworkSpec.h"

#include <cmath>

namespace neurite::test {

std::shared_ptr<Network> barModel(float horizontalWeight, std::vector<float>* weightsOut)
{
    constexpr int kSide = 28;
    auto network = std::make_shared<Network>(*preset("logistic"));
    NamedTensor w{"dense1.weight", 784, 10, std::vector<float>(784 * 10, 0.0f)};
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const int p = y * kSide + x;
            if (std::abs(x - 14) <= 2 && std::abs(y - 14) > 4)
                w.values[std::size_t(p) * 10 + 1] = 0.3f;
            if (std::abs(y - 14) <= 2 && std::abs(x - 14) > 4)
                w.values[std::size_t(p) * 10 + 4] = horizontalWeight;
        }
    network->setWeights({w, NamedTensor{"dense1.bias", 1, 10, std::vector<float>(10, 0.0f)}});
    if (weightsOut)
        *weightsOut = w.values;
    return network;
}

} // namespace neurite::test
