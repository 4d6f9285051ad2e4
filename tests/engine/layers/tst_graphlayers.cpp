// The merge layers (Add, Concatenate) and graph designs: hand-computed forward passes, gradient checks of
// the layers and of whole graphs with fan-out, project round trips, shapes and validate messages.
#include "neurite/Network.h"
#include "layers/AddLayer.h"
#include "layers/ConcatenateLayer.h"
#include "LayerChecks.h"
#include "TestSupport.h"
#include "neurite/Validation.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

// Input (features, flat) -> the layers -> Output, wired by `connections` ({from, to, port}).
NetworkSpec graph(int features, const std::vector<LayerSpec>& layers, const std::vector<Connection>& connections)
{
    NetworkSpec spec;
    LayerSpec input = layerOf("Input", "input", {{"channels", double(features)}, {"height", 1.0}, {"width", 1.0}});
    spec.layers.push_back(input);
    for (const LayerSpec& layer : layers)
        spec.layers.push_back(layer);
    spec.layers.push_back(layerOf("Output", "output"));
    spec.connections = connections;
    return spec;
}

// The largest relative error between the network's analytic parameter gradients and finite differences
// of its loss. The designs here behave the same in training and eval mode.
double networkGradientError(const NetworkSpec& spec, std::string& worst)
{
    Network network(spec, 3);
    const Matrix x = randomMatrix(5, int(network.inputShape().size()), 31);
    const std::uint8_t labels[] = {0, 1, 2, 1, 0};
    network.forwardBackward(x, labels);
    double largest = 0;
    for (const ParameterRef& p : network.parameters()) {
        const Matrix analytic = *p.grad;
        const Matrix numeric = numericGradient(*p.value, [&] {
            int correct = 0;
            return double(network.evaluateBatch(x, labels, &correct));
        });
        const double error = maxRelativeError(analytic, numeric);
        if (error >= largest) {
            largest = error;
            worst = p.name;
        }
    }
    return largest;
}

LayerSpec conv(const std::string& id, int filters)
{
    return layerOf("Conv2D", id, {{"filters", double(filters)}, {"kernel", 3.0}, {"padding", std::string("same")}});
}

// Input (1, 6, 6) -> conv a -> conv b, both joined by `merge` (port 0: a, port 1: b) -> Dense 3 -> Output.
// `options` apply to both convolutions, `bOptions` to b only.
NetworkSpec twoBranches(const std::string& merge, int filtersA, int filtersB, const LayerOptions& options = {},
                        const LayerOptions& bOptions = {})
{
    LayerSpec a = conv("a", filtersA), b = conv("b", filtersB);
    for (const auto& [key, value] : options)
        a.options[key] = b.options[key] = value;
    for (const auto& [key, value] : bOptions)
        b.options[key] = value;
    NetworkSpec spec = imageChain({1, 6, 6}, {a, b, layerOf(merge, "merge")});
    // imageChain wired a -> b -> merge -> head; add the skip a -> merge (port 0) and move b to port 1.
    for (Connection& c : spec.connections)
        if (c.from == "b" && c.to == "merge")
            c.toPort = 1;
    spec.connections.push_back({"a", "merge", 0});
    return spec;
}

} // namespace

class TestGraphLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addForwardAndGradients()
    {
        AddLayer add;
        Matrix a(1, 3), b(1, 3);
        a << 1, 2, 3;
        b << 10, -20, 0.5f;
        const Matrix* in[] = {&a, &b};
        Matrix out;
        add.forward(in, out, false);
        Matrix expected(1, 3);
        expected << 11, -18, 3.5f; // 1 + 10, 2 - 20, 3 + 0.5
        QCOMPARE(out, expected);
        Matrix x = randomMatrix(3, 4, 1), y = randomMatrix(3, 4, 2);
        std::string worst;
        QVERIFY2(gradientError(add, {&x, &y}, randomMatrix(3, 4, 3), worst) < 1e-3, worst.c_str());
    }

    void concatenateForwardAndGradients()
    {
        ConcatenateLayer cat;
        Matrix a(2, 2), b(2, 1);
        a << 1, 2, 3, 4;
        b << 5, 6;
        const Matrix* in[] = {&a, &b};
        Matrix out;
        cat.forward(in, out, false);
        Matrix expected(2, 3);
        expected << 1, 2, 5, 3, 4, 6; // each sample: a's values, then b's
        QCOMPARE(out, expected);
        Matrix x = randomMatrix(3, 4, 4), y = randomMatrix(3, 6, 5);
        std::string worst;
        QVERIFY2(gradientError(cat, {&x, &y}, randomMatrix(3, 10, 6), worst) < 1e-3, worst.c_str());
    }

    // d1 feeds d2, the Add and the Concatenate: its gradient is the sum of three paths.
    void residualGraphGradients()
    {
        const NetworkSpec spec = graph(4,
                                       {dense("d1", 5, "tanh"), dense("d2", 5, "tanh"), layerOf("Add", "add"),
                                        layerOf("Concatenate", "cat"), dense("head", 3, "softmax")},
                                       {{"input", "d1", 0},
                                        {"d1", "d2", 0},
                                        {"d1", "add", 0},
                                        {"d2", "add", 1},
                                        {"add", "cat", 0},
                                        {"d1", "cat", 1},
                                        {"cat", "head", 0},
                                        {"head", "output", 0}});
        QVERIFY2(validate(spec).ok(), validate(spec).errorSummary().c_str());
        std::string worst;
        const double error = networkGradientError(spec, worst);
        QVERIFY2(error < 2e-3, qPrintable(QString("%1 in %2").arg(error).arg(worst.c_str())));
    }

    // Both ports of an Add wired to the same layer: x + x, whose gradient is twice dOut.
    void sameSourceOnBothPorts()
    {
        const NetworkSpec spec = graph(
            4, {dense("d1", 3, "tanh"), layerOf("Add", "add"), dense("head", 3, "softmax")},
            {{"input", "d1", 0}, {"d1", "add", 0}, {"d1", "add", 1}, {"add", "head", 0}, {"head", "output", 0}});
        std::string worst;
        const double error = networkGradientError(spec, worst);
        QVERIFY2(error < 2e-3, qPrintable(QString("%1 in %2").arg(error).arg(worst.c_str())));
    }

    void convolutionalBranchesGradients()
    {
        std::string worst;
        for (const char* merge : {"Add", "Concatenate"}) {
            const double error = networkGradientError(twoBranches(merge, 2, 2, {{"activation", std::string("tanh")}}),
                                                      worst);
            QVERIFY2(error < 2e-3, qPrintable(QString("%1: %2 in %3").arg(merge).arg(error).arg(worst.c_str())));
        }
    }

    void roundTrips()
    {
        const Matrix x = randomMatrix(4, 36, 7, 0, 1);
        for (const char* merge : {"Add", "Concatenate"}) {
            const std::string difference = projectRoundTripDifference(twoBranches(merge, 3, 3), x);
            QVERIFY2(difference.empty(), (merge + (": " + difference)).c_str());
        }
        const Matrix images = randomMatrix(3, 784, 8, 0, 1);
        const std::string difference = projectRoundTripDifference(*preset("resnet-small"), images);
        QVERIFY2(difference.empty(), difference.c_str());
    }

    void shapesAndMessages()
    {
        ValidationReport report = validate(twoBranches("Concatenate", 3, 5));
        QVERIFY2(report.ok(), report.errorSummary().c_str());
        QCOMPARE(report.layers.at("merge").outputShape, (Shape{8, 6, 6}));
        // Flat inputs concatenate too: (5) and (5) -> (10).
        report = validate(
            graph(4, {dense("d1", 5, "tanh"), layerOf("Concatenate", "cat"), dense("h", 2, "softmax")},
                  {{"input", "d1", 0}, {"d1", "cat", 0}, {"input", "cat", 1}, {"cat", "h", 0}, {"h", "output", 0}}));
        QCOMPARE(report.layers.at("cat").outputShape, Shape::flat(9));

        report = validate(twoBranches("Add", 3, 5));
        QVERIFY(!report.ok());
        QCOMPARE(report.errors().front().layerId, std::string("merge"));
        QVERIFY2(report.errorSummary().find("Add 'merge' adds two inputs of the same shape, but gets (3, 6, 6) and "
                                            "(5, 6, 6)") == 0,
                 report.errorSummary().c_str());
        report = validate(twoBranches("Concatenate", 3, 5, {}, {{"stride", 2.0}}));
        QVERIFY2(report.errorSummary().find("Concatenate 'merge' joins its inputs along the channels, so their "
                                            "heights and widths must agree, but it gets (3, 6, 6) and (5, 3, 3)") == 0,
                 report.errorSummary().c_str());
        // An Add with one wire only.
        NetworkSpec oneWire = twoBranches("Add", 3, 3);
        std::erase_if(oneWire.connections, [](const Connection& c) { return c.from == "b" && c.to == "merge"; });
        report = validate(oneWire);
        QVERIFY2(report.errorSummary().find("Add 'merge' has no input") != std::string::npos,
                 report.errorSummary().c_str());

        const ValidationReport resnet = validate(*preset("resnet-small"));
        QVERIFY2(resnet.ok(), resnet.errorSummary().c_str());
        QCOMPARE(resnet.layers.at("add").outputShape, (Shape{16, 14, 14}));
        QCOMPARE(resnet.layers.at("gap").outputShape, Shape::flat(32));
    }
};

QTEST_APPLESS_MAIN(TestGraphLayers)
#include "tst_graphlayers.moc"
