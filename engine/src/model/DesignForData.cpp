// Choosing a design and settings from the data: one function per data kind, dispatched on the schema.
#include "neurite/DesignForData.h"

#include "model/DesignPlan.h"
#include "neurite/LayerRegistry.h"
#include "neurite/PlaneData.h"

#include <algorithm>
#include <cmath>

namespace neurite {

namespace {

// Tables of fewer training rows than this get dropout after each hidden layer.
constexpr std::size_t kSmallTable = 5000;
// The most convolution blocks (convolution + pooling) the design for an image folder has.
constexpr int kMaxConvolutionBlocks = 5;

LayerSpec layer(const std::string& id, const std::string& type, LayerOptions options)
{
    return {id, type, std::move(options)};
}

// The last layers of a design for `data`: the classes with softmax and cross-entropy, or one linear unit
// learnt with the mean squared error.
void addHead(NetworkSpec& spec, const Dataset& data, const std::string& from)
{
    const bool regression = data.task() == TaskKind::Regression;
    const double units = regression ? 1 : data.classCount();
    spec.layers.push_back(layer("dense3", "Dense",
                                {{"units", units},
                                 {"activation", std::string(regression ? "linear" : "softmax")},
                                 {"init", std::string("auto")},
                                 {"bias", 1.0}}));
    spec.layers.push_back(layer("output", "Output", {{"loss", std::string(regression ? "mse" : "cross_entropy")}}));
    spec.connections.push_back({from, "dense3", 0});
    spec.connections.push_back({"dense3", "output", 0});
}

// Two ReLU hidden layers: the first about twice as wide as the input (32 to 256 units, a power of two),
// the second half as wide; dropout after each when the table is small. (Over ten splits each of iris,
// wine, breast cancer and diabetes, 30% dropout on 32-16 units beat 10% on 16-8 and none on 32-16.)
NetworkSpec tableDesign(const Dataset& data)
{
    const int features = data.train.valuesPerSample();
    int first = 32;
    while (first < 2 * features && first < 256)
        first *= 2;
    const int second = std::max(8, first / 2);
    const bool dropout = data.train.count() < kSmallTable;
    NetworkSpec spec;
    spec.layers.push_back(layer("input", "Input", {{"channels", double(features)}, {"height", 1.0}, {"width", 1.0}}));
    std::string previous = "input";
    for (int i = 1; i <= 2; ++i) {
        const std::string dense = "dense" + std::to_string(i);
        spec.layers.push_back(layer(dense, "Dense",
                                    {{"units", double(i == 1 ? first : second)},
                                     {"activation", std::string("relu")},
                                     {"init", std::string("auto")},
                                     {"bias", 1.0}}));
        spec.connections.push_back({previous, dense, 0});
        previous = dense;
        if (dropout) {
            const std::string drop = "dropout" + std::to_string(i);
            spec.layers.push_back(layer(drop, "Dropout", {{"rate", 0.3}}));
            spec.connections.push_back({previous, drop, 0});
            previous = drop;
        }
    }
    addHead(spec, data, previous);
    return spec;
}

// What learns a generated two-dimensional set (spiral the hardest): two tanh layers of kPlaneUnits, as
// Playground's spiral needs a few layers of smooth units, without dropout (the shapes are exact). The Input
// has one value per chosen feature (x1, x2, x1², ...).
constexpr int kPlaneUnits = 16;

NetworkSpec planeDesign(const Dataset& data)
{
    NetworkSpec spec;
    spec.layers.push_back(
        layer("input", "Input", {{"channels", double(data.train.valuesPerSample())}, {"height", 1.0}, {"width", 1.0}}));
    std::string previous = "input";
    for (int i = 1; i <= 2; ++i) {
        const std::string dense = "dense" + std::to_string(i);
        spec.layers.push_back(layer(dense, "Dense",
                                    {{"units", double(kPlaneUnits)},
                                     {"activation", std::string("tanh")},
                                     {"init", std::string("auto")},
                                     {"bias", 1.0}}));
        spec.connections.push_back({previous, dense, 0});
        previous = dense;
    }
    addHead(spec, data, previous);
    return spec;
}

// Convolution blocks (3x3 "same" convolutions of 16, 32, 64, 64... filters with ReLU, each followed by 2x2
// max pooling) while the image is at least 8 pixels a side, at most five, so that about 8x8 positions reach
// the 64-unit Dense layer whatever the size; the channels are the data's (grey or RGB).
NetworkSpec convolutionDesign(const Dataset& data)
{
    const Shape shape = data.inputShape();
    NetworkSpec spec;
    spec.layers.push_back(layer(
        "input", "Input",
        {{"channels", double(shape.channels)}, {"height", double(shape.height)}, {"width", double(shape.width)}}));
    std::string previous = "input";
    int side = std::min(shape.height, shape.width);
    for (int block = 1; block <= kMaxConvolutionBlocks && (block == 1 || side >= 8); ++block) {
        const std::string conv = "conv" + std::to_string(block), pool = "pool" + std::to_string(block);
        spec.layers.push_back(layer(conv, "Conv2D",
                                    {{"filters", double(std::min(64, 8 << block))},
                                     {"kernel", 3.0},
                                     {"stride", 1.0},
                                     {"padding", std::string("same")},
                                     {"pad", 0.0},
                                     {"activation", std::string("relu")},
                                     {"init", std::string("auto")},
                                     {"bias", 1.0}}));
        spec.connections.push_back({previous, conv, 0});
        previous = conv;
        if (side < 8)
            break; // too small to pool: one convolution straight into the Dense layers
        spec.layers.push_back(layer(pool, "MaxPool2D", {{"size", 2.0}, {"stride", 0.0}}));
        spec.connections.push_back({previous, pool, 0});
        previous = pool;
        side /= 2;
    }
    spec.layers.push_back(layer("flatten", "Flatten", {}));
    spec.connections.push_back({previous, "flatten", 0});
    spec.layers.push_back(
        layer("dense1", "Dense",
              {{"units", 64.0}, {"activation", std::string("relu")}, {"init", std::string("auto")}, {"bias", 1.0}}));
    spec.connections.push_back({"flatten", "dense1", 0});
    addHead(spec, data, "dense1");
    return spec;
}

// Image folders get a small CNN sized to their images; the IDX digit sets keep the reference MLP, which
// reaches about 97% on mnist-10k and is what their tutorials describe.
NetworkSpec imageDesign(const Dataset& data)
{
    if (data.schema.imagePreparation == ImagePreparation::Resize)
        return convolutionDesign(data);
    return adaptDesignToData(*preset("mlp"), data);
}

// Enough optimiser steps to converge on a small table (about 5,000, within 5 to 500 epochs), stopped
// early once the validation loss has not improved for a tenth of them.
TrainingSettings tableSettings(const Dataset& data, TrainingSettings settings)
{
    const std::size_t rows = data.train.count();
    settings.batchSize = rows < 1000 ? 16 : rows < 20000 ? 32 : 128;
    settings.validationSplit = rows >= 30 ? 0.2f : 0.0f;
    const double trained = double(rows) * (1.0 - settings.validationSplit);
    const double batches = std::max(1.0, std::ceil(trained / settings.batchSize));
    settings.epochs = int(std::clamp(std::ceil(5000.0 / batches), 5.0, 500.0));
    settings.earlyStoppingPatience = settings.validationSplit > 0 ? std::clamp(settings.epochs / 10, 3, 30) : 0;
    return settings;
}

// A generated set: Playground's batch of 10 and Adam at 0.01, for about kPlaneSteps optimiser steps (1,000
// epochs of the default 250 training points: spiral leaves its plateau at 50% after 300 to 900 of them,
// depending on the seed), with no validation split, since the test half is held out already.
constexpr double kPlaneSteps = 25000;

TrainingSettings planeSettings(const Dataset& data, TrainingSettings settings)
{
    settings.batchSize = 10;
    settings.optimizer.learningRate = 0.01f;
    const double batches = std::max(1.0, std::ceil(double(data.train.count()) / settings.batchSize));
    settings.epochs = int(std::clamp(std::ceil(kPlaneSteps / batches), 10.0, 1000.0));
    settings.validationSplit = 0;
    settings.earlyStoppingPatience = 0;
    return settings;
}

} // namespace

NetworkSpec designForData(const Dataset& data)
{
    if (isPlaneDataSet(data.name))
        return planeDesign(data);
    if (data.schema.kind == DataSchema::Kind::Table)
        return tableDesign(data);
    return imageDesign(data);
}

TrainingSettings settingsForData(const Dataset& data, TrainingSettings base)
{
    base.dataSet = data.name;
    if (isPlaneDataSet(data.name))
        return planeSettings(data, base);
    if (data.schema.kind == DataSchema::Kind::Table)
        return tableSettings(data, base);
    return base;
}

NetworkSpec adaptDesignToData(NetworkSpec spec, const Dataset& data)
{
    const Shape shape = data.inputShape();
    const bool regression = data.task() == TaskKind::Regression;
    for (LayerSpec& layer : spec.layers) {
        const LayerRole role = layerRole(layer.type);
        if (role == LayerRole::Input) {
            layer.options["channels"] = double(shape.channels);
            layer.options["height"] = double(shape.height);
            layer.options["width"] = double(shape.width);
        } else if (role == LayerRole::Output && regression) {
            layer.options["loss"] = std::string("mse");
        }
    }
    const DesignPlan plan = compileDesign(spec);
    LayerSpec* last = plan.ok() ? spec.find(plan.finalId) : nullptr;
    const LayerTypeInfo* info = last ? findLayerType(last->type) : nullptr;
    if (info && info->unitWeights) {
        last->options["units"] = regression ? 1.0 : double(data.classCount());
        if (regression)
            last->options["activation"] = std::string("linear");
    }
    return spec;
}

} // namespace neurite
