// Tests the training controller: worker-thread runs, throttled progress, pause/resume/stop, divergence,
// errors as messages, evaluation equal to the engine's, and quick start/stop cycles without leaked threads.
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/TrainingController.h"
#include "training/TrainingWorker.h"

#include <neurite/Trainer.h>

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace neurite;
using namespace neurite::ui;
using neurite::test::chainSpec;
using neurite::test::dense;

namespace {

NetworkSpec smallSpec(int inputs, int classes)
{
    return chainSpec(inputs, {dense("hidden", 32, "relu"), dense("out", classes, "softmax")});
}

TrainingSettings quickSettings(int epochs, int batchSize)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.batchSize = batchSize;
    s.optimizer.kind = "adam";
    s.optimizer.learningRate = 0.005f;
    s.threads = 1;
    return s;
}

bool allFinite(const Weights& weights)
{
    for (const NamedTensor& t : weights)
        for (float v : t.values)
            if (!std::isfinite(v))
                return false;
    return !weights.empty();
}

// Threads of this process, from /proc (Linux).
int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// Collects what a controller reports. `updates` counts the rounds in which batches arrived: one take from
// the outbox emits batchesReported once per run of batches, and a checkpoint, a health report or an epoch's
// end between two runs splits them (a sanitised run lasts long enough for several checkpoints).
struct Recorder {
    explicit Recorder(TrainingController& c)
    {
        QObject::connect(&c, &TrainingController::batchesReported, &c, [this](const BatchReports& b) {
            if (!inRound) {
                ++updates;
                inRound = true;
                QTimer::singleShot(0, &roundEnd, [this] { inRound = false; }); // the round ends with this event
            }
            batches.insert(batches.end(), b.begin(), b.end());
        });
        QObject::connect(&c, &TrainingController::epochReported, &c,
                         [this](const EpochReport& e) { epochs.push_back(e); });
        QObject::connect(&c, &TrainingController::finished, &c, [this](const TrainingOutcome& o) { outcome = o; });
        QObject::connect(&c, &TrainingController::failed, &c, [this](const QString& m) { failure = m; });
    }
    QObject roundEnd; // the context of the timer that ends a round: it goes with the recorder
    int updates = 0;
    bool inRound = false;
    BatchReports batches;
    std::vector<EpochReport> epochs;
    std::optional<TrainingOutcome> outcome;
    QString failure;
};

} // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainsOnTheWorkerAndThrottlesProgress();
    void pauseResumeAndStopMidEpochKeepUsableWeights();
    void everyBatchBeforeAPauseIsShownDuringIt();
    void divergenceIsReportedAndLastGoodWeightsKept();
    void badSettingsComeBackAsAMessage();
    void missingDataSetComesBackAsAMessage();
    void evaluationMatchesTheEngine();
    void learningRateChangeIsTakenAtTheNextBatch();
    void quickStartStopCyclesLeakNoThreads();
    void fineTuningStartsFromTheGivenWeights();

private:
    DataSetHandle m_small;  // 4 classes of 8x8 images: quick runs
    DataSetHandle m_longer; // 10 classes of 28x28: runs that last long enough to pause
    Weights lastWeights;    // the kept weights of the last run of fineTuningStartsFromTheGivenWeights
};

void TestTrainingController::initTestCase()
{
    m_small = std::make_shared<const Dataset>(test::syntheticImages(8, 4, 100, 25, 7));
    m_longer = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 150, 20, 11));
}

void TestTrainingController::trainsOnTheWorkerAndThrottlesProgress()
{
    TrainingController controller;
    Recorder rec(controller);
    TrainingSettings s = quickSettings(2, 1); // 1,200 batches an epoch, far more than 25 a second
    s.validationSplit = 0.2f;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(controller.start(smallSpec(784, 10), s, m_longer));
    QCOMPARE(controller.state(), TrainingController::State::Running);
    QVERIFY(!controller.start(smallSpec(784, 10), s, m_longer)); // one run at a time
    QVERIFY(controller.waitUntilIdle(60000));
    const double seconds = clock.elapsed() / 1000.0;

    QVERIFY(rec.outcome.has_value());
    QCOMPARE(rec.outcome->outcome, TrainingResult::Outcome::Completed);
    // Every batch arrives, in order, although in few updates.
    QCOMPARE(rec.batches.size(), rec.outcome->history.batches.size());
    QCOMPARE(int(rec.batches.size()), 2 * 1200);
    for (std::size_t i = 0; i < rec.batches.size(); ++i)
        QCOMPARE(rec.batches[i].step, std::int64_t(i) + 1); // steps count from 1
    QCOMPARE(int(rec.epochs.size()), 2);
    // At most one round per 40 ms, plus the first and those that answers (the run's start, its outcome) open
    // at once.
    const int allowed = int(seconds * 1000.0 / TrainingController::kUpdateIntervalMs) + 2 + 2;
    qInfo("%d batches in %d updates over %.2f s (at most %d allowed)", int(rec.batches.size()), rec.updates, seconds,
          allowed);
    QVERIFY2(rec.updates <= allowed, qPrintable(QString::number(rec.updates)));
    QVERIFY(rec.updates < int(rec.batches.size()) / 4);
    QVERIFY(rec.outcome->test.valid);
    QVERIFY2(rec.outcome->test.metrics.accuracy > 0.8f,
             qPrintable(QString::number(rec.outcome->test.metrics.accuracy)));
    QCOMPARE(rec.outcome->test.predicted.size(), m_longer->test.count());
    QCOMPARE(controller.dataSet(), m_longer);
}

void TestTrainingController::pauseResumeAndStopMidEpochKeepUsableWeights()
{
    TrainingSettings s = quickSettings(50, 1); // 1,500 batches an epoch: a stop lands mid-epoch
    const NetworkSpec spec = smallSpec(784, 10);
    std::unique_ptr<TrainingController> owner;
    std::unique_ptr<Recorder> recorder;
    // A stop that arrives while an epoch closes (its test evaluation) takes effect before the next epoch's
    // first batch, on the boundary between them; that happened once in a loaded suite run, so such a run is
    // made again (twice at most).
    for (int attempt = 1;; ++attempt) {
        recorder.reset();
        owner = std::make_unique<TrainingController>();
        recorder = std::make_unique<Recorder>(*owner);
        TrainingController& controller = *owner;
        Recorder& rec = *recorder;
        QVERIFY(controller.start(spec, s, m_longer));
        QTRY_VERIFY_WITH_TIMEOUT(!rec.batches.empty(), 20000);

        controller.pause();
        QCOMPARE(controller.state(), TrainingController::State::Paused);
        QTest::qWait(200); // let updates sent before the pause arrive
        const std::size_t atPause = rec.batches.size();
        QTest::qWait(400);
        QCOMPARE(rec.batches.size(), atPause); // nothing trains while paused
        QVERIFY(controller.isRunning());

        controller.resume();
        QCOMPARE(controller.state(), TrainingController::State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(rec.batches.size() > atPause + 10, 20000);

        controller.stop();
        QCOMPARE(controller.state(), TrainingController::State::Stopping);
        QVERIFY(controller.waitUntilIdle(20000));
        QVERIFY(rec.outcome.has_value());
        QCOMPARE(rec.outcome->outcome, TrainingResult::Outcome::Stopped);
        const BatchReport& last = rec.outcome->history.batches.back();
        if (last.batch < last.batchesPerEpoch || attempt == 3)
            break;
        qInfo("attempt %d: the stop landed between two epochs; again", attempt);
    }
    Recorder& rec = *recorder;
    const BatchReport& last = rec.outcome->history.batches.back();
    QVERIFY2(last.batch < last.batchesPerEpoch, "the stop should land inside an epoch");
    QVERIFY(allFinite(rec.outcome->lastWeights));
    QCOMPARE(rec.outcome->keptWeights, rec.outcome->lastWeights);

    // The weights are usable: they load into the design and evaluate to what the controller reported.
    Network network(spec);
    network.setWeights(rec.outcome->lastWeights);
    const Evaluation direct = neurite::evaluate(network, m_longer->test, m_longer->classCount());
    QCOMPARE(direct.accuracy, rec.outcome->test.metrics.accuracy);
    QVERIFY2(direct.accuracy > 0.15f, qPrintable(QString::number(direct.accuracy))); // better than chance (0.1)
}

void TestTrainingController::everyBatchBeforeAPauseIsShownDuringIt()
{
    // Progress is throttled on the GUI side, so what arrived just before the pause is not held back
    // until training resumes.
    TrainingController controller;
    Recorder rec(controller);
    QVERIFY(controller.start(smallSpec(784, 10), quickSettings(50, 1), m_longer));
    QTRY_VERIFY_WITH_TIMEOUT(rec.batches.size() > 20, 20000);
    controller.pause();
    QTest::qWait(300); // the batch in flight finishes; then the trainer waits before the next one
    const std::size_t shownWhilePaused = rec.batches.size();
    controller.stop(); // from a pause, a stop ends the run without another batch
    QVERIFY(controller.waitUntilIdle(20000));
    QVERIFY(rec.outcome.has_value());
    QCOMPARE(shownWhilePaused, rec.outcome->history.batches.size());
    QCOMPARE(rec.batches.size(), rec.outcome->history.batches.size());
}

void TestTrainingController::divergenceIsReportedAndLastGoodWeightsKept()
{
    TrainingController controller;
    Recorder rec(controller);
    TrainingSettings s = quickSettings(3, 8);
    s.optimizer.kind = "sgd";
    s.optimizer.learningRate = 1e30f;
    QVERIFY(controller.start(smallSpec(64, 4), s, m_small));
    QVERIFY(controller.waitUntilIdle(30000));
    QVERIFY(rec.outcome.has_value());
    QCOMPARE(rec.outcome->outcome, TrainingResult::Outcome::Diverged);
    qInfo("%s", qPrintable(rec.outcome->message));
    QVERIFY(rec.outcome->message.contains(QStringLiteral("diverged")));
    QVERIFY(rec.outcome->message.contains(QStringLiteral("last good weights")));
    QVERIFY(allFinite(rec.outcome->lastWeights));
    QCOMPARE(rec.outcome->keptWeights, rec.outcome->lastWeights);
    QVERIFY(rec.outcome->test.valid);
}

void TestTrainingController::badSettingsComeBackAsAMessage()
{
    TrainingController controller;
    Recorder rec(controller);
    TrainingSettings s = quickSettings(2, 0);
    QVERIFY(controller.start(smallSpec(64, 4), s, m_small));
    QVERIFY(controller.waitUntilIdle(10000));
    QVERIFY(!rec.outcome);
    QVERIFY2(rec.failure.contains(QStringLiteral("batch size")), qPrintable(rec.failure));

    // A design that does not fit the data names the layer.
    rec.failure.clear();
    QVERIFY(controller.start(smallSpec(10, 4), quickSettings(1, 4), m_small));
    QVERIFY(controller.waitUntilIdle(10000));
    QVERIFY2(rec.failure.contains(QStringLiteral("Input")), qPrintable(rec.failure));
    QCOMPARE(controller.state(), TrainingController::State::Idle);
}

void TestTrainingController::missingDataSetComesBackAsAMessage()
{
    TrainingController controller;
    QSignalSpy failed(&controller, &TrainingController::dataSetFailed);
    controller.loadDataSet(QStringLiteral("/nonexistent/neurite-data"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("/nonexistent/neurite-data")));

    // The same through a run that has to load its data set.
    Recorder rec(controller);
    TrainingSettings s = quickSettings(1, 4);
    s.dataSet = "/nonexistent/neurite-data";
    QVERIFY(controller.start(smallSpec(64, 4), s));
    QVERIFY(controller.waitUntilIdle(10000));
    QVERIFY2(rec.failure.contains(QStringLiteral("/nonexistent/neurite-data")), qPrintable(rec.failure));
}

void TestTrainingController::evaluationMatchesTheEngine()
{
    TrainingController controller;
    Recorder rec(controller);
    TrainingSettings s = quickSettings(3, 16);
    s.validationSplit = 0.25f;
    const NetworkSpec spec = smallSpec(64, 4);
    QVERIFY(controller.start(spec, s, m_small));
    QVERIFY(controller.waitUntilIdle(30000));
    QVERIFY(rec.outcome.has_value());

    Network network(spec);
    network.setWeights(rec.outcome->keptWeights);
    const Evaluation direct = neurite::evaluate(network, m_small->test, m_small->classCount());
    QCOMPARE(rec.outcome->test.metrics.accuracy, direct.accuracy);
    QCOMPARE(rec.outcome->test.metrics.loss, direct.loss);
    QCOMPARE(rec.outcome->test.metrics.confusion, direct.confusion);
    QCOMPARE(rec.outcome->history.testAccuracy, direct.accuracy); // the engine's own test pass agrees
    // Per-image predictions agree with the confusion matrix.
    std::vector<std::vector<int>> counted(4, std::vector<int>(4, 0));
    for (std::size_t i = 0; i < m_small->test.count(); ++i)
        ++counted[m_small->test.labels[i]][rec.outcome->test.predicted[i]];
    QCOMPARE(counted, direct.confusion);

    // Re-evaluating other weights on the worker gives the engine's numbers too.
    QSignalSpy evaluated(&controller, &TrainingController::evaluated);
    const Weights initial = Network(spec, 99).weights();
    controller.evaluate(spec, initial, m_small);
    QVERIFY(evaluated.wait(10000));
    const auto result = evaluated.first().at(0).value<TestEvaluation>();
    Network fresh(spec);
    fresh.setWeights(initial);
    QCOMPARE(result.metrics.accuracy, neurite::evaluate(fresh, m_small->test, 4).accuracy);
}

void TestTrainingController::learningRateChangeIsTakenAtTheNextBatch()
{
    TrainingController controller;
    Recorder rec(controller);
    TrainingSettings s = quickSettings(30, 1);
    s.optimizer.learningRate = 0.001f;
    QVERIFY(controller.start(smallSpec(784, 10), s, m_longer));
    QTRY_VERIFY_WITH_TIMEOUT(!rec.batches.empty(), 20000);
    controller.pause(); // change it while paused so that the next batch is known exactly
    QTest::qWait(100);
    controller.setLearningRate(0.0005f);
    controller.resume();
    QTRY_VERIFY_WITH_TIMEOUT(rec.batches.size() > 50 && rec.batches.back().learningRate == 0.0005f, 20000);
    controller.stop();
    QVERIFY(controller.waitUntilIdle(20000));
    const auto& batches = rec.outcome->history.batches;
    const auto changed = std::find_if(batches.begin(), batches.end(),
                                      [](const BatchReport& b) { return b.learningRate == 0.0005f; });
    QVERIFY(changed != batches.end());
    QCOMPARE(batches.front().learningRate, 0.001f);
    // Every batch after the first changed one uses the new rate.
    QVERIFY(std::all_of(changed, batches.end(), [](const BatchReport& b) { return b.learningRate == 0.0005f; }));
}

void TestTrainingController::quickStartStopCyclesLeakNoThreads()
{
    const NetworkSpec spec = smallSpec(784, 10);
    TrainingSettings s = quickSettings(20, 1);
    {
        // Warm-up: the first run starts oneTBB's worker threads, which live for the whole process.
        TrainingController warm;
        warm.start(spec, s, m_longer);
        QTest::qWait(50);
        warm.stop();
        QVERIFY(warm.waitUntilIdle(20000));
    }
    const int before = threadCount();
    {
        TrainingController controller;
        Recorder rec(controller);
        for (int i = 0; i < 20; ++i) {
            QVERIFY(controller.start(spec, s, m_longer));
            if (i % 3 == 1)
                QTest::qWait(5);
            controller.stop(); // start again right away: the stopping run is replaced
        }
        QVERIFY(controller.start(spec, quickSettings(1, 64), m_longer));
        QVERIFY(controller.waitUntilIdle(30000));
        QVERIFY(rec.outcome.has_value());
        QCOMPARE(rec.outcome->settings.batchSize, 64); // only the last run's result is reported
        QCOMPARE(rec.outcome->outcome, TrainingResult::Outcome::Completed);
    }
    for (int i = 0; i < 20; ++i) {
        // A controller destroyed mid-run stops it and joins its thread.
        TrainingController controller;
        QVERIFY(controller.start(spec, s, m_longer));
        if (i % 2)
            QTest::qWait(10);
    }
    const int after = threadCount();
    qInfo("threads before %d, after %d", before, after);
    QVERIFY2(after <= before + 1, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

// "Start from current weights" (an imported model, the last run): a run given weights starts from them.
// With a learning rate too small to move them, it ends where the first run did; from the seed, it does not.
void TestTrainingController::fineTuningStartsFromTheGivenWeights()
{
    const NetworkSpec spec = smallSpec(64, 4);
    const auto run = [&](const TrainingSettings& settings, const std::optional<Weights>& start) {
        TrainingController controller;
        Recorder rec(controller);
        if (!controller.start(spec, settings, m_small, std::nullopt, start) || !controller.waitUntilIdle(60000))
            return -1.0f;
        if (!QTest::qWaitFor([&] { return rec.outcome.has_value(); }, 20000))
            return -1.0f;
        lastWeights = rec.outcome->keptWeights;
        return rec.outcome->test.metrics.accuracy;
    };
    const float trained = run(quickSettings(4, 8), std::nullopt);
    const Weights weights = lastWeights;
    QVERIFY2(trained > 0.8f, qPrintable(QString::number(trained)));
    TrainingSettings still = quickSettings(1, 8);
    still.optimizer.kind = "sgd";
    still.optimizer.learningRate = 1e-12f;
    QCOMPARE(run(still, weights), trained);
    const float fresh = run(still, std::nullopt);
    QVERIFY2(fresh < trained - 0.2f, qPrintable(QString("%1 from the seed, %2 trained").arg(fresh).arg(trained)));
}

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
