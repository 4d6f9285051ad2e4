// Steering a run from another thread: a step of one batch or one epoch runs exactly that and waits again,
// a pace limits the batches per second (and its waiting is no training time), a stop keeps the last or the
// best epoch's weights.
#include "TestSupport.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace neurite;
using namespace neurite::test;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

NetworkSpec smallSpec(int classes = 3)
{
    return chainSpec(8, {dense("h", 16, "relu"), dense("o", classes, "softmax")});
}

// Counts the reports as they arrive on the training thread, for the test's thread to read.
class CountingSink : public ProgressSink {
public:
    void onBatch(const BatchReport&) override { m_batches.fetch_add(1); }
    void onEpoch(const EpochReport&) override { m_epochs.fetch_add(1); }
    int batches() const { return m_batches.load(); }
    int epochs() const { return m_epochs.load(); }

private:
    std::atomic<int> m_batches{0};
    std::atomic<int> m_epochs{0};
};

// Asks for a stop (keeping `kept`) when batch `batch` of epoch `epoch` has been reported.
class StopAt : public ProgressSink {
public:
    StopAt(TrainingControl& control, int epoch, int batch, KeptWeights kept)
        : m_control(control), m_epoch(epoch), m_batch(batch), m_kept(kept)
    {
    }
    void onBatch(const BatchReport& report) override
    {
        if (report.epoch == m_epoch && report.batch == m_batch)
            m_control.requestStop(m_kept);
    }

private:
    TrainingControl& m_control;
    int m_epoch, m_batch;
    KeptWeights m_kept;
};

TrainingSettings quickSettings(int epochs, float validationSplit)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.batchSize = 8;
    s.validationSplit = validationSplit;
    s.optimizer.learningRate = 0.01f;
    return s;
}

constexpr int kQuietMs = 200; // how long a waiting run is watched to see that nothing more arrives

} // namespace

class TestTrainingControl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aStepRunsExactlyThatAndWaitsAgain();
    void aPaceLimitsTheBatchesPerSecond();
    void anotherPaceIsTakenByAWaitingRun();
    void aStopKeepsTheWeightsItAskedFor();
    void aStopForTheBestBeforeAnyEpochKeepsTheLast();
};

// Started paused, the run takes no batch; each step lets exactly one more batch (or the rest of the
// epoch) through and the run waits again. The waiting counts as paused time.
void TestTrainingControl::aStepRunsExactlyThatAndWaitsAgain()
{
    Network net(smallSpec(), 1);
    const Dataset data = blobs(40, 3, 8, 1); // 120 images, 8 a batch: 15 batches an epoch
    const TrainingSettings s = quickSettings(5, 0);
    constexpr int kPerEpoch = 15;
    TrainingControl control;
    control.setPaused(true);
    CountingSink sink;
    TrainingResult result;
    const auto start = Clock::now();
    std::thread trainer([&] { result = train(net, data, s, &sink, &control); });
    const int timeout = 10000 * kSanitizerSlowdown;
    double quiet = 0; // seconds the test itself spent watching a waiting run

    const auto expectWaitingAt = [&](int batches, int epochs) {
        QTRY_COMPARE_WITH_TIMEOUT(sink.batches(), batches, timeout);
        QTRY_VERIFY_WITH_TIMEOUT(control.waiting(), timeout);
        QTest::qSleep(kQuietMs);
        quiet += kQuietMs / 1000.0;
        QVERIFY(control.waiting());
        QCOMPARE(sink.batches(), batches);
        QCOMPARE(sink.epochs(), epochs);
    };
    expectWaitingAt(0, 0);
    control.requestSteps(StepUnit::Batch);
    expectWaitingAt(1, 0);
    control.requestSteps(StepUnit::Batch, 3);
    expectWaitingAt(4, 0);
    control.requestSteps(StepUnit::Epoch); // the rest of epoch 1, its validation and report
    expectWaitingAt(kPerEpoch, 1);
    control.requestSteps(StepUnit::Epoch);
    expectWaitingAt(2 * kPerEpoch, 2);
    control.requestStop();
    trainer.join();
    const double wall = secondsSince(start);

    QCOMPARE(result.outcome, TrainingResult::Outcome::Stopped);
    QCOMPARE(int(result.history.batches.size()), 2 * kPerEpoch);
    QCOMPARE(int(result.history.epochs.size()), 2);
    // The time spent waiting for a step is left out of the run's clock.
    const double elapsed = result.history.batches.back().elapsedSeconds;
    QVERIFY2(elapsed <= wall - quiet, qPrintable(QStringLiteral("elapsed %1 s of %2 s").arg(elapsed).arg(wall)));
}

// M batches at a pace of N a second take at least (M - 1) / N seconds; the waiting for the pace is not
// training time (elapsed time and samples/s leave it out).
void TestTrainingControl::aPaceLimitsTheBatchesPerSecond()
{
    constexpr double kPace = 40;
    constexpr int kBatches = 20;
    Network net(smallSpec(4), 1);
    const Dataset data = blobs(40, 4, 8, 2); // 160 images: 20 batches of 8
    TrainingControl control;
    control.setPace(kPace);
    QCOMPARE(control.pace(), kPace);
    CountingSink sink;
    const auto start = Clock::now();
    const TrainingResult result = train(net, data, quickSettings(1, 0), &sink, &control);
    const double wall = secondsSince(start);
    QCOMPARE(result.outcome, TrainingResult::Outcome::Completed);
    QCOMPARE(sink.batches(), kBatches);
    const double least = (kBatches - 1) / kPace;
    qInfo("%d batches at %.0f a second: %.3f s (at least %.3f s); elapsed training time %.4f s", kBatches, kPace, wall,
          least, result.history.batches.back().elapsedSeconds);
    QVERIFY2(wall >= least, qPrintable(QString::number(wall)));
    QVERIFY2(result.history.batches.back().elapsedSeconds < least / 2,
             qPrintable(QString::number(result.history.batches.back().elapsedSeconds)));
    QVERIFY(result.history.epochs[0].seconds < least / 2);
    QVERIFY(result.history.epochs[0].samplesPerSecond > 160 / (least / 2));
}

// A run waiting a second for its pace takes "full speed" at once, instead of after the wait.
void TestTrainingControl::anotherPaceIsTakenByAWaitingRun()
{
    Network net(smallSpec(4), 1);
    const Dataset data = blobs(40, 4, 8, 2);
    TrainingControl control;
    control.setPace(1.0);
    CountingSink sink;
    TrainingResult result;
    const auto start = Clock::now();
    std::thread trainer([&] { result = train(net, data, quickSettings(1, 0), &sink, &control); });
    QTRY_COMPARE_WITH_TIMEOUT(sink.batches(), 1, 10000 * kSanitizerSlowdown); // the first batch waits for nobody
    QTest::qSleep(100);
    QCOMPARE(sink.batches(), 1); // the second waits for its second
    control.setPace(0);
    trainer.join();
    const double wall = secondsSince(start);
    QCOMPARE(int(result.history.batches.size()), 20);
    QVERIFY2(wall < 0.9, qPrintable(QString::number(wall))); // 19 more batches at 1/s would take 19 s
}

// Stopped in epoch 4 of a run with validation: asked for the best, the network holds the best epoch's weights
// and the test figures are theirs; asked for the last, it holds those after the last batch.
void TestTrainingControl::aStopKeepsTheWeightsItAskedFor()
{
    const Dataset data = blobs(40, 3, 8, 1);
    for (const KeptWeights kept : {KeptWeights::Best, KeptWeights::Last}) {
        Network net(smallSpec(), 1);
        TrainingControl control;
        StopAt sink(control, 4, 3, kept);
        const TrainingResult result = train(net, data, quickSettings(20, 0.25f), &sink, &control);
        QCOMPARE(result.outcome, TrainingResult::Outcome::Stopped);
        QCOMPARE(int(result.history.epochs.size()), 3);
        QVERIFY(result.history.bestEpoch >= 1 && result.history.bestEpoch <= 3);
        QVERIFY(!result.bestWeights.empty());
        QVERIFY(result.bestWeights != result.lastWeights); // three batches of epoch 4 came after the best
        const Weights& expected = kept == KeptWeights::Best ? result.bestWeights : result.lastWeights;
        QVERIFY(net.weights() == expected);
        Network reference(smallSpec(), 1);
        reference.setWeights(expected);
        QCOMPARE(result.history.testAccuracy, evaluate(reference, data.test, 3).accuracy);
    }
}

void TestTrainingControl::aStopForTheBestBeforeAnyEpochKeepsTheLast()
{
    const Dataset data = blobs(40, 3, 8, 1);
    Network net(smallSpec(), 1);
    TrainingControl control;
    StopAt sink(control, 1, 5, KeptWeights::Best);
    const TrainingResult result = train(net, data, quickSettings(20, 0.25f), &sink, &control);
    QCOMPARE(result.outcome, TrainingResult::Outcome::Stopped);
    QVERIFY(result.bestWeights.empty());
    QVERIFY(net.weights() == result.lastWeights);
    QCOMPARE(int(result.history.batches.size()), 5);
}

QTEST_GUILESS_MAIN(TestTrainingControl)
#include "tst_trainingcontrol.moc"
