// Tests that the design and settings chosen for each generated two-dimensional set learn it with the default
// options and seed 1, as `neurite train --data NAME` does: circle, xor and gauss to at least 95% test
// accuracy, spiral to at least 85%, and the regressions to a high R².
#include "neurite/DesignForData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <QtTest>

using namespace neurite;

namespace {

struct Learnt {
    double accuracy = 0;
    double r2 = 0;
};

Learnt trainOnDefaults(const std::string& name)
{
    const Dataset data = loadTable(name, DataOptions{});
    Network network(designForData(data), 1);
    const TrainingSettings settings = settingsForData(data);
    const TrainingResult result = train(network, data, settings);
    Learnt learnt;
    learnt.accuracy = result.history.testAccuracy;
    if (data.task() == TaskKind::Regression)
        learnt.r2 =
            evaluateRegression(network, data.test, data.schema.targetMean, data.schema.targetDeviation).metrics.r2;
    qInfo("%s: %d epochs of batch %d, test accuracy %.4f, R2 %.4f on %zu rows", name.c_str(), settings.epochs,
          settings.batchSize, learnt.accuracy, learnt.r2, data.test.count());
    return learnt;
}

} // namespace

class TestPlaneTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theDesignIsASmallTanhNetwork()
    {
        const Dataset data = loadTable("blobs", DataOptions{});
        const NetworkSpec spec = designForData(data);
        QCOMPARE(std::get<double>(spec.find("input")->options.at("channels")), 2.0);
        QCOMPARE(std::get<std::string>(spec.find("dense1")->options.at("activation")), std::string("tanh"));
        QCOMPARE(std::get<double>(spec.find("dense3")->options.at("units")), 3.0);
        const TrainingSettings settings = settingsForData(data);
        QCOMPARE(settings.batchSize, 10);
        QCOMPARE(settings.validationSplit, 0.0f);
    }

    void theClassSetsAreLearnt()
    {
        QVERIFY(trainOnDefaults("circle").accuracy >= 0.95);
        QVERIFY(trainOnDefaults("xor").accuracy >= 0.95);
        QVERIFY(trainOnDefaults("gauss").accuracy >= 0.95);
        QVERIFY(trainOnDefaults("spiral").accuracy >= 0.85);
        QVERIFY(trainOnDefaults("blobs").accuracy >= 0.95);
    }

    void theRegressionsAreLearnt()
    {
        QVERIFY(trainOnDefaults("plane").r2 >= 0.99);
        QVERIFY(trainOnDefaults("gauss-regression").r2 >= 0.85);
    }
};

QTEST_APPLESS_MAIN(TestPlaneTraining)
#include "tst_planetraining.moc"
