// Network: whole-network gradient check through the fused softmax/cross-entropy head, predictions,
// weights in and out, determinism.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Network.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

// The first failing "row R class C" where predictOne of a row of x differs from predict's by more than
// `tolerance`, or an empty string.
QString oneSampleMismatch(Network& net, const Matrix& x, float tolerance)
{
    Matrix p;
    net.predict(x, p);
    std::vector<float> one(std::size_t(p.cols()));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        net.predictOne(x.row(r).data(), one.data());
        for (Eigen::Index c = 0; c < p.cols(); ++c)
            if (!(std::abs(one[std::size_t(c)] - p(r, c)) < tolerance))
                return QString("row %1 class %2: %3 against %4").arg(r).arg(c).arg(one[std::size_t(c)]).arg(p(r, c));
    }
    return {};
}

} // namespace

class TestNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeNetworkGradientCheck_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::newRow("cross-entropy") << "cross_entropy";
        QTest::newRow("mse") << "mse";
    }

    void wholeNetworkGradientCheck()
    {
        QFETCH(QString, loss);
        LayerSpec leaky = defaultLayer("LeakyReLU", "leaky");
        const NetworkSpec spec = chainSpec(6,
                                           {dense("d1", 5, "tanh"), dense("d2", 4, "linear"), leaky,
                                            defaultLayer("Sigmoid", "sig"), dense("d3", 3, "softmax")},
                                           loss.toStdString());
        Network net(spec, 5);
        const Matrix x = randomMatrix(4, 6, 8);
        const std::uint8_t labels[] = {0, 2, 1, 2};
        net.forwardBackward(x, labels);
        for (const ParameterRef& p : net.parameters()) {
            const Matrix analytic = *p.grad;
            const Matrix numeric = numericGradient(
                *p.value,
                [&] {
                    int c;
                    return double(net.evaluateBatch(x, labels, &c));
                },
                1e-3f);
            QVERIFY2(maxRelativeError(analytic, numeric) < 2e-3, p.name.c_str());
        }
    }

    void predictionsAreProbabilities()
    {
        Network net(*preset("mlp"), 3);
        const Matrix x = randomMatrix(5, 784, 1, 0, 1);
        Matrix p;
        net.predict(x, p);
        QCOMPARE(p.rows(), 5);
        QCOMPARE(p.cols(), 10);
        for (int r = 0; r < 5; ++r)
            QVERIFY(std::abs(p.row(r).sum() - 1.0f) < 1e-5f);
        std::vector<float> one(10);
        net.predictOne(x.row(2).data(), one.data());
        for (int c = 0; c < 10; ++c)
            QVERIFY(std::abs(one[c] - p(2, c)) < 1e-6f);
    }

    // One sample takes DenseLayer's sparse path (only non-zero inputs' weight rows); a batch takes the
    // matrix product. Both must agree, with mostly-zero inputs like a drawn digit and with none.
    void oneSampleMatchesTheBatchProduct()
    {
        Network net(*preset("mlp"), 7);
        Matrix x = randomMatrix(5, 784, 11, 0, 1);
        for (long k = 0; k < x.cols(); ++k)
            if (k % 5 != 0)
                x(0, k) = x(1, k) = 0.0f; // rows 0 and 1: 80% zeros
        x.row(2).setZero();               // all zeros: only the biases reach the output
        // Row 4: whole blocks of 16 zeros (skipped at once), an odd non-zero between them and at the end.
        x.row(4).head(300).setZero();
        x.row(4).segment(400, 100).setZero();
        x(4, 37) = 0.5f;
        x(4, 783) = 0.25f;
        const QString mismatch = oneSampleMismatch(net, x, 1e-6f);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    // Widths that take every block of the one-sample path: 128 + 64 + 32 + 16 + a narrow rest of 7 (251), a
    // narrow layer alone (1 and 15), 16 exactly; inputs with ragged zero blocks and a length not a multiple
    // of 16 (45).
    void oneSampleMatchesTheBatchProductAtEveryWidth()
    {
        const NetworkSpec spec = chainSpec(45,
                                           {dense("d1", 251, "relu"), dense("d2", 1, "tanh"), dense("d3", 15, "relu"),
                                            dense("d4", 16, "linear"), dense("d5", 3, "softmax")});
        Network net(spec, 3);
        Matrix x = randomMatrix(4, 45, 12, -1, 1);
        for (long k = 0; k < 45; ++k)
            if (k % 3 != 0)
                x(0, k) = 0.0f;
        x.row(1).segment(16, 16).setZero();
        x(2, 44) = 0.0f;
        const QString mismatch = oneSampleMismatch(net, x, 1e-5f);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void sameSeedSameWeightsOtherSeedOther()
    {
        Network a(*preset("mlp"), 42), b(*preset("mlp"), 42), c(*preset("mlp"), 43);
        QVERIFY(a.weights() == b.weights());
        QVERIFY(!(a.weights() == c.weights()));
    }

    void weightsRoundTripAndErrors()
    {
        Network a(*preset("mlp"), 1), b(*preset("mlp"), 2);
        b.setWeights(a.weights());
        const Matrix x = randomMatrix(3, 784, 4, 0, 1);
        Matrix pa, pb;
        a.predict(x, pa);
        b.predict(x, pb);
        QVERIFY(pa == pb); // bit-identical
        Weights bad = a.weights();
        bad[0].rows = 10;
        try {
            b.setWeights(bad);
            QFAIL("expected an error");
        } catch (const NeuriteError& e) {
            QVERIFY(std::string(e.what()).find("dense1.weight") != std::string::npos);
        }
        bad = a.weights();
        bad.pop_back();
        QVERIFY_THROWS_EXCEPTION(NeuriteError, b.setWeights(bad));
    }

    // The constructor that takes weights skips the random draw; it must give the network setWeights gives,
    // for every kind of saved tensor (resnet-small has convolutions, BatchNorm's parameters and running
    // statistics, dense layers).
    void builtWithWeightsIsTheNetworkSetWeightsGives()
    {
        for (const char* name : {"mlp", "resnet-small"}) {
            const NetworkSpec spec = *preset(name);
            Network trained(spec, 5);
            Weights weights = trained.weights();
            for (NamedTensor& t : weights) // away from any initial value, BatchNorm's ones included
                for (std::size_t i = 0; i < t.values.size(); ++i)
                    t.values[i] += 0.01f * float(i % 7) + 0.25f;
            Network viaSet(spec, 9);
            viaSet.setWeights(weights);
            Network built(spec, weights, 9);
            QVERIFY(built.weights() == weights);
            const Matrix x = randomMatrix(3, int(built.inputShape().size()), 4, 0, 1);
            Matrix a, b;
            viaSet.predict(x, a);
            built.predict(x, b);
            QVERIFY(a == b);
            QVERIFY(a.allFinite());
        }
        Weights missing = Network(*preset("mlp")).weights();
        missing.pop_back();
        QVERIFY_THROWS_EXCEPTION(NeuriteError, Network(*preset("mlp"), missing));
    }

    void weightLayoutNamesAndShapesEveryTensorWithoutValues()
    {
        for (const char* name : {"mlp", "lenet", "resnet-small"}) {
            const Weights random = Network(*preset(name), 3).weights();
            const Weights layout = Network::weightLayout(*preset(name));
            QCOMPARE(layout.size(), random.size());
            for (std::size_t k = 0; k < layout.size(); ++k) {
                QCOMPARE(layout[k].name, random[k].name);
                QCOMPARE(layout[k].rows, random[k].rows);
                QCOMPARE(layout[k].cols, random[k].cols);
                QCOMPARE(std::size_t(layout[k].rows) * std::size_t(layout[k].cols), random[k].values.size());
                QVERIFY(layout[k].values.empty());
            }
        }
    }

    void invalidDesignThrowsWithMessage()
    {
        NetworkSpec spec = *preset("mlp");
        spec.find("dense2")->options["units"] = -3.0;
        try {
            Network net(spec);
            QFAIL("expected an error");
        } catch (const NeuriteError& e) {
            QVERIFY(std::string(e.what()).find("dense2") != std::string::npos);
        }
    }

    void parameterCountAndShapes()
    {
        Network net(*preset("mlp"));
        QCOMPARE(net.parameterCount(), 109386L);
        QCOMPARE(net.inputShape(), (Shape{1, 28, 28}));
        QCOMPARE(net.outputSize(), 10);
        QCOMPARE(int(net.weights().size()), 6);
    }
};

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
