// The image layers (Conv2D, MaxPool2D, AvgPool2D, Flatten, BatchNorm, GlobalAveragePool): hand-computed
// forward passes, finite-difference gradient checks, project round trips, and their shapes and messages.
#include "neurite/Network.h"
#include "layers/AvgPool2DLayer.h"
#include "layers/BatchNormLayer.h"
#include "layers/Conv2DLayer.h"
#include "layers/FlattenLayer.h"
#include "layers/GlobalAveragePoolLayer.h"
#include "LayerChecks.h"
#include "layers/MaxPool2DLayer.h"
#include "TestSupport.h"
#include "kernels/ThreadPool.h"
#include "neurite/Validation.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

Matrix rowOf(std::initializer_list<float> values)
{
    Matrix m(1, Eigen::Index(values.size()));
    std::copy(values.begin(), values.end(), m.data());
    return m;
}

Matrix forwardOnce(Layer& layer, const Matrix& x, bool training = false)
{
    const Matrix* in[] = {&x};
    Matrix out;
    layer.forward(in, out, training);
    return out;
}

Conv2DLayer makeConv(const Shape& in, int filters, int kernel, int stride, const std::string& padding, int pad,
                     Activation activation, std::uint64_t seed)
{
    Conv2DLayer layer(convGeometry(in, kernel, stride, padding, pad), filters, activation, 0.1f,
                      Conv2DLayer::Init::Xavier, true);
    std::mt19937_64 rng(seed);
    layer.initialise(rng);
    layer.bias() = randomMatrix(1, filters, seed + 1);
    return layer;
}

// The convolution by its definition, one output value at a time: an independent check of the kernels (im2col
// and a product, or the direct ones on a padded copy). x: one sample; returns (filters, outHeight * outWidth)
// before the activation.
Matrix naiveConvolution(const float* x, const ConvGeometry& g, const Matrix& w, const Matrix& b)
{
    const int filters = int(w.rows());
    Matrix y(1, filters * g.outputPixels());
    for (int f = 0; f < filters; ++f)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                double sum = b(0, f);
                for (int c = 0; c < g.channels; ++c)
                    for (int ky = 0; ky < g.kernel; ++ky)
                        for (int kx = 0; kx < g.kernel; ++kx) {
                            const int iy = oy * g.stride + ky - g.padTop, ix = ox * g.stride + kx - g.padLeft;
                            if (iy < 0 || iy >= g.height || ix < 0 || ix >= g.width)
                                continue;
                            sum += double(x[(c * g.height + iy) * g.width + ix]) *
                                   double(w(f, (c * g.kernel + ky) * g.kernel + kx));
                        }
                y(0, (f * g.outHeight + oy) * g.outWidth + ox) = float(sum);
            }
    return y;
}

QString failure(double error, const std::string& worst)
{
    return QString("largest relative error %1 in %2").arg(error).arg(QString::fromStdString(worst));
}

const LayerFacts& factsOf(const ValidationReport& report, const std::string& id)
{
    return report.layers.at(id);
}

} // namespace

class TestConvLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convForwardByHand()
    {
        // 1x3x3 image 1..9, one 2x2 filter [[1 2] [3 4]], bias 0.5, valid: each output is
        // x00 + 2 x01 + 3 x10 + 4 x11 + 0.5 of its window: 1+4+12+20 = 37 -> 37.5, 2+6+15+24 = 47 -> 47.5,
        // 4+10+21+32 = 67 -> 67.5, 5+12+24+36 = 77 -> 77.5.
        Conv2DLayer conv(convGeometry({1, 3, 3}, 2, 1, "valid", 0), 1, Activation::Linear, 0, Conv2DLayer::Init::He,
                         true);
        conv.weight() << 1, 2, 3, 4;
        conv.bias() << 0.5f;
        const Matrix x = rowOf({1, 2, 3, 4, 5, 6, 7, 8, 9});
        QCOMPARE(forwardOnce(conv, x), rowOf({37.5f, 47.5f, 67.5f, 77.5f}));

        // "same" with stride 2 on 3x3: output ceil(3/2) = 2x2, one pixel of zero padding at the top and
        // left; an all-ones 3x3 filter sums each window: 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28.
        Conv2DLayer same(convGeometry({1, 3, 3}, 3, 2, "same", 0), 1, Activation::Linear, 0, Conv2DLayer::Init::He,
                         false);
        same.weight().setOnes();
        QCOMPARE(forwardOnce(same, x), rowOf({12, 16, 24, 28}));

        // Explicit padding 1 with a 1x1 filter of weight 2: the output is 5x5, a zero border around 2x.
        Conv2DLayer padded(convGeometry({1, 3, 3}, 1, 1, "explicit", 1), 1, Activation::Linear, 0,
                           Conv2DLayer::Init::He, false);
        padded.weight() << 2;
        const Matrix p = forwardOnce(padded, x);
        QCOMPARE(p.cols(), Eigen::Index(25));
        QCOMPARE(p(0, 0), 0.0f);
        QCOMPARE(p(0, 6), 2.0f);   // (1, 1) <- x(0, 0) = 1
        QCOMPARE(p(0, 18), 18.0f); // (3, 3) <- x(2, 2) = 9
        QCOMPARE(p(0, 24), 0.0f);

        // Channels: two 2x2 input channels, two 1x1 filters [1, 0.5] and [-1, 0], ReLU fused:
        // filter 0 = x0 + 0.5 x1 = [1+5, 2+10, 3+15, 4+20]; filter 1 = relu(-x0) = 0.
        Conv2DLayer mix(convGeometry({2, 2, 2}, 1, 1, "valid", 0), 2, Activation::ReLU, 0, Conv2DLayer::Init::He, true);
        mix.weight() << 1, 0.5f, -1, 0;
        mix.bias().setZero();
        QCOMPARE(forwardOnce(mix, rowOf({1, 2, 3, 4, 10, 20, 30, 40})), rowOf({6, 12, 18, 24, 0, 0, 0, 0}));
    }

    void convGradients_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("filters");
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::addColumn<QString>("padding");
        QTest::addColumn<int>("pad");
        QTest::addColumn<int>("activation");
        QTest::newRow("valid 3x3") << 2 << 6 << 3 << 3 << 1 << "valid" << 0 << int(Activation::Linear);
        QTest::newRow("same stride 2, even kernel") << 2 << 7 << 2 << 4 << 2 << "same" << 0 << int(Activation::Tanh);
        QTest::newRow("explicit pad 2, stride 3")
            << 1 << 8 << 2 << 3 << 3 << "explicit" << 2 << int(Activation::Sigmoid);
        QTest::newRow("relu, 1x1") << 3 << 4 << 4 << 1 << 1 << "valid" << 0 << int(Activation::ReLU);
        // The direct kernels (stride 1, no padding): rows of 16 pixels and more are vectors of pixels (here
        // 16 + 4 and 16 + 1), narrow rows with 16 filters vectors of filters; 8 or 16 filters with a 3x3 or
        // 5x5 kernel take the direct weight gradient.
        QTest::newRow("direct: wide rows, 8 filters 5x5")
            << 1 << 24 << 8 << 5 << 1 << "valid" << 0 << int(Activation::Tanh);
        QTest::newRow("direct: 17-pixel rows, 8 filters 3x3")
            << 2 << 19 << 8 << 3 << 1 << "valid" << 0 << int(Activation::Linear);
        QTest::newRow("direct: narrow rows, 16 filters 5x5")
            << 3 << 10 << 16 << 5 << 1 << "valid" << 0 << int(Activation::Sigmoid);
        // Stride-1 padded convolutions run the direct kernels on a copy inside its zero border: "same" with
        // wide and narrow rows, an even kernel (one more at the bottom and right), explicit padding that
        // makes the output larger than the input.
        QTest::newRow("direct padded: same, wide rows, 8 filters 3x3")
            << 3 << 17 << 8 << 3 << 1 << "same" << 0 << int(Activation::Tanh);
        QTest::newRow("direct padded: same, narrow rows, 16 filters 3x3")
            << 2 << 8 << 16 << 3 << 1 << "same" << 0 << int(Activation::Linear);
        QTest::newRow("direct padded: same, even kernel 4, 16 filters")
            << 1 << 9 << 16 << 4 << 1 << "same" << 0 << int(Activation::Sigmoid);
        QTest::newRow("direct padded: explicit pad 2, 8 filters 3x3")
            << 2 << 15 << 8 << 3 << 1 << "explicit" << 2 << int(Activation::Linear);
        // The input gradient is a direct convolution too where its shape suits: wide rows above, and here 16
        // input channels of narrow rows (16 channels per vector).
        QTest::newRow("direct padded: same, 16 channels of 6x6, 16 filters 3x3")
            << 16 << 6 << 16 << 3 << 1 << "same" << 0 << int(Activation::Tanh);
    }

    void convGradients()
    {
        QFETCH(int, channels);
        QFETCH(int, size);
        QFETCH(int, filters);
        QFETCH(int, kernel);
        QFETCH(int, stride);
        QFETCH(QString, padding);
        QFETCH(int, pad);
        QFETCH(int, activation);
        Conv2DLayer conv = makeConv({channels, size, size}, filters, kernel, stride, padding.toStdString(), pad,
                                    Activation(activation), 3);
        Matrix x = randomMatrix(3, channels * size * size, 4);
        if (Activation(activation) == Activation::ReLU) {
            // Finite differences are wrong at ReLU's kink: pick inputs whose pre-activations avoid 0.
            Conv2DLayer linear(conv.geometry(), filters, Activation::Linear, 0, Conv2DLayer::Init::He, true);
            linear.weight() = conv.weight();
            linear.bias() = conv.bias();
            for (std::uint64_t seed = 100; forwardOnce(linear, x).cwiseAbs().minCoeff() < 0.01f; ++seed)
                x = randomMatrix(3, channels * size * size, seed);
        }
        // The forward pass against the definition (before the activation: a linear twin of the layer).
        Conv2DLayer linear(conv.geometry(), filters, Activation::Linear, 0, Conv2DLayer::Init::He, true);
        linear.weight() = conv.weight();
        linear.bias() = conv.bias();
        const Matrix y = forwardOnce(linear, x);
        for (int i = 0; i < 3; ++i) {
            const Matrix expected = naiveConvolution(x.row(i).data(), conv.geometry(), conv.weight(), conv.bias());
            QVERIFY2(maxRelativeError(y.row(i), expected) < 1e-5, qPrintable(QString("forward of sample %1").arg(i)));
        }
        const Matrix r = randomMatrix(3, int(filters * conv.geometry().outputPixels()), 5);
        std::string worst;
        const double error = gradientError(conv, {&x}, r, worst);
        QVERIFY2(error < 2e-3, qPrintable(failure(error, worst)));
    }

    // Batches larger than one product block, split over two threads, agree with one thread.
    void convThreadsAndBlocksAgree()
    {
        const Shape in{3, 9, 9};
        Conv2DLayer one = makeConv(in, 6, 3, 1, "same", 0, Activation::ReLU, 8);
        Conv2DLayer two = makeConv(in, 6, 3, 1, "same", 0, Activation::ReLU, 8);
        ThreadPool pool(2);
        two.setThreadPool(&pool);
        const Matrix x = randomMatrix(37, int(in.size()), 9);
        const Matrix r = randomMatrix(37, 6 * 81, 10);
        Matrix out1, out2, dX1, dX2;
        const Matrix* inputs[] = {&x};
        Matrix* d1[] = {&dX1};
        Matrix* d2[] = {&dX2};
        one.forward(inputs, out1, true);
        two.forward(inputs, out2, true);
        // Blocks split differently, so products may round differently: close, not bit-identical.
        QVERIFY(maxRelativeError(out1, out2) < 1e-5);
        one.backward(inputs, out1, r, d1);
        two.backward(inputs, out2, r, d2);
        QVERIFY(maxRelativeError(dX1, dX2) < 1e-5);
        QVERIFY(maxRelativeError(*one.parameters()[0].grad, *two.parameters()[0].grad) < 1e-5);
        QVERIFY(maxRelativeError(*one.parameters()[1].grad, *two.parameters()[1].grad) < 1e-5);
        // Eval mode runs the same products.
        Matrix eval;
        two.forward(inputs, eval, false);
        QVERIFY(eval == out2);
    }

    void maxPoolForwardBackwardByHand()
    {
        // 4x4 -> 2x2 with 2x2 windows: max of [1 5 3 4] = 5, [2 0 8 7] = 8, [0 0 9 0] = 9, [1 1 1 2] = 2.
        MaxPool2DLayer pool(poolGeometry({1, 4, 4}, 2, 0));
        const Matrix x = rowOf({1, 5, 2, 0, 3, 4, 8, 7, 0, 0, 1, 1, 9, 0, 1, 2});
        const Matrix out = forwardOnce(pool, x, true);
        QCOMPARE(out, rowOf({5, 8, 9, 2}));
        // Each gradient goes back to its window's winner: (0,1), (1,2), (3,0), (3,3).
        const Matrix dOut = rowOf({1, 2, 3, 4});
        Matrix dX;
        const Matrix* in[] = {&x};
        Matrix* dIn[] = {&dX};
        pool.backward(in, out, dOut, dIn);
        QCOMPARE(dX, rowOf({0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 4}));
        // Overlapping 2x2 windows, stride 1, on 3x3 1..9: each window's bottom-right value.
        MaxPool2DLayer overlap(poolGeometry({1, 3, 3}, 2, 1));
        QCOMPARE(forwardOnce(overlap, rowOf({1, 2, 3, 4, 5, 6, 7, 8, 9})), rowOf({5, 6, 8, 9}));
    }

    // The vectorised 2x2 paths (8 windows, 4 windows, a padded rest) against each window's maximum and its
    // position found here one value at a time, for rows of 4, 10, 12 and 13 windows; then the backward pass
    // sends each output's gradient to exactly that position.
    void maxPool2x2EqualsWindowMaxima()
    {
        for (int side : {8, 20, 24, 26}) {
            const ConvGeometry g = poolGeometry({3, side, side}, 2, 0);
            MaxPool2DLayer pool(g);
            const Matrix x = randomMatrix(2, int(g.inputSize()), std::uint64_t(side));
            const Matrix out = forwardOnce(pool, x, true);
            const Matrix dOut = randomMatrix(2, int(out.cols()), 99);
            Matrix dX;
            const Matrix* in[] = {&x};
            Matrix* dIn[] = {&dX};
            pool.backward(in, out, dOut, dIn);
            Matrix expectedDx = Matrix::Zero(2, g.inputSize());
            const int half = side / 2;
            for (int n = 0; n < 2; ++n)
                for (int c = 0; c < 3; ++c)
                    for (int oy = 0; oy < half; ++oy)
                        for (int ox = 0; ox < half; ++ox) {
                            long best = (c * side + 2 * oy) * side + 2 * ox;
                            for (int k = 1; k < 4; ++k) {
                                const long at = (c * side + 2 * oy + k / 2) * side + 2 * ox + k % 2;
                                if (x(n, at) > x(n, best))
                                    best = at;
                            }
                            const long o = (c * half + oy) * half + ox;
                            QCOMPARE(out(n, o), x(n, best));
                            expectedDx(n, best) = dOut(n, o);
                        }
            QCOMPARE(dX, expectedDx);
        }
    }

    void avgPoolForwardByHand()
    {
        // 4x4 of 0..15, 2x2 windows: (0+1+4+5)/4 = 2.5, (2+3+6+7)/4 = 4.5, (8+9+12+13)/4 = 10.5, 12.5.
        AvgPool2DLayer pool(poolGeometry({1, 4, 4}, 2, 0));
        Matrix x(1, 16);
        for (int i = 0; i < 16; ++i)
            x(0, i) = float(i);
        QCOMPARE(forwardOnce(pool, x), rowOf({2.5f, 4.5f, 10.5f, 12.5f}));
    }

    void poolGradients_data()
    {
        QTest::addColumn<bool>("max");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("side");
        QTest::newRow("max 2/2") << true << 2 << 0 << 7;
        // 2x2 windows tiling a 20x20 input: rows of 10 windows (8 in vectors, 2 on the padded copy), and a
        // backward pass that writes every dX value once.
        QTest::newRow("max 2/2 tiling") << true << 2 << 0 << 20;
        // Rows of 12 windows (8 + 4 in vectors, LeNet's first pool) and of 4 (its second).
        QTest::newRow("max 2/2 tiling, rows of 12") << true << 2 << 0 << 24;
        QTest::newRow("max 2/2 tiling, rows of 4") << true << 2 << 0 << 8;
        QTest::newRow("max 3/2 overlapping") << true << 3 << 2 << 7;
        QTest::newRow("avg 2/2") << false << 2 << 0 << 7;
        QTest::newRow("avg 3/1 overlapping") << false << 3 << 1 << 7;
    }

    void poolGradients()
    {
        QFETCH(bool, max);
        QFETCH(int, size);
        QFETCH(int, stride);
        QFETCH(int, side);
        const ConvGeometry g = poolGeometry({2, side, side}, size, stride);
        MaxPool2DLayer maxPool(g);
        AvgPool2DLayer avgPool(g);
        Layer& layer = max ? static_cast<Layer&>(maxPool) : static_cast<Layer&>(avgPool);
        // Distinct values 0.004 apart in a shuffled order: no window has two maxima within the finite
        // difference's step, where the numeric gradient would be wrong.
        Matrix x(3, g.inputSize());
        std::vector<int> order(std::size_t(x.size()));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), std::mt19937(13));
        for (long i = 0; i < x.size(); ++i)
            x.data()[i] = 0.004f * float(order[std::size_t(i)]) - 2.0f;
        const Matrix r = randomMatrix(3, int(2 * g.outputPixels()), 14);
        std::string worst;
        const double error = gradientError(layer, {&x}, r, worst);
        QVERIFY2(error < 2e-3, qPrintable(failure(error, worst)));
    }

    void flattenAndGlobalAveragePool()
    {
        // Flatten: values and order unchanged; its gradient is the identity.
        FlattenLayer flatten;
        Matrix x = randomMatrix(2, 12, 15);
        QCOMPARE(forwardOnce(flatten, x), x);
        std::string worst;
        const Matrix r12 = randomMatrix(2, 12, 16);
        QVERIFY2(gradientError(flatten, {&x}, r12, worst) < 1e-3, worst.c_str());
        // GlobalAveragePool of two 2x2 channels: mean(1, 2, 3, 4) = 2.5, mean(10, 20, 30, 40) = 25.
        GlobalAveragePoolLayer gap(2, 4);
        QCOMPARE(forwardOnce(gap, rowOf({1, 2, 3, 4, 10, 20, 30, 40})), rowOf({2.5f, 25}));
        Matrix y = randomMatrix(3, 3 * 5, 17);
        const Matrix r = randomMatrix(3, 3, 18);
        GlobalAveragePoolLayer gap3(3, 5);
        QVERIFY2(gradientError(gap3, {&y}, r, worst) < 1e-3, worst.c_str());
    }

    void batchNormByHand()
    {
        // One feature, batch [1, 3]: mean 2, variance 1, so x-hat = [-1, 1] / sqrt(1 + 1e-5);
        // gamma 2, beta 0.5: [0.5 - 2s, 0.5 + 2s] with s = 1 / sqrt(1.00001).
        BatchNormLayer bn(1, 1, 0.1f, 1e-5f);
        bn.gamma() << 2;
        bn.beta() << 0.5f;
        Matrix x(2, 1);
        x << 1, 3;
        const Matrix out = forwardOnce(bn, x, true);
        const double s = 1.0 / std::sqrt(1.00001);
        QVERIFY(std::abs(out(0, 0) - (0.5 - 2 * s)) < 1e-6);
        QVERIFY(std::abs(out(1, 0) - (0.5 + 2 * s)) < 1e-6);
        // Running statistics (momentum 0.1): mean 0.9 * 0 + 0.1 * 2 = 0.2; the unbiased variance is
        // 1 * 2 / (2 - 1) = 2, so var = 0.9 * 1 + 0.1 * 2 = 1.1.
        QVERIFY(std::abs(bn.runningMean()(0, 0) - 0.2f) < 1e-7f);
        QVERIFY(std::abs(bn.runningVar()(0, 0) - 1.1f) < 1e-6f);
        // Eval mode uses them: (1 - 0.2) / sqrt(1.1 + 1e-5) * 2 + 0.5.
        const Matrix eval = forwardOnce(bn, x, false);
        QVERIFY(std::abs(eval(0, 0) - (0.8 / std::sqrt(1.10001) * 2 + 0.5)) < 1e-6);

        // Per channel for images: channel 0 holds 1..4 in both samples' pixels, channel 1 is constant 7.
        BatchNormLayer image(2, 4, 0.1f, 1e-5f);
        Matrix batch(2, 8);
        batch << 1, 2, 3, 4, 7, 7, 7, 7, 4, 3, 2, 1, 7, 7, 7, 7;
        const Matrix y = forwardOnce(image, batch, true);
        // Channel 0: mean 2.5, variance 1.25 over all 8 values; channel 1: variance 0, output 0 (beta).
        QVERIFY(std::abs(y(0, 0) - (1 - 2.5) / std::sqrt(1.25 + 1e-5)) < 1e-6);
        QCOMPARE(y(1, 5), 0.0f);
        QVERIFY(std::abs(image.runningMean()(0, 1) - 0.7f) < 1e-6f);
    }

    void batchNormGradients_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<bool>("training");
        QTest::newRow("flat, batch statistics") << 3 << 1 << true;
        QTest::newRow("image, batch statistics") << 2 << 9 << true;
        QTest::newRow("image, running statistics") << 2 << 9 << false;
    }

    void batchNormGradients()
    {
        QFETCH(int, channels);
        QFETCH(int, pixels);
        QFETCH(bool, training);
        BatchNormLayer bn(channels, pixels, 0.1f, 1e-5f);
        bn.gamma() = randomMatrix(1, channels, 19, 0.5f, 1.5f);
        bn.beta() = randomMatrix(1, channels, 20);
        bn.runningMean() = randomMatrix(1, channels, 21);
        bn.runningVar() = randomMatrix(1, channels, 22, 0.5f, 2.0f);
        Matrix x = randomMatrix(4, channels * pixels, 23, -2, 2);
        const Matrix r = randomMatrix(4, channels * pixels, 24);
        std::string worst;
        const double error = gradientError(bn, {&x}, r, worst, training);
        QVERIFY2(error < 3e-3, qPrintable(failure(error, worst)));
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("Conv2D") << "Conv2D";
        QTest::newRow("MaxPool2D") << "MaxPool2D";
        QTest::newRow("AvgPool2D") << "AvgPool2D";
        QTest::newRow("Flatten") << "Flatten";
        QTest::newRow("BatchNorm") << "BatchNorm";
        QTest::newRow("GlobalAveragePool") << "GlobalAveragePool";
    }

    // Conv -> the layer under test -> Dense: weights (and BatchNorm's running statistics) survive a project
    // file exactly, so eval predictions are bit-identical.
    void roundTrips()
    {
        QFETCH(QString, type);
        const LayerSpec conv = layerOf("Conv2D", "conv",
                                       {{"filters", 4.0}, {"kernel", 3.0}, {"padding", std::string("same")}});
        const NetworkSpec spec = imageChain({2, 8, 8}, {conv, layerOf(type.toStdString(), "under_test")});
        QVERIFY2(validate(spec).ok(), validate(spec).errorSummary().c_str());
        const Matrix x = randomMatrix(6, 2 * 64, 25, 0, 1);
        const std::string difference = projectRoundTripDifference(spec, x);
        QVERIFY2(difference.empty(), difference.c_str());
        if (type == "BatchNorm") {
            const Weights w = Network(spec, 5).weights();
            QStringList names;
            for (const NamedTensor& t : w)
                names << QString::fromStdString(t.name);
            QVERIFY(names.contains("under_test.running_mean"));
            QVERIFY(names.contains("under_test.running_var"));
            // The optimiser sees only gamma and beta, not the running statistics.
            Network net(spec, 5);
            for (const ParameterRef& p : net.parameters())
                QVERIFY(p.name.find("running") == std::string::npos);
        }
    }

    void shapesOfLenet()
    {
        const ValidationReport report = validate(*preset("lenet"));
        QVERIFY2(report.ok(), report.errorSummary().c_str());
        QCOMPARE(factsOf(report, "conv1").outputShape, (Shape{8, 24, 24}));
        QCOMPARE(factsOf(report, "pool1").outputShape, (Shape{8, 12, 12}));
        QCOMPARE(factsOf(report, "conv2").outputShape, (Shape{16, 8, 8}));
        QCOMPARE(factsOf(report, "pool2").outputShape, (Shape{16, 4, 4}));
        QCOMPARE(factsOf(report, "flatten").outputShape, Shape::flat(256));
        // 8 * 25 + 8 = 208, 16 * 8 * 25 + 16 = 3216, 256 * 10 + 10 = 2570.
        QCOMPARE(factsOf(report, "conv1").parameters, 208L);
        QCOMPARE(factsOf(report, "conv2").parameters, 3216L);
        QCOMPARE(report.totalParameters(), 208L + 3216L + 2570L);
        // 8 filters * 25 * 576 pixels, 16 * 200 * 64.
        QCOMPARE(factsOf(report, "conv1").multiplyAdds, 115200L);
        QCOMPARE(factsOf(report, "conv2").multiplyAdds, 204800L);
        QCOMPARE(Network(*preset("lenet")).parameterCount(), 5994L);
    }

    void shapesOfPaddingAndStrides()
    {
        const auto shapeAfter = [](const LayerSpec& layer) {
            const ValidationReport report = validate(imageChain({1, 28, 28}, {layer}));
            return report.layers.count("l") ? report.layers.at("l").outputShape : Shape{};
        };
        const auto conv = [](int k, int s, const std::string& padding, int pad) {
            return layerOf("Conv2D", "l",
                           {{"filters", 4.0},
                            {"kernel", double(k)},
                            {"stride", double(s)},
                            {"padding", padding},
                            {"pad", double(pad)}});
        };
        QCOMPARE(shapeAfter(conv(3, 1, "same", 0)), (Shape{4, 28, 28}));
        QCOMPARE(shapeAfter(conv(4, 2, "same", 0)), (Shape{4, 14, 14})); // ceil(28 / 2)
        QCOMPARE(shapeAfter(conv(3, 3, "same", 0)), (Shape{4, 10, 10})); // ceil(28 / 3)
        QCOMPARE(shapeAfter(conv(5, 1, "explicit", 2)), (Shape{4, 28, 28}));
        QCOMPARE(shapeAfter(conv(5, 2, "valid", 0)), (Shape{4, 12, 12})); // floor(23 / 2) + 1
        QCOMPARE(shapeAfter(conv(3, 64, "valid", 0)), (Shape{4, 1, 1}));  // a huge stride still gives one
        QCOMPARE(shapeAfter(layerOf("MaxPool2D", "l", {{"size", 3.0}, {"stride", 2.0}})), (Shape{1, 13, 13}));
        QCOMPARE(shapeAfter(layerOf("AvgPool2D", "l", {{"size", 2.0}})), (Shape{1, 14, 14}));
        QCOMPARE(shapeAfter(layerOf("GlobalAveragePool", "l")), Shape::flat(1));
        QCOMPARE(shapeAfter(layerOf("BatchNorm", "l")), (Shape{1, 28, 28}));
    }

    void validateMessages()
    {
        // A Conv2D after a flat input.
        NetworkSpec flat = chainSpec(784, {layerOf("Conv2D", "c1"), dense("d", 10, "softmax")});
        ValidationReport report = validate(flat);
        QVERIFY(!report.ok());
        QCOMPARE(report.errors().front().layerId, std::string("c1"));
        QVERIFY2(report.errorSummary().find("Conv2D 'c1' needs an image input (channels, height, width) but gets "
                                            "(784)") == 0,
                 report.errorSummary().c_str());
        // A kernel larger than its input, and a pooling window larger than what is left.
        report = validate(imageChain({1, 4, 4}, {layerOf("Conv2D", "big", {{"kernel", 5.0}})}));
        QVERIFY2(report.errorSummary().find("Conv2D 'big': its 5x5 window is larger than its 4x4 input") == 0,
                 report.errorSummary().c_str());
        report = validate(imageChain({1, 6, 6}, {layerOf("Conv2D", "c", {{"kernel", 3.0}}),
                                                 layerOf("MaxPool2D", "p", {{"size", 5.0}})}));
        QVERIFY2(report.errorSummary().find("MaxPool2D 'p': its 5x5 window is larger than its 4x4 input") == 0,
                 report.errorSummary().c_str());
        // With padding the kernel may be larger than the image.
        report = validate(
            imageChain({1, 4, 4}, {layerOf("Conv2D", "c", {{"kernel", 5.0}, {"padding", std::string("same")}})}));
        QVERIFY2(report.ok(), report.errorSummary().c_str());
        // Option ranges come from the registry: a stride of 0 for a Conv2D is refused.
        report = validate(imageChain({1, 8, 8}, {layerOf("Conv2D", "c", {{"stride", 0.0}})}));
        QVERIFY2(report.errorSummary().find("Conv2D 'c': Stride must be between 1 and 64") == 0,
                 report.errorSummary().c_str());
    }
};

QTEST_APPLESS_MAIN(TestConvLayers)
#include "tst_convlayers.moc"
