// Saliency: the input gradient against finite differences for every kind of layer, gradient x input of a
// linear model against its weights, and the completeness of integrated gradients.
#include "LayerChecks.h"
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/Saliency.h"

#include <QtTest>

#include <climits>
#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

// The class's logit (the final layer's output before the folded softmax) from a plain forward pass.
double logitOf(Network& network, const Matrix& x, int classIndex)
{
    Matrix probabilities;
    network.predict(x, probabilities);
    for (const LayerOutput& output : network.layerOutputs(LONG_MAX))
        if (output.softmaxFolded)
            return double((*output.values)(0, classIndex));
    throw NeuriteError("no folded softmax");
}

// Two branches concatenated, BatchNorm, an Add of the normalised and the raw maps, average pooling and
// dropout: every merge and normalisation a gradient has to pass on its way to the Input. Smooth activations
// (the presets test ReLU and max pooling): no kink can blur the comparison.
NetworkSpec mergeDesign()
{
    NetworkSpec spec;
    spec.layers = {
        layerOf("Input", "input", {{"channels", 2.0}, {"height", 8.0}, {"width", 8.0}}),
        layerOf("Conv2D", "a",
                {{"filters", 3.0}, {"padding", std::string("same")}, {"activation", std::string("tanh")}}),
        layerOf("Conv2D", "b",
                {{"filters", 2.0}, {"padding", std::string("same")}, {"activation", std::string("sigmoid")}}),
        layerOf("Concatenate", "cat"),
        layerOf("BatchNorm", "bn"),
        layerOf("Add", "add"),
        layerOf("AvgPool2D", "pool"),
        layerOf("Dropout", "drop"),
        layerOf("Flatten", "flat"),
        layerOf("Dense", "head", {{"units", 4.0}, {"activation", std::string("softmax")}}),
        layerOf("Output", "output")};
    spec.connections = {{"input", "a", 0},   {"input", "b", 0},   {"a", "cat", 0},     {"b", "cat", 1},
                        {"cat", "bn", 0},    {"bn", "add", 0},    {"cat", "add", 1},   {"add", "pool", 0},
                        {"pool", "drop", 0}, {"drop", "flat", 0}, {"flat", "head", 0}, {"head", "output", 0}};
    return spec;
}

// A few training-mode passes move BatchNorm's running statistics away from (0, 1), so that its eval-mode
// scale and shift are not the identity.
void warmBatchNorm(Network& network)
{
    const Matrix batch = randomMatrix(8, int(network.inputShape().size()), 77, 0, 2);
    const std::uint8_t labels[] = {0, 1, 2, 3, 0, 1, 2, 3};
    for (int i = 0; i < 5; ++i)
        network.forwardBackward(batch, labels);
}

} // namespace

class TestSaliency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inputGradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<QString>("design");
        QTest::newRow("mlp") << "mlp";
        QTest::newRow("lenet") << "lenet";
        QTest::newRow("resnet-small") << "resnet-small";
        QTest::newRow("concat-batchnorm-add") << "merge";
    }

    void inputGradientMatchesFiniteDifferences()
    {
        QFETCH(QString, design);
        const NetworkSpec spec = design == "merge" ? mergeDesign() : *preset(design.toStdString());
        Network network(spec, 11);
        warmBatchNorm(network);
        Matrix x = randomMatrix(1, int(network.inputShape().size()), 5, 0, 1);
        for (int classIndex : {0, 3}) {
            Matrix analytic;
            network.inputGradient(x, classIndex, analytic);
            const Matrix numeric = numericGradient(
                x, [&] { return logitOf(network, x, classIndex); }, 5e-4f);
            QVERIFY(analytic.cwiseAbs().maxCoeff() > 1e-3f); // the gradient reaches the Input
            // A difference step may cross a ReLU's or a max pool's kink (a step of 5e-4 crosses one for
            // about 1 input in 800 of LeNet's, 2e-3 for 30): a few inputs may differ there, never many.
            int off = 0;
            for (Eigen::Index i = 0; i < x.cols(); ++i)
                off += std::abs(analytic(0, i) - numeric(0, i)) > 2e-3f + 0.02f * std::abs(analytic(0, i)) ? 1 : 0;
            const double error = maxRelativeError(analytic, numeric);
            QVERIFY2(off <= x.cols() / 100 && error < 0.05,
                     qPrintable(QStringLiteral("%1 class %2: %3 inputs off, largest error %4")
                                    .arg(design)
                                    .arg(classIndex)
                                    .arg(off)
                                    .arg(error)));
        }
    }

    // Without a hidden layer the logit is x W + b: its gradient is W's column, and gradient x input is
    // exactly x_i * W[i, k], which the weights give without any backward pass.
    void linearModelSaliencyIsWeightsTimesInput()
    {
        Network network(chainSpec(12, {dense("linear", 4, "softmax")}), 3);
        const Weights weights = network.weights();
        const NamedTensor& w = weights.front().name == "linear.weight" ? weights.front() : weights.back();
        QCOMPARE(w.name, std::string("linear.weight"));
        const Matrix x = randomMatrix(1, 12, 9, 0, 1);
        SaliencyExplainer explainer;
        for (int k = 0; k < 4; ++k) {
            const Attribution& a = explainer.explain(network, x.data(), k);
            for (int i = 0; i < 12; ++i)
                QCOMPARE(a.values[std::size_t(i)], float(double(x(0, i)) * double(w.values[std::size_t(i * 4 + k)])));
        }
    }

    // Completeness: the attributions add up to score(x) - score(baseline), up to the path's quadrature
    // error, which falls with the number of steps (as 1 / steps^2 for a smooth network, midpoint rule).
    void integratedGradientsAreComplete()
    {
        Network network(chainSpec(20, {dense("h1", 16, "tanh"), dense("h2", 8, "sigmoid"), dense("out", 5, "softmax")}),
                        4);
        const Matrix x = randomMatrix(1, 20, 6, -2, 2);
        std::vector<double> errors;
        double difference = 0;
        for (int steps : {2, 8, 32}) {
            SaliencyExplainer explainer({SaliencyMethod::IntegratedGradients, steps});
            const Attribution& a = explainer.explain(network, x.data(), 2);
            double sum = 0;
            for (float v : a.values)
                sum += double(v);
            difference = double(a.score) - double(a.baselineScore);
            QVERIFY(std::abs(double(a.score) - logitOf(network, x, 2)) < 1e-5);
            errors.push_back(std::abs(sum - difference));
        }
        QVERIFY(std::abs(difference) > 0.05); // something to explain
        QVERIFY2(errors[1] < errors[0] / 8 && errors[2] < errors[1] / 8,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(errors[0]).arg(errors[1]).arg(errors[2])));
        QVERIFY(errors[2] < 1e-3 * std::abs(difference) + 1e-5);
    }

    // A ReLU CNN is piecewise linear: the error still shrinks with the steps, if more slowly. (From a zero
    // baseline a ReLU network whose biases are still zero is linear along the whole path: a grey baseline
    // makes the path cross its kinks.)
    void integratedGradientsOfLeNetConverge()
    {
        Network network(*preset("lenet"), 2);
        const Matrix x = randomMatrix(1, 784, 8, 0, 1);
        const Matrix grey = randomMatrix(1, 784, 9, 0.3f, 0.7f);
        const std::vector<float> baseline(grey.data(), grey.data() + 784);
        double coarse = 0, fine = 0, difference = 0;
        for (int steps : {2, 64}) {
            SaliencyExplainer explainer({SaliencyMethod::IntegratedGradients, steps});
            const Attribution& a = explainer.explain(network, x.data(), 7, baseline);
            double sum = 0;
            for (float v : a.values)
                sum += double(v);
            difference = double(a.score) - double(a.baselineScore);
            (steps == 2 ? coarse : fine) = std::abs(sum - difference);
        }
        QVERIFY2(fine < 0.02 * std::abs(difference) && fine < coarse,
                 qPrintable(QStringLiteral("%1 %2 of %3").arg(coarse).arg(fine).arg(difference)));
    }

    void baselineShiftsTheAttribution()
    {
        Network network(chainSpec(3, {dense("linear", 2, "softmax")}), 3);
        const Weights weights = network.weights();
        const float x[] = {0.5f, 1.0f, 0.25f};
        SaliencyExplainer explainer;
        const Attribution& a = explainer.explain(network, x, 1, {0.5f, 0.0f, 1.0f});
        QCOMPARE(a.values[0], 0.0f);
        QCOMPARE(a.values[1], float(1.0 * double(weights.front().values[3])));
        QCOMPARE(a.values[2], float(-0.75 * double(weights.front().values[5])));
    }

    void pixelSaliencySumsTheChannels()
    {
        const std::vector<float> rgb = {1, 2, 3, 4, 10, 20, 30, 40, -1, -2, -3, -4}; // (3, 2, 2)
        QCOMPARE(pixelSaliency(rgb, {3, 2, 2}), (std::vector<float>{10, 20, 30, 40}));
        QCOMPARE(pixelSaliency({1, 2}, Shape::flat(2)), (std::vector<float>{1, 2}));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, pixelSaliency(rgb, {1, 2, 2}));
    }

    void badRequestsAreErrors()
    {
        Network network(*preset("mlp"), 1);
        const std::vector<float> x(784, 0.5f);
        SaliencyExplainer explainer;
        QVERIFY_THROWS_EXCEPTION(NeuriteError, explainer.explain(network, x.data(), 10));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, explainer.explain(network, x.data(), -1));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, explainer.explain(network, x.data(), 0, std::vector<float>(783)));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, SaliencyExplainer({SaliencyMethod::IntegratedGradients, 0}));
    }

    // The single-sample form gives what the batch form gives for that row.
    void oneSampleEqualsTheBatchRow()
    {
        Network network(*preset("lenet"), 1);
        const Matrix x = randomMatrix(3, 784, 4, 0, 1);
        Matrix batch;
        network.inputGradient(x, 5, batch);
        std::vector<float> one(784);
        network.inputGradient(x.row(1).data(), 5, one.data());
        const float scale = batch.row(1).cwiseAbs().maxCoeff();
        QVERIFY(scale > 0);
        for (int i = 0; i < 784; ++i)
            QVERIFY(std::abs(one[std::size_t(i)] - batch(1, i)) <= 1e-5f * scale);
    }
};

QTEST_GUILESS_MAIN(TestSaliency)
#include "tst_saliency.moc"
