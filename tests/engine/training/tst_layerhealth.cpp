// Layer health during training: the collected statistics against the same statistics computed here from the
// network's weights, gradients and outputs at the same step; thinning of long runs; and the warnings on a deep
// sigmoid MLP against the same design with ReLU and He initialisation on mnist-10k.
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/LayerHealth.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace neurite;
using namespace neurite::test;

namespace {

// Each layer's trained values (or gradients), in the network's parameter order.
std::map<std::string, std::vector<float>> valuesByLayer(Network& network, bool gradients)
{
    std::map<std::string, std::vector<float>> values;
    for (const ParameterRef& p : network.parameters()) {
        const Matrix& m = gradients ? *p.grad : *p.value;
        std::vector<float>& v = values[p.name.substr(0, p.name.rfind('.'))];
        v.insert(v.end(), m.data(), m.data() + m.size());
    }
    return values;
}

// The reference: numpy.percentile's linear method on a fully sorted copy.
float percentile(std::vector<float> v, double p)
{
    std::sort(v.begin(), v.end());
    const double position = p / 100.0 * double(v.size() - 1);
    const std::size_t below = std::size_t(position);
    const std::size_t above = std::min(v.size() - 1, below + 1);
    return float(double(v[below]) + (double(v[above]) - double(v[below])) * (position - double(below)));
}

double norm(const std::vector<float>& v)
{
    double sum = 0;
    for (float x : v)
        sum += double(x) * x;
    return std::sqrt(sum);
}

void compareDistribution(const ValueDistribution& d, const std::vector<float>& values)
{
    for (std::size_t i = 0; i < kHealthPercentiles.size(); ++i)
        QCOMPARE(d.percentiles[i], percentile(values, kHealthPercentiles[i]));
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    std::vector<std::int32_t> counts(kHealthHistogramBins, 0);
    for (float x : values) {
        // All values equal: all in the middle bin.
        const double at = *high > *low ? (double(x) - *low) / (double(*high) - *low) * kHealthHistogramBins
                                       : kHealthHistogramBins / 2;
        ++counts[std::size_t(std::min(kHealthHistogramBins - 1, int(at)))];
    }
    QCOMPARE(d.histogram, counts);
}

// At every sample, recomputes each layer's figures from the network as it stands (the weights after the
// step, its gradients, the batch's outputs) and the weights it kept from the sample before.
class CheckingSink : public ProgressSink {
public:
    explicit CheckingSink(Network& network) : m_network(network), m_before(valuesByLayer(network, false)) {}

    void onHealth(const HealthSample& sample) override
    {
        QVERIFY(sample.step == m_lastStep + 1);
        m_lastStep = sample.step;
        const auto values = valuesByLayer(m_network, false);
        const auto gradients = valuesByLayer(m_network, true);
        QCOMPARE(sample.layers.size(), values.size());
        for (const LayerHealth& layer : sample.layers)
            checkLayer(layer, values.at(layer.layerId), gradients.at(layer.layerId), m_before.at(layer.layerId));
        m_before = values;
        ++samples;
    }

    int samples = 0;
    float deadSeen = 0; // the largest dead share met, so that the check of it is not only of zeros

private:
    void checkLayer(const LayerHealth& layer, const std::vector<float>& values, const std::vector<float>& gradients,
                    const std::vector<float>& before)
    {
        compareDistribution(layer.weights, values);
        compareDistribution(layer.gradients, gradients);
        QVERIFY(std::fabs(layer.weightNorm - norm(values)) <= 1e-6 * norm(values));
        QVERIFY(std::fabs(layer.gradientNorm - norm(gradients)) <= 1e-6 * norm(gradients) + 1e-30);
        std::vector<float> change(values.size());
        for (std::size_t i = 0; i < values.size(); ++i)
            change[i] = values[i] - before[i];
        const double ratio = norm(change) / norm(before);
        QVERIFY2(std::fabs(layer.updateRatio - ratio) <= 1e-4 * ratio, layer.layerId.c_str());
        checkDead(layer);
    }

    // hidden1 has a fused ReLU, hidden2 is linear with a ReLU layer after it, hidden3 a sigmoid (no ReLU).
    void checkDead(const LayerHealth& layer)
    {
        if (layer.layerId == "hidden3" || layer.layerId == "out") {
            QVERIFY(std::isnan(layer.deadFraction));
            return;
        }
        const std::string shownBy = layer.layerId == "hidden1" ? "hidden1" : "relu2";
        for (const LayerOutput& output : m_network.layerOutputs(1 << 20)) {
            if (output.layerId != shownBy)
                continue;
            int dead = 0;
            for (long c = 0; c < output.values->cols(); ++c)
                dead += output.values->col(c).cwiseAbs().maxCoeff() == 0.0f ? 1 : 0;
            QCOMPARE(layer.deadFraction, float(dead) / float(output.values->cols()));
            deadSeen = std::max(deadSeen, layer.deadFraction);
            return;
        }
        QFAIL("the ReLU's output was not found");
    }

    Network& m_network;
    std::map<std::string, std::vector<float>> m_before;
    std::int64_t m_lastStep = 0;
};

NetworkSpec checkedDesign()
{
    LayerSpec relu{"relu2", "ReLU", {}};
    return chainSpec(6, {dense("hidden1", 24, "relu"), dense("hidden2", 16, "linear"), relu,
                         dense("hidden3", 12, "sigmoid"), dense("out", 3, "softmax")});
}

// A deep MLP on mnist-10k: six hidden Dense layers of `activation` with `init`, and a softmax output.
NetworkSpec deepMlp(const std::string& activation, const std::string& init)
{
    std::vector<LayerSpec> layers;
    for (int i = 1; i <= 6; ++i) {
        LayerSpec layer = dense("dense" + std::to_string(i), 64, activation);
        layer.options["init"] = init;
        layers.push_back(layer);
    }
    layers.push_back(dense("dense7", 10, "softmax"));
    return chainSpec(784, layers);
}

std::vector<HealthWarning> warningsAfterTraining(const NetworkSpec& spec, const Dataset& data)
{
    Network network(spec, 1);
    TrainingSettings settings;
    settings.epochs = 1;
    settings.batchSize = 64;
    settings.healthEvery = 10;
    settings.optimizer.kind = "sgd";
    settings.optimizer.learningRate = 0.05f;
    settings.optimizer.momentum = 0.9f;
    const TrainingResult result = train(network, data, settings);
    QTest::qVerify(!result.history.health.empty(), "health", "", __FILE__, __LINE__);
    const std::vector<HealthWarning> warnings = healthWarnings(result.history.health, spec);
    for (const HealthWarning& w : warnings)
        qInfo("%s", w.message.c_str());
    return warnings;
}

bool warns(const std::vector<HealthWarning>& warnings, const std::string& layer, const std::string& words)
{
    return std::any_of(warnings.begin(), warnings.end(), [&](const HealthWarning& w) {
        return w.layerId == layer && w.level == HealthLevel::Problem && w.message.find(words) != std::string::npos;
    });
}

} // namespace

class TestLayerHealth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statisticsEqualDirectComputation_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::newRow("adam") << "adam";
        QTest::newRow("sgd-momentum") << "sgd";
    }

    void statisticsEqualDirectComputation()
    {
        QFETCH(QString, optimizer);
        const Dataset data = blobs(40, 3, 6, 7);
        Network network(checkedDesign(), 3);
        TrainingSettings settings;
        settings.epochs = 3;
        settings.batchSize = 8;
        settings.healthEvery = 1;
        settings.optimizer.kind = optimizer.toStdString();
        settings.optimizer.momentum = optimizer == "sgd" ? 0.9f : 0.0f;
        settings.optimizer.learningRate = optimizer == "sgd" ? 0.5f : 0.05f; // a rate that kills some ReLUs
        CheckingSink sink(network);
        const TrainingResult result = train(network, data, settings, &sink);
        QCOMPARE(sink.samples, 3 * 15);
        QCOMPARE(result.history.health.size(), std::size_t(sink.samples));
        QCOMPARE(result.history.health.back().layers.front().layerId, std::string("hidden1"));
        qInfo("largest dead share met: %.3f", double(sink.deadSeen));
    }

    // describeValues counts values into buckets and selects only within the buckets that hold a percentile:
    // large tensors of shapes that stress that (a bell, few distinct values, one far outlier that crowds
    // everything else into one bucket, all equal, one and two values) against a full sort.
    void distributionOfLargeTensorsEqualsSortedReference_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("count");
        QTest::newRow("bell") << 0 << 100000;
        QTest::newRow("few distinct values") << 1 << 50000;
        QTest::newRow("far outlier") << 2 << 30000;
        QTest::newRow("all equal") << 3 << 1000;
        QTest::newRow("one value") << 0 << 1;
        QTest::newRow("two values") << 0 << 2;
    }

    void distributionOfLargeTensorsEqualsSortedReference()
    {
        QFETCH(int, kind);
        QFETCH(int, count);
        std::mt19937 random(11);
        std::normal_distribution<float> bell(0.01f, 0.05f);
        std::vector<float> values(static_cast<std::size_t>(count));
        for (float& v : values)
            v = kind == 0   ? bell(random)
                : kind == 1 ? float(int(random() % 7) - 3) * 0.25f
                : kind == 2 ? bell(random)
                            : 0.5f;
        if (kind == 2)
            values[values.size() / 3] = 1e6f;
        compareDistribution(describeValues(values.data(), values.size()), values);
    }

    void automaticRateSamplesTheFirstStepAndMore()
    {
        const Dataset data = blobs(200, 3, 6, 7);
        Network network(checkedDesign(), 3);
        TrainingSettings settings;
        settings.epochs = 4;
        settings.batchSize = 4;
        const TrainingResult result = train(network, data, settings);
        QVERIFY(!result.history.health.empty());
        QCOMPARE(result.history.health.front().step, std::int64_t(1));
        QVERIFY(result.history.health.size() < result.history.batches.size());
        settings.healthEvery = -1;
        Network off(checkedDesign(), 3);
        QVERIFY(train(off, data, settings).history.health.empty());
    }

    // A long run keeps at most kMaxHealthSamples, evenly spread from its first step to its last.
    void longRunsAreThinnedEvenly()
    {
        const Dataset data = blobs(200, 3, 6, 7);
        Network network(checkedDesign(), 3);
        TrainingSettings settings;
        settings.epochs = 2;
        settings.batchSize = 1; // 1200 steps, each sampled until the first thinning
        settings.healthEvery = 1;
        const TrainingResult result = train(network, data, settings);
        const std::vector<HealthSample>& health = result.history.health;
        QVERIFY(health.size() < kMaxHealthSamples);
        QVERIFY(health.size() > kMaxHealthSamples / 2);
        QCOMPARE(health.front().step, std::int64_t(1));
        QVERIFY(health.back().step > 1200 - 4);
        for (std::size_t i = 1; i < health.size(); ++i) {
            const std::int64_t gap = health[i].step - health[i - 1].step;
            QVERIFY2(gap >= 1 && gap <= 4, qPrintable(QString::number(gap)));
        }
    }

    void deepSigmoidGradientsVanishInTheFirstLayers()
    {
        if (!mnist10kAvailable())
            QFAIL("mnist-10k is not prepared: run ./test.sh (it prepares the data set) first");
        const Dataset data = loadDataset("mnist-10k");
        const std::vector<HealthWarning> sigmoid = warningsAfterTraining(deepMlp("sigmoid", "xavier"), data);
        QVERIFY(warns(sigmoid, "dense1", "vanishing"));
        QVERIFY(warns(sigmoid, "dense2", "vanishing"));
        QVERIFY(warns(sigmoid, "dense1", "ReLU with He initialisation"));
        const std::vector<HealthWarning> relu = warningsAfterTraining(deepMlp("relu", "he"), data);
        for (const HealthWarning& w : relu)
            QVERIFY2(w.message.find("vanishing") == std::string::npos, w.message.c_str());
    }

    void explodingAndDeadUnitsAreNamed()
    {
        // Made-up samples: the engine judges the medians of the last five.
        std::vector<HealthSample> samples(5);
        for (HealthSample& s : samples) {
            LayerHealth first{"first", {}, {}, 1.0f, 50.0f, 0.5f, 0.8f};
            first.weights.histogram.assign(kHealthHistogramBins, 4);
            LayerHealth last{"last", {}, {}, 1.0f, 1.0f, 1e-3f, std::nanf("")};
            last.weights.histogram.assign(kHealthHistogramBins, 4);
            s.layers = {first, last};
        }
        const NetworkSpec spec = chainSpec(4, {dense("first", 8, "relu"), dense("last", 2, "softmax")});
        const std::vector<HealthWarning> warnings = healthWarnings(samples, spec);
        QVERIFY(warns(warnings, "first", "exploding"));
        QVERIFY(warns(warnings, "first", "80% of its ReLUs are dead"));
        QVERIFY(
            std::none_of(warnings.begin(), warnings.end(), [](const HealthWarning& w) { return w.layerId == "last"; }));
    }
};

QTEST_GUILESS_MAIN(TestLayerHealth)
#include "tst_layerhealth.moc"
