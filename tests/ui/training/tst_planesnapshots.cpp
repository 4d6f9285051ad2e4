// The live plane of two-dimensional data: the worker sends what the network answers over the plane at a
// run's start, while it trains (each step at once) and at its end, computed with the weights that travel
// with it; a step advances exactly one batch or one epoch; the same seed gives bit-identical initial
// weights, so a reset run starts where the first did.
#include "training/TrainingController.h"

#include <neurite/DesignForData.h>
#include <neurite/PlaneView.h>
#include <neurite/TableData.h>

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace neurite;
using namespace neurite::ui;

namespace {

DataSetHandle circleData()
{
    DataOptions options;
    options.plane.points = 200;
    return std::make_shared<const Dataset>(loadTable("circle", options));
}

TrainingSettings stepSettings(const Dataset& data)
{
    TrainingSettings settings = settingsForData(data);
    settings.epochs = 3;
    settings.validationSplit = 0; // every training row is trained on: an epoch is rows / batch batches
    settings.threads = 1;
    return settings;
}

// The newest snapshot once `count` have come (or the last one seen after `timeoutMs`).
PlaneSnapshot waitForSnapshots(QSignalSpy& spy, int count, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (spy.count() < count && clock.elapsed() < timeoutMs)
        spy.wait(200);
    return spy.isEmpty() ? PlaneSnapshot{} : spy.last().at(0).value<PlaneSnapshot>();
}

// Recomputes the snapshot's grid from its own weights, independently of the worker.
PlaneGrid recompute(const NetworkSpec& spec, const Dataset& data, const PlaneSnapshot& snapshot)
{
    Network network(spec);
    network.setWeights(*snapshot.weights);
    const std::optional<PlaneInputs> inputs = PlaneInputs::of(data.schema);
    return evaluatePlane(network, *inputs, snapshot.grid->bounds, snapshot.grid->resolution,
                         snapshot.grid->neuronResolution);
}

} // namespace

class TestPlaneSnapshots : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_data = circleData(); }
    void aRequestAnswersWithTheSeedsInitialWeights();
    void stepsAdvanceExactlyOneBatchOrOneEpoch();
    void theSameSeedStartsFromBitIdenticalWeights();
    void imagesAreNotTwoDimensional();

private:
    DataSetHandle m_data;
};

void TestPlaneSnapshots::aRequestAnswersWithTheSeedsInitialWeights()
{
    TrainingController controller;
    QSignalSpy spy(&controller, &TrainingController::planeReported);
    const NetworkSpec spec = designForData(*m_data);
    controller.requestPlane(spec, std::nullopt, 7, m_data);
    const PlaneSnapshot snapshot = waitForSnapshots(spy, 1);
    QVERIFY(snapshot.grid && snapshot.weights);
    QVERIFY(*snapshot.weights == Network(spec, 7).weights());
    QCOMPARE(snapshot.grid->resolution, 100);
    QCOMPARE(snapshot.grid->outputs, 2);
    const PlaneGrid again = recompute(spec, *m_data, snapshot);
    QVERIFY(again.output == snapshot.grid->output);
    // Every hidden layer of 16 units has its neurons' maps, and so has the Input.
    QVERIFY(snapshot.grid->neurons.size() >= 3);
}

void TestPlaneSnapshots::stepsAdvanceExactlyOneBatchOrOneEpoch()
{
    TrainingController controller;
    QSignalSpy planes(&controller, &TrainingController::planeReported);
    QSignalSpy batches(&controller, &TrainingController::batchesReported);
    const NetworkSpec spec = designForData(*m_data);
    const TrainingSettings settings = stepSettings(*m_data);
    QVERIFY(controller.start(spec, settings, m_data, StepUnit::Batch));
    QVERIFY(controller.settlePaused(20000));
    PlaneSnapshot snapshot = waitForSnapshots(planes, 2);
    QCOMPARE(snapshot.batches, 1L); // the start's look (0), then the step's
    QCOMPARE(planes.first().at(0).value<PlaneSnapshot>().batches, 0L);
    int reported = 0;
    for (const QList<QVariant>& signal : batches)
        reported += int(signal.at(0).value<BatchReports>().size());
    QCOMPARE(reported, 1);

    // An epoch of 100 training rows in batches of 10 is 10 batches: from batch 1 to its end at 10.
    const long perEpoch = long((m_data->train.count() + std::size_t(settings.batchSize) - 1) /
                               std::size_t(settings.batchSize));
    controller.step(StepUnit::Epoch);
    QVERIFY(controller.settlePaused(20000));
    // On a slow machine looks from within the epoch may come first (the watcher looks every 100 ms as well as
    // after each step); the step's own look comes last, and none goes past the epoch's end.
    const auto lastBatches = [&planes] { return planes.last().at(0).value<PlaneSnapshot>().batches; };
    QTRY_COMPARE_WITH_TIMEOUT(lastBatches(), perEpoch, 20000);
    for (const QList<QVariant>& signal : planes)
        QVERIFY(signal.at(0).value<PlaneSnapshot>().batches <= perEpoch);
    snapshot = planes.last().at(0).value<PlaneSnapshot>();
    const PlaneGrid again = recompute(spec, *m_data, snapshot);
    QVERIFY(again.output == snapshot.grid->output);
    controller.stop();
    QVERIFY(controller.waitUntilIdle(20000));
}

void TestPlaneSnapshots::theSameSeedStartsFromBitIdenticalWeights()
{
    const NetworkSpec spec = designForData(*m_data);
    const TrainingSettings settings = stepSettings(*m_data);
    std::vector<PlaneSnapshot> afterOneBatch;
    for (int run = 0; run < 2; ++run) {
        TrainingController controller;
        QSignalSpy planes(&controller, &TrainingController::planeReported);
        QVERIFY(controller.start(spec, settings, m_data, StepUnit::Batch));
        QVERIFY(controller.settlePaused(20000));
        afterOneBatch.push_back(waitForSnapshots(planes, 2));
        QVERIFY(*planes.first().at(0).value<PlaneSnapshot>().weights == Network(spec, settings.seed).weights());
        controller.stop();
        QVERIFY(controller.waitUntilIdle(20000));
    }
    QVERIFY(afterOneBatch[0].weights && afterOneBatch[1].weights);
    QVERIFY(*afterOneBatch[0].weights == *afterOneBatch[1].weights);
    QVERIFY(afterOneBatch[0].grid->output == afterOneBatch[1].grid->output);
    // ... and one batch did change them.
    QVERIFY(!(*afterOneBatch[0].weights == Network(spec, settings.seed).weights()));
}

void TestPlaneSnapshots::imagesAreNotTwoDimensional()
{
    TrainingController controller;
    QSignalSpy spy(&controller, &TrainingController::planeReported);
    QSignalSpy evaluated(&controller, &TrainingController::evaluated);
    Dataset images;
    images.schema.kind = DataSchema::Kind::Images;
    controller.requestPlane(designForData(*m_data), std::nullopt, 1, std::make_shared<const Dataset>(images));
    // The worker answers requests in order: once a later evaluation is answered, the plane request was too.
    controller.evaluate(designForData(*m_data), Network(designForData(*m_data)).weights(), m_data);
    QVERIFY(evaluated.wait(20000));
    QCOMPARE(spy.count(), 0);
}

QTEST_MAIN(TestPlaneSnapshots)
#include "tst_planesnapshots.moc"
