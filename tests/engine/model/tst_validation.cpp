// validate(): shapes and parameter counts of good designs, and each kind of problem tied to its layer.
#include "TestSupport.h"
#include "neurite/LayerRegistry.h"
#include "neurite/Validation.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

bool hasErrorOn(const ValidationReport& report, const std::string& layerId, const std::string& needle)
{
    for (const ValidationIssue& issue : report.errors())
        if (issue.layerId == layerId && issue.message.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void referenceMlpShapesAndParameters()
    {
        const ValidationReport report = validate(*preset("mlp"));
        QVERIFY2(report.ok(), report.errorSummary().c_str());
        QCOMPARE(report.layers.at("input").outputShape, (Shape{1, 28, 28}));
        QCOMPARE(report.layers.at("dense1").outputShape, Shape::flat(128));
        QCOMPARE(report.layers.at("dense1").parameters, 784L * 128 + 128);
        QCOMPARE(report.layers.at("dense2").parameters, 128L * 64 + 64);
        QCOMPARE(report.layers.at("dense3").parameters, 64L * 10 + 10);
        QCOMPARE(report.totalParameters(), 109386L);
        QCOMPARE(report.totalMultiplyAdds(), 784L * 128 + 128 * 64 + 64 * 10);
        QCOMPARE(report.order.front(), std::string("input"));
        QCOMPARE(report.order.back(), std::string("output"));
    }

    void emptyDesign()
    {
        const ValidationReport report = validate(NetworkSpec{});
        QVERIFY(!report.ok());
        QVERIFY(report.errorSummary().find("empty") != std::string::npos);
    }

    void cycleIsFlaggedOnItsLayers()
    {
        NetworkSpec spec = chainSpec(4, {dense("a", 3, "relu"), dense("b", 3, "relu")});
        // a -> b -> a: give a a second source by rewiring input -> a into b -> a.
        for (Connection& c : spec.connections)
            if (c.to == "a")
                c.from = "b";
        const ValidationReport report = validate(spec);
        QVERIFY(!report.ok());
        QVERIFY(hasErrorOn(report, "a", "cycle"));
        QVERIFY(hasErrorOn(report, "b", "cycle"));
    }

    void missingInput()
    {
        NetworkSpec spec = chainSpec(4, {dense("a", 3, "relu"), dense("b", 2, "softmax")});
        std::erase_if(spec.connections, [](const Connection& c) { return c.to == "b"; });
        const ValidationReport report = validate(spec);
        QVERIFY(hasErrorOn(report, "b", "no input"));
        bool warnedDangling = false;
        for (const ValidationIssue& issue : report.issues)
            warnedDangling = warnedDangling ||
                             (issue.layerId == "a" && issue.severity == ValidationIssue::Severity::Warning);
        QVERIFY(warnedDangling);
    }

    void twoWiresIntoOnePort()
    {
        NetworkSpec spec = chainSpec(4, {dense("a", 3, "relu"), dense("b", 2, "softmax")});
        spec.connections.push_back({"input", "b", 0});
        QVERIFY(hasErrorOn(validate(spec), "b", "already has a wire"));
    }

    void unknownTypeAndBadOptions()
    {
        NetworkSpec spec = chainSpec(4, {dense("a", 3, "relu"), dense("b", 2, "softmax")});
        spec.find("a")->options["units"] = 0.0;
        spec.find("b")->options["activation"] = std::string("swish");
        spec.layers.push_back({"mystery", "Quantum", {}});
        const ValidationReport report = validate(spec);
        QVERIFY(hasErrorOn(report, "a", "Units must be between 1 and 65536"));
        QVERIFY(hasErrorOn(report, "b", "Activation must be one of"));
        QVERIFY(hasErrorOn(report, "mystery", "unknown type 'Quantum'"));
        spec.find("a")->options["units"] = 2.5;
        QVERIFY(hasErrorOn(validate(spec), "a", "whole number"));
    }

    void crossEntropyNeedsClasses()
    {
        const NetworkSpec spec = chainSpec(4, {dense("a", 1, "sigmoid")});
        QVERIFY(hasErrorOn(validate(spec), "output", "at least 2 classes"));
        QVERIFY(validate(chainSpec(4, {dense("a", 1, "sigmoid")}, "mse")).ok());
    }

    void connectionToMissingLayerAndInputPort()
    {
        NetworkSpec spec = chainSpec(4, {dense("a", 3, "softmax")});
        spec.connections.push_back({"ghost", "a", 0});
        spec.connections.push_back({"a", "input", 0});
        const ValidationReport report = validate(spec);
        QVERIFY(hasErrorOn(report, "a", "missing layer 'ghost'"));
        QVERIFY(hasErrorOn(report, "input", "takes no input"));
    }

    void thousandsOfLayersValidateQuickly()
    {
        std::vector<LayerSpec> layers;
        for (int i = 0; i < 10000; ++i)
            layers.push_back(dense("d" + std::to_string(i), 4, "relu"));
        layers.push_back(dense("last", 2, "softmax"));
        QElapsedTimer timer;
        timer.start();
        const ValidationReport report = validate(chainSpec(4, layers));
        QVERIFY(report.ok());
        QCOMPARE(report.order.size(), std::size_t(10003));
        qInfo("10,003-layer design validated in %lld ms", timer.elapsed());
    }

    void captions()
    {
        QCOMPARE(layerCaption(preset("mlp")->layers[1]), std::string("Dense 128 \u00b7 ReLU"));
        QCOMPARE(layerCaption(defaultLayer("Dropout", "d")), std::string("Dropout 0.5"));
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
