// Trains the quick MNIST test model once per process.
#include "QuickMnistModel.h"

#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Trainer.h"

#include <map>
#include <utility>

namespace neurite::test {

std::optional<QuickMnistModel> quickMnistModel(const std::string& preset, int epochs)
{
    static std::map<std::pair<std::string, int>, QuickMnistModel> cache;
    const auto key = std::make_pair(preset, epochs);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    QuickMnistModel model;
    try {
        model.data = loadDataset("mnist-10k");
    } catch (const NeuriteError&) {
        return std::nullopt;
    }
    model.network = std::make_shared<Network>(*neurite::preset(preset), 1);
    TrainingSettings settings;
    settings.epochs = epochs;
    settings.batchSize = 32;
    settings.seed = 1;
    train(*model.network, model.data, settings);
    model.testAccuracy = evaluate(*model.network, model.data.test, model.data.classCount()).accuracy;
    cache.emplace(key, model);
    return model;
}

} // namespace neurite::test
