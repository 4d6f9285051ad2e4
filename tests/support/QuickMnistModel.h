// A real MNIST model trained in seconds, for tests that need sensible predictions (skipped without data).
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Network.h"

#include <memory>
#include <optional>
#include <string>

namespace neurite::test {

struct QuickMnistModel {
    std::shared_ptr<Network> network;
    Dataset data;
    float testAccuracy = 0;
};

// Trains preset `preset` ("mlp" or "logistic") on mnist-10k with Adam for `epochs` epochs, seed 1.
// Nothing when mnist-10k has not been prepared. The result is cached per preset and epoch count.
std::optional<QuickMnistModel> quickMnistModel(const std::string& preset = "mlp", int epochs = 3);

} // namespace neurite::test
