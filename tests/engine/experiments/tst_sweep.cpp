// Tests planning a sweep: the grid's exact combinations in order with their settings and layer options, a
// random search's budget, seed and lack of repeats, repeated seeds, ranges, and the errors for bad values.
#include "ErrorCapture.h"
#include "neurite/Error.h"
#include "neurite/Sweep.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace neurite;

namespace {

Experiment mlpExperiment(const std::vector<std::string>& sets)
{
    Experiment experiment;
    experiment.design = *preset("mlp");
    for (const std::string& text : sets)
        experiment.axes.push_back(parseSweepAxis(text));
    return experiment;
}

std::string valuesOf(const PlannedRun& run)
{
    std::string text;
    for (const SweptValue& s : run.swept)
        text += (text.empty() ? "" : " ") + s.key + "=" + s.value;
    return text;
}

double units(const PlannedRun& run, const std::string& layer)
{
    return run.design.find(layer)->number("units", -1);
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void axesAreParsed()
    {
        const SweepAxis axis = parseSweepAxis("lr=0.0003, 0.001,0.003");
        QCOMPARE(axis.key, std::string("lr"));
        QCOMPARE(axis.values, (std::vector<std::string>{"0.0003", "0.001", "0.003"}));
        QVERIFY(!axis.range);
        const SweepAxis range = parseSweepAxis("lr=1e-4..1e-2");
        QVERIFY(range.range && range.range->low == 1e-4 && range.range->high == 1e-2);
        QVERIFY(test::errorOf([] { parseSweepAxis("lr"); }).contains("expected NAME=VALUE"));
        QVERIFY(test::errorOf([] { parseSweepAxis("=1,2"); }).contains("the name before '=' is missing"));
        QCOMPARE(test::errorOf([] { parseSweepAxis("lr=1,,2"); }), QString("lr=1,,2: an empty value"));
        QVERIFY(test::errorOf([] { parseSweepAxis("lr=0..1"); }).contains("0 < LOW < HIGH"));
        QVERIFY(test::errorOf([] { parseSweepAxis("lr=2..1"); }).contains("0 < LOW < HIGH"));
    }

    // Nested loops in the order given: lr slowest, then batch, then units.
    void theGridHoldsEveryCombinationInOrder()
    {
        Experiment experiment = mlpExperiment({"lr=0.0003,0.001,0.003", "batch=32,128", "dense1.units=32,64"});
        experiment.settings.epochs = 2;
        const std::vector<PlannedRun> runs = planSweep(experiment);
        QCOMPARE(runs.size(), std::size_t(12));
        QCOMPARE(gridSize(experiment), std::size_t(12));
        std::size_t i = 0;
        for (const char* lr : {"0.0003", "0.001", "0.003"})
            for (int batch : {32, 128})
                for (int width : {32, 64}) {
                    const PlannedRun& run = runs[i++];
                    const std::string expected = std::string("lr=") + lr + " batch=" + std::to_string(batch) +
                                                 " dense1.units=" + std::to_string(width);
                    QCOMPARE(valuesOf(run), expected);
                    QCOMPARE(run.name, expected);
                    QCOMPARE(run.settings.optimizer.learningRate, std::stof(lr));
                    QCOMPARE(run.settings.batchSize, batch);
                    QCOMPARE(units(run, "dense1"), double(width));
                    QCOMPARE(units(run, "dense2"), 64.0); // untouched
                    QCOMPARE(run.settings.epochs, 2);
                    QCOMPARE(run.settings.seed, std::uint64_t(1));
                }
    }

    void settingsAndOptionsOfEveryKindApply()
    {
        const Experiment experiment = mlpExperiment({"optimizer=sgd", "momentum=0.9", "weight-decay=0.0001",
                                                     "schedule=cosine", "epochs=3", "seed=7", "nesterov=1",
                                                     "dense2.activation=tanh", "dense1.bias=0"});
        const std::vector<PlannedRun> runs = planSweep(experiment);
        QCOMPARE(runs.size(), std::size_t(1));
        const TrainingSettings& s = runs[0].settings;
        QCOMPARE(s.optimizer.kind, std::string("sgd"));
        QCOMPARE(s.optimizer.momentum, 0.9f);
        QCOMPARE(s.optimizer.weightDecay, 0.0001f);
        QCOMPARE(s.schedule.kind, std::string("cosine"));
        QCOMPARE(s.epochs, 3);
        QCOMPARE(s.seed, std::uint64_t(7));
        QVERIFY(s.optimizer.nesterov);
        QCOMPARE(runs[0].design.find("dense2")->text("activation", ""), std::string("tanh"));
        QCOMPARE(runs[0].design.find("dense1")->number("bias", -1), 0.0);
    }

    void badValuesAreNamed_data()
    {
        QTest::addColumn<QString>("set");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown setting") << "speed=1"
                                         << "speed: not a setting a sweep can vary (settings: lr, batch";
        QTest::newRow("unknown layer") << "dense9.units=3"
                                       << "dense9.units: the design has no layer 'dense9' (its layers: input, dense1";
        QTest::newRow("unknown option")
            << "dense1.rate=3"
            << "dense1.rate: Dense layers have no option 'rate' (options: units, activation";
        QTest::newRow("out of range") << "dense1.units=0"
                                      << "dense1.units=0: Units must be from 1 to 65536";
        QTest::newRow("not whole") << "dense1.units=3.5"
                                   << "dense1.units=3.5: expected a whole number";
        QTest::newRow("not a choice") << "dense1.activation=swish"
                                      << "dense1.activation=swish: not one of";
        QTest::newRow("not a number") << "lr=fast"
                                      << "lr=fast: not a number";
        QTest::newRow("setting range") << "batch=0"
                                       << "batch=0: batch size must be at least 1 (got 0)";
        QTest::newRow("optimizer") << "optimizer=lbfgs"
                                   << "optimizer=lbfgs: ";
        QTest::newRow("range in a grid") << "lr=1e-4..1e-2"
                                         << "lr: a range (LOW..HIGH) needs random search";
    }

    void badValuesAreNamed()
    {
        QFETCH(QString, set);
        QFETCH(QString, expected);
        const QString message = test::errorOf([&set] { planSweep(mlpExperiment({set.toStdString()})); });
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    }

    void randomSearchRespectsItsBudgetAndSeed()
    {
        Experiment experiment = mlpExperiment({"lr=0.0001,0.0003,0.001,0.003,0.01", "batch=16,32,64,128"});
        experiment.search = SearchKind::Random;
        experiment.budget = 7;
        experiment.searchSeed = 11;
        const std::vector<PlannedRun> runs = planSweep(experiment);
        QCOMPARE(runs.size(), std::size_t(7));
        std::set<std::string> seen;
        for (const PlannedRun& run : runs)
            QVERIFY2(seen.insert(valuesOf(run)).second, "a combination came twice");
        std::vector<std::string> first;
        for (const PlannedRun& run : runs)
            first.push_back(valuesOf(run));
        std::vector<std::string> again;
        for (const PlannedRun& run : planSweep(experiment))
            again.push_back(valuesOf(run));
        QCOMPARE(again, first); // same seed, same runs in the same order
        experiment.searchSeed = 12;
        std::vector<std::string> other;
        for (const PlannedRun& run : planSweep(experiment))
            other.push_back(valuesOf(run));
        QVERIFY(other != first);
        // A budget over the grid's size trains the whole grid once.
        experiment.budget = 50;
        const std::vector<PlannedRun> all = planSweep(experiment);
        QCOMPARE(all.size(), std::size_t(20));
        std::set<std::string> distinct;
        for (const PlannedRun& run : all)
            distinct.insert(valuesOf(run));
        QCOMPARE(distinct.size(), std::size_t(20));
    }

    void rangesAreDrawnLogUniformlyWithinBounds()
    {
        Experiment experiment = mlpExperiment({"lr=1e-4..1e-2", "batch=32,64"});
        experiment.search = SearchKind::Random;
        experiment.budget = 200;
        const std::vector<PlannedRun> runs = planSweep(experiment);
        QCOMPARE(runs.size(), std::size_t(200));
        int belowMiddle = 0; // log-uniform: half the draws fall below 1e-3, the geometric middle
        for (const PlannedRun& run : runs) {
            const float lr = run.settings.optimizer.learningRate;
            QVERIFY(lr >= 0.99e-4f && lr <= 1.01e-2f);
            belowMiddle += lr < 1e-3f ? 1 : 0;
        }
        QVERIFY2(belowMiddle > 70 && belowMiddle < 130, qPrintable(QString::number(belowMiddle)));
    }

    void repeatsTrainEachCombinationWithSuccessiveSeeds()
    {
        Experiment experiment = mlpExperiment({"lr=0.001,0.01"});
        experiment.settings.seed = 5;
        experiment.repeats = 3;
        const std::vector<PlannedRun> runs = planSweep(experiment);
        QCOMPARE(runs.size(), std::size_t(6));
        QCOMPARE(runs[0].name, std::string("lr=0.001 #1"));
        QCOMPARE(runs[2].name, std::string("lr=0.001 #3"));
        QCOMPARE(runs[3].name, std::string("lr=0.01 #1"));
        const std::uint64_t seeds[] = {5, 6, 7, 5, 6, 7};
        for (std::size_t i = 0; i < runs.size(); ++i)
            QCOMPARE(runs[i].settings.seed, seeds[i]);
        QCOMPARE(runs[4].swept.back().key, std::string("repeat"));
        QCOMPARE(runs[4].swept.back().value, std::string("2"));
    }

    void hugeGridsAreRefused()
    {
        Experiment experiment = mlpExperiment({});
        std::string values = "epochs=1";
        for (int i = 2; i <= 400; ++i)
            values += "," + std::to_string(i);
        for (int axis = 0; axis < 2; ++axis)
            experiment.axes.push_back(parseSweepAxis(values));
        QVERIFY(test::errorOf([&experiment] { planSweep(experiment); }).contains("more than 100000 runs"));
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
