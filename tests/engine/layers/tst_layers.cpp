// Each layer and loss: a hand-computed forward pass and a finite-difference gradient check.
#include "layers/ActivationLayer.h"
#include "layers/DenseLayer.h"
#include "layers/DropoutLayer.h"
#include "kernels/Losses.h"
#include "TestSupport.h"

#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

// Loss used for gradient checks: sum(R .* layer(x)) for a fixed random R, so dLoss/dOut = R.
double weightedSum(Layer& layer, const Matrix& x, const Matrix& r)
{
    const Matrix* in[] = {&x};
    Matrix out;
    layer.forward(in, out, true);
    return double((out.cast<double>().array() * r.cast<double>().array()).sum());
}

// Analytic dX (and parameter gradients inside the layer) for upstream gradient R.
Matrix analyticInputGradient(Layer& layer, const Matrix& x, const Matrix& r)
{
    const Matrix* in[] = {&x};
    Matrix out, dX;
    layer.forward(in, out, true);
    Matrix* dIn[] = {&dX};
    layer.backward(in, out, r, dIn);
    return dX;
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void denseForwardByHand()
    {
        DenseLayer layer(2, 2, Activation::Linear, 0.0f, DenseLayer::Init::Xavier, true);
        layer.weight() << 1, 2, 3, 4; // (in, out)
        layer.bias() << 0.5f, -1;
        Matrix x(1, 2);
        x << 1, -1;
        const Matrix* in[] = {&x};
        Matrix out;
        layer.forward(in, out, false);
        // [1 -1] * [[1 2],[3 4]] + [0.5 -1] = [1-3+0.5, 2-4-1] = [-1.5, -3]
        QCOMPARE(out(0, 0), -1.5f);
        QCOMPARE(out(0, 1), -3.0f);
        layer.setActivation(Activation::ReLU);
        layer.forward(in, out, false);
        QCOMPARE(out(0, 0), 0.0f);
        x << 2, 1; // [2+3+0.5, 4+4-1] = [5.5, 7]
        layer.forward(in, out, false);
        QCOMPARE(out(0, 0), 5.5f);
        QCOMPARE(out(0, 1), 7.0f);
    }

    void activationsForwardByHand()
    {
        Matrix z(1, 3);
        z << -2, 0, 3;
        Matrix y = z;
        activate(Activation::ReLU, 0, y);
        QCOMPARE(y(0, 0), 0.0f);
        QCOMPARE(y(0, 2), 3.0f);
        y = z;
        activate(Activation::LeakyReLU, 0.1f, y);
        QCOMPARE(y(0, 0), -0.2f);
        y = z;
        activate(Activation::Sigmoid, 0, y);
        QVERIFY(std::abs(y(0, 0) - 1.0f / (1.0f + std::exp(2.0f))) < 1e-7f);
        QCOMPARE(y(0, 1), 0.5f);
        y = z;
        activate(Activation::Tanh, 0, y);
        QVERIFY(std::abs(y(0, 2) - std::tanh(3.0f)) < 1e-6f);
        y = z;
        activate(Activation::Softmax, 0, y);
        const float sum = std::exp(-2.0f) + 1.0f + std::exp(3.0f);
        QVERIFY(std::abs(y(0, 2) - std::exp(3.0f) / sum) < 1e-6f);
        QVERIFY(std::abs(y.sum() - 1.0f) < 1e-6f);
    }

    void denseGradients_data()
    {
        QTest::addColumn<int>("activation");
        QTest::newRow("linear") << int(Activation::Linear);
        QTest::newRow("relu") << int(Activation::ReLU);
        QTest::newRow("leaky_relu") << int(Activation::LeakyReLU);
        QTest::newRow("sigmoid") << int(Activation::Sigmoid);
        QTest::newRow("tanh") << int(Activation::Tanh);
        QTest::newRow("softmax") << int(Activation::Softmax);
    }

    void denseGradients()
    {
        QFETCH(int, activation);
        DenseLayer layer(5, 4, Activation(activation), 0.01f, DenseLayer::Init::Xavier, true);
        std::mt19937_64 rng(3);
        layer.initialise(rng);
        layer.bias() = randomMatrix(1, 4, 9);
        Matrix x = randomMatrix(3, 5, 4);
        const Matrix r = randomMatrix(3, 4, 5);
        const Matrix dX = analyticInputGradient(layer, x, r);
        const auto params = layer.parameters();
        const Matrix dW = *params[0].grad, dB = *params[1].grad;
        const auto loss = [&] { return weightedSum(layer, x, r); };
        QVERIFY2(maxRelativeError(dX, numericGradient(x, loss)) < 2e-3, "dX");
        QVERIFY2(maxRelativeError(dW, numericGradient(layer.weight(), loss)) < 2e-3, "dW");
        QVERIFY2(maxRelativeError(dB, numericGradient(layer.bias(), loss)) < 2e-3, "dB");
    }

    void activationLayerGradients_data()
    {
        QTest::addColumn<int>("activation");
        QTest::newRow("relu") << int(Activation::ReLU);
        QTest::newRow("leaky_relu") << int(Activation::LeakyReLU);
        QTest::newRow("sigmoid") << int(Activation::Sigmoid);
        QTest::newRow("tanh") << int(Activation::Tanh);
        QTest::newRow("softmax") << int(Activation::Softmax);
    }

    void activationLayerGradients()
    {
        QFETCH(int, activation);
        ActivationLayer layer(Activation(activation), 0.1f);
        // Keep inputs away from ReLU's kink at 0, where the derivative is undefined.
        Matrix x = randomMatrix(4, 6, 11, 0.1f, 2.0f);
        for (Eigen::Index i = 0; i < x.size(); i += 2)
            x.data()[i] = -x.data()[i];
        const Matrix r = randomMatrix(4, 6, 12);
        const Matrix dX = analyticInputGradient(layer, x, r);
        QVERIFY(maxRelativeError(dX, numericGradient(x, [&] { return weightedSum(layer, x, r); })) < 2e-3);
    }

    void dropoutScalesAndMasks()
    {
        DropoutLayer layer(0.25f, 7);
        const Matrix x = Matrix::Constant(200, 100, 2.0f);
        const Matrix* in[] = {&x};
        Matrix out;
        layer.forward(in, out, false);
        QVERIFY(out == x); // eval mode: identity
        layer.forward(in, out, true);
        long kept = 0;
        for (Eigen::Index i = 0; i < out.size(); ++i) {
            const float v = out.data()[i];
            QVERIFY(v == 0.0f || std::abs(v - 2.0f / 0.75f) < 1e-6f);
            kept += v != 0.0f;
        }
        const double keptFraction = double(kept) / double(out.size());
        QVERIFY2(std::abs(keptFraction - 0.75) < 0.01, qPrintable(QString::number(keptFraction)));
        // Backward uses the same mask: dX = dOut where kept (scaled), 0 where dropped.
        const Matrix dOut = Matrix::Ones(200, 100);
        Matrix dX;
        Matrix* dIn[] = {&dX};
        layer.backward(in, out, dOut, dIn);
        QVERIFY(dX.isApprox(out / 2.0f));
    }

    void crossEntropyByHand()
    {
        Matrix logits(2, 3);
        logits << 1, 2, 3, 0, 0, 0;
        const std::uint8_t labels[] = {2, 0};
        Matrix probs, d;
        int correct = 0;
        const float loss = softmaxCrossEntropy(logits, labels, probs, &d, &correct);
        const double l0 = -std::log(std::exp(3.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0)));
        const double l1 = std::log(3.0);
        QVERIFY(std::abs(loss - (l0 + l1) / 2) < 1e-6);
        QCOMPARE(correct, 2); // row 1 ties: argmax picks class 0, which is its label
        QVERIFY(std::abs(d(1, 0) - (1.0f / 3.0f - 1.0f) / 2.0f) < 1e-6f);
    }

    void crossEntropyGradientAndStability()
    {
        Matrix logits = randomMatrix(4, 5, 21, -3, 3);
        const std::uint8_t labels[] = {0, 4, 2, 2};
        Matrix probs, d;
        softmaxCrossEntropy(logits, labels, probs, &d, nullptr);
        const auto loss = [&] {
            Matrix p;
            return double(softmaxCrossEntropy(logits, labels, p, nullptr, nullptr));
        };
        QVERIFY(maxRelativeError(d, numericGradient(logits, loss, 1e-2f)) < 1e-3);
        // Huge logits: log-sum-exp keeps the loss finite and exact (1000 - (-1000) = 2000).
        Matrix huge(1, 2);
        huge << -1000, 1000;
        const std::uint8_t wrong[] = {0};
        const float l = softmaxCrossEntropy(huge, wrong, probs, &d, nullptr);
        QVERIFY(std::isfinite(l));
        QVERIFY(std::abs(l - 2000.0f) < 1e-2f);
    }

    void meanSquaredErrorByHandAndGradient()
    {
        Matrix out(1, 2);
        out << 0.5f, 0.25f;
        const std::uint8_t labels[] = {1};
        Matrix d;
        // targets (0, 1): ((0.5)^2 + (0.75)^2) / 2 = 0.40625
        QCOMPARE(meanSquaredError(out, labels, &d, nullptr), 0.40625f);
        Matrix o = randomMatrix(3, 4, 31);
        const std::uint8_t l3[] = {0, 3, 1};
        meanSquaredError(o, l3, &d, nullptr);
        const auto loss = [&] { return double(meanSquaredError(o, l3, nullptr, nullptr)); };
        QVERIFY(maxRelativeError(d, numericGradient(o, loss, 1e-2f)) < 1e-3);
    }
};

QTEST_APPLESS_MAIN(TestLayers)
#include "tst_layers.moc"
