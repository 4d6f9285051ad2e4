// NeuronInsight: the top-activating samples against a brute-force pass predicting every sample on its own,
// and the weight images against the weights as the network stores them.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/NeuronInsight.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace neurite;
using namespace neurite::test;

namespace {

// `count` random 28 x 28 grey images with blobs of ink, so that neurons answer them differently.
SampleSet randomImages(int count, std::uint64_t seed)
{
    SampleSet set;
    set.rows = set.cols = 28;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255), place(0, 27);
    set.pixels.assign(std::size_t(count) * 784, 0);
    for (int s = 0; s < count; ++s)
        for (int blob = 0; blob < 30; ++blob)
            set.pixels[std::size_t(s) * 784 + std::size_t(place(rng) * 28 + place(rng))] = std::uint8_t(byte(rng));
    set.labels.assign(std::size_t(count), 0);
    return set;
}

// The neuron's response to every sample, one predictOne at a time, read from Network::activations()
// (the channel's mean computed here).
std::vector<float> bruteForce(Network& network, const SampleSet& set, const std::string& layerId, int index)
{
    std::vector<float> result, input(784), output(std::size_t(network.outputSize()));
    for (std::size_t s = 0; s < set.count(); ++s) {
        for (int i = 0; i < 784; ++i)
            input[std::size_t(i)] = float(set.image(s)[i]) / 255.0f;
        network.predictOne(input.data(), output.data());
        for (const LayerActivation& a : network.activations()) {
            if (a.layerId != layerId)
                continue;
            const long pixels = long(a.shape.height) * a.shape.width;
            double sum = 0;
            for (long p = 0; p < pixels; ++p)
                sum += double(a.values[std::size_t(index * pixels + p)]);
            result.push_back(float(sum / double(pixels)));
        }
    }
    return result;
}

} // namespace

class TestNeuronInsight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsDenseUnitsAndConvChannels()
    {
        Network lenet(*preset("lenet"), 1);
        const std::vector<NeuronLayer> layers = neuronLayers(lenet);
        QVERIFY(layers.size() >= 3);
        QCOMPARE(layers[0].layerId, std::string("conv1"));
        QVERIFY(layers[0].kind == NeuronKind::Channel);
        QCOMPARE(layers[0].count, layers[0].outputShape.channels);
        QCOMPARE(layers[1].layerId, std::string("conv2"));
        QVERIFY(layers[2].kind == NeuronKind::Unit);
        QVERIFY_THROWS_EXCEPTION(NeuriteError, neuronLayer(lenet, {"pool1", 0}));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, neuronLayer(lenet, {"conv1", layers[0].count}));
    }

    void topSamplesAreTheTopOnes_data()
    {
        QTest::addColumn<QString>("design");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("index");
        QTest::newRow("mlp first dense unit") << "mlp"
                                              << "dense1" << 17;
        QTest::newRow("mlp logit") << "mlp"
                                   << "dense3" << 4;
        QTest::newRow("lenet conv1 channel") << "lenet"
                                             << "conv1" << 2;
        QTest::newRow("lenet conv2 channel") << "lenet"
                                             << "conv2" << 5;
    }

    void topSamplesAreTheTopOnes()
    {
        QFETCH(QString, design);
        QFETCH(QString, layer);
        QFETCH(int, index);
        Network network(*preset(design.toStdString()), 7);
        const SampleSet set = randomImages(300, 3);
        // Batches of 64: the last one (300 = 4 * 64 + 44) is short.
        const std::vector<SampleActivation> top = topActivatingSamples(network, set, {layer.toStdString(), index}, 16,
                                                                       {}, 64);
        const std::vector<float> expected = bruteForce(network, set, layer.toStdString(), index);
        QCOMPARE(expected.size(), set.count());
        std::vector<std::size_t> order(expected.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return expected[a] > expected[b]; });
        QCOMPARE(top.size(), std::size_t(16));
        for (std::size_t i = 0; i < 16; ++i) {
            // Batched and one-by-one products may round differently: the same sample, or one as strong.
            QVERIFY(std::abs(top[i].activation - expected[top[i].sample]) <=
                    1e-4f * (1 + std::abs(expected[top[i].sample])));
            QVERIFY(std::abs(expected[top[i].sample] - expected[order[i]]) <=
                    1e-4f * (1 + std::abs(expected[order[i]])));
        }
        QVERIFY(top.front().activation > top.back().activation); // not all the same
    }

    void cancellingStopsEarly()
    {
        Network network(*preset("mlp"), 7);
        int asked = 0;
        const auto top = topActivatingSamples(
            network, randomImages(100, 1), {"dense1", 0}, 16, [&] { return ++asked > 1; }, 10);
        QVERIFY(top.empty());
        QCOMPARE(asked, 2);
    }

    void wrongSamplesAreAnError()
    {
        Network network(*preset("mlp"), 7);
        SampleSet small = randomImages(5, 1);
        small.rows = small.cols = 14;
        QVERIFY_THROWS_EXCEPTION(NeuriteError, topActivatingSamples(network, small, {"dense1", 0}));
    }

    void firstDenseUnitWeightsAreItsColumn()
    {
        Network network(*preset("mlp"), 5);
        const std::optional<WeightImage> image = neuronWeightImage(network, {"dense1", 9});
        QVERIFY(image);
        QCOMPARE(image->shape, (Shape{1, 28, 28}));
        const Weights weights = network.weights();
        const NamedTensor& w = *std::find_if(weights.begin(), weights.end(),
                                             [](const NamedTensor& t) { return t.name == "dense1.weight"; });
        for (int i = 0; i < 784; ++i)
            QCOMPARE(image->values[std::size_t(i)], w.values[std::size_t(i * w.cols + 9)]);
        // A deeper layer's weights mix features, not pixels.
        QVERIFY(!neuronWeightImage(network, {"dense2", 0}));
    }

    void firstConvKernelsAreTheFilters()
    {
        Network network(*preset("lenet"), 5);
        const std::optional<LayerKernels> kernels = firstLayerKernels(network);
        QVERIFY(kernels);
        QCOMPARE(kernels->layerId, std::string("conv1"));
        const Weights weights = network.weights();
        const NamedTensor& w = *std::find_if(weights.begin(), weights.end(),
                                             [](const NamedTensor& t) { return t.name == "conv1.weight"; });
        QCOMPARE(int(kernels->kernels.size()), w.rows);
        const WeightImage& third = kernels->kernels[2];
        QCOMPARE(third.shape.channels, 1);
        QCOMPARE(third.shape.height * third.shape.width, w.cols);
        for (int i = 0; i < w.cols; ++i)
            QCOMPARE(third.values[std::size_t(i)], w.values[std::size_t(2 * w.cols + i)]);
        QVERIFY(!neuronWeightImage(network, {"conv2", 0}));
        Network mlp(*preset("mlp"), 5);
        QVERIFY(!firstLayerKernels(mlp));
    }
};

QTEST_GUILESS_MAIN(TestNeuronInsight)
#include "tst_neuroninsight.moc"
