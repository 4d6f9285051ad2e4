// Watching learning at a human pace: Step batch / Step epoch start a paused run or advance a paused one by
// exactly one batch or one epoch, then it waits again; the Pace box limits the batches a second.
#include "charts/AccuracyChart.h"
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/PaceBox.h"
#include "training/RunReportText.h"
#include "training/TrainingPanel.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr int kPerEpoch = 12; // 240 training images, 20 a batch

NetworkSpec mlpSpec()
{
    return test::chainSpec(784, {test::dense("hidden", 32, "relu"), test::dense("out", 10, "softmax")});
}

TrainingSettings settingsFor(int epochs)
{
    TrainingSettings s;
    s.dataSet = "synthetic";
    s.epochs = epochs;
    s.batchSize = 20;
    s.validationSplit = 0.2f;
    return s;
}

} // namespace

class TestStepAndPace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void stepButtonsAreEnabledWhenAStepCanBeTaken();
    void stepEpochWhilePausedAdvancesOneEpoch();
    void stepBatchAdvancesOneBatch();
    void thePaceLimitsTheBatchesPerSecond();
    void aPacedRunsEtaIsWhenItEnds();

private:
    int batchesShown() const { return int(m_panel->lossChart()->rawBatches().points().size()); }
    int epochsShown() const { return m_panel->accuracyChart()->trainPointCount(); }
    // The run waits (its step done) and the charts show everything it reported; they stay so a while.
    void expectPausedAt(int batches, int epochs);

    DataSetHandle m_data;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

void TestStepAndPace::initTestCase()
{
    m_data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 30, 10, 5, 0.6f));
}

void TestStepAndPace::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_document->newDesign(mlpSpec());
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    m_panel->setDataSetOverride(m_data);
    m_panel->setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; });
    m_document->setSettings(settingsFor(50));
}

void TestStepAndPace::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

void TestStepAndPace::expectPausedAt(int batches, int epochs)
{
    QTRY_COMPARE_WITH_TIMEOUT(batchesShown(), batches, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(epochsShown(), epochs, 20000);
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Paused);
    QTest::qWait(300);
    QCOMPARE(batchesShown(), batches);
    QCOMPARE(epochsShown(), epochs);
    QVERIFY2(m_panel->statusText().contains(QStringLiteral("Paused")), qPrintable(m_panel->statusText()));
}

void TestStepAndPace::stepButtonsAreEnabledWhenAStepCanBeTaken()
{
    m_document->setSettings(settingsFor(2000)); // still going when it is paused
    QPushButton* batch = m_panel->stepBatchButton();
    QPushButton* epoch = m_panel->stepEpochButton();
    QCOMPARE(batch->text(), QStringLiteral("Step batch"));
    QCOMPARE(epoch->text(), QStringLiteral("Step epoch"));
    // Idle with a design that can train: a step starts a paused run.
    QVERIFY(batch->isEnabled() && epoch->isEnabled());
    QVERIFY(!m_panel->pauseButton()->isEnabled());
    // Running and paused: both can step.
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(batch->isEnabled() && epoch->isEnabled());
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Paused);
    QVERIFY(batch->isEnabled() && epoch->isEnabled());
    // Stopping: nothing to step.
    m_panel->controller()->stop();
    QVERIFY(!batch->isEnabled() && !epoch->isEnabled());
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QVERIFY(batch->isEnabled() && epoch->isEnabled());
    // A design with problems cannot start, by a step either.
    m_document->newDesign(NetworkSpec{});
    QVERIFY(!m_document->canTrain());
    QVERIFY(!batch->isEnabled() && !epoch->isEnabled());
}

// From idle, Step epoch trains epoch 1 and pauses; each further press adds exactly one epoch to the history.
void TestStepAndPace::stepEpochWhilePausedAdvancesOneEpoch()
{
    QTest::mouseClick(m_panel->stepEpochButton(), Qt::LeftButton);
    QVERIFY(m_panel->isTraining());
    QCOMPARE(m_panel->controller()->state(), TrainingController::State::Paused);
    QVERIFY(m_panel->logText().contains(QStringLiteral("— Run 1:")));
    expectPausedAt(kPerEpoch, 1);
    QCOMPARE(m_panel->pauseButton()->text(), QStringLiteral("Resume"));
    QCOMPARE(m_panel->logText().count(QStringLiteral("Epoch ")), 1);
    QTest::mouseClick(m_panel->stepEpochButton(), Qt::LeftButton);
    expectPausedAt(2 * kPerEpoch, 2);
    QCOMPARE(m_panel->logText().count(QStringLiteral("Epoch ")), 2);
    // Resume goes on, Stop ends it. Paced at 100 batches a second, the 600 batches of the run take 6 s, so
    // Stop lands while it runs (at full speed on an idle machine the run could end before the click).
    m_panel->paceBox()->setCurrentIndex(m_panel->paceBox()->findData(100.0));
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(epochsShown() > 3, 20000);
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QCOMPARE(m_panel->lastOutcome()->outcome, TrainingResult::Outcome::Stopped);
}

// Step batch from idle trains one batch; on a paused run, one more; mid-epoch, Step epoch finishes the epoch.
void TestStepAndPace::stepBatchAdvancesOneBatch()
{
    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    expectPausedAt(1, 0);
    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    expectPausedAt(2, 0);
    QTest::mouseClick(m_panel->stepEpochButton(), Qt::LeftButton);
    expectPausedAt(kPerEpoch, 1);
    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    expectPausedAt(kPerEpoch + 1, 1);
    QVERIFY2(m_panel->statusText().contains(QStringLiteral("epoch 2, batch 1")), qPrintable(m_panel->statusText()));
    // The time spent waiting between steps is not training time.
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QVERIFY(m_panel->lastOutcome()->history.batches.back().elapsedSeconds < 1.0);
}

// At 20 batches a second, a run of 12 batches takes at least 11 / 20 s; the pace reaches the running run.
void TestStepAndPace::thePaceLimitsTheBatchesPerSecond()
{
    PaceBox* pace = m_panel->paceBox();
    QCOMPARE(pace->batchesPerSecond(), 0.0); // full speed by default
    QCOMPARE(pace->itemText(0), QStringLiteral("Full speed"));
    const int twenty = pace->findData(20.0);
    QVERIFY(twenty > 0);
    pace->setCurrentIndex(twenty);
    QCOMPARE(m_panel->controller()->pace(), 20.0);
    m_document->setSettings(settingsFor(1));
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    const double seconds = double(clock.elapsed()) / 1000.0;
    qInfo("%d batches at 20 a second: %.3f s", kPerEpoch, seconds);
    QVERIFY2(seconds >= (kPerEpoch - 1) / 20.0, qPrintable(QString::number(seconds)));
    QCOMPARE(m_panel->lastOutcome()->outcome, TrainingResult::Outcome::Completed);
    // The pace's waiting is not training time: the run's clock is far below its wall time.
    QVERIFY(m_panel->lastOutcome()->history.batches.back().elapsedSeconds < seconds / 2);

    // Back to full speed while a slow run waits: it finishes at once.
    pace->setCurrentIndex(pace->findData(1.0));
    m_document->setSettings(settingsFor(1));
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(batchesShown() >= 1, 20000);
    clock.restart();
    pace->setCurrentIndex(0);
    QCOMPARE(m_panel->controller()->pace(), 0.0);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed()))); // 11 more at 1/s: 11 s
}

// The pace's waiting is not training time, but the ETA says when the run ends: 990 batches left at 10 a
// second are 1:39 however fast the batches themselves are (0.1 s for the first 10 would say 0:10).
void TestStepAndPace::aPacedRunsEtaIsWhenItEnds()
{
    BatchReport b;
    b.samplesPerSecond = 3200;
    b.elapsedSeconds = 0.1;
    QCOMPARE(speedLine(b, 10, 1000), QStringLiteral("3,200 samples/s · elapsed 0:00 · ETA 0:10"));
    QCOMPARE(speedLine(b, 10, 1000, 10.0),
             QStringLiteral("3,200 samples/s · elapsed 0:00 · ETA 1:39 · paced at 10 batches/s"));
    // A pace faster than the training itself changes nothing but the note.
    QCOMPARE(speedLine(b, 10, 1000, 1000.0),
             QStringLiteral("3,200 samples/s · elapsed 0:00 · ETA 0:10 · paced at 1000 batches/s"));
}

QTEST_MAIN(TestStepAndPace)
#include "tst_stepandpace.moc"
