// Training under stress: start/stop cycles without waiting, closing the window mid-epoch, changing the data
// set during a run, and no thread left behind afterwards.
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"
#include "Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr int kCycles = 100;

// Threads of this process, from the kernel's own list.
int threadCount()
{
    return int(QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// Qt's global thread pool (used inside Qt by the window) keeps idle threads for 30 s; they are Qt's, not
// ours, so they are let go before counting.
// A joined thread can linger in /proc for a moment, so the count is read after a short pause.
int settledThreadCount()
{
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    return threadCount();
}

// Their names as the kernel has them (15 characters), for failure messages.
QString threadNames()
{
    QStringList names;
    const QStringList tasks = QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& task : tasks) {
        QFile comm("/proc/self/task/" + task + "/comm");
        names.append(comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QString("?"));
    }
    return names.join(", ");
}

NetworkSpec smallSpec()
{
    return test::chainSpec(64, {test::dense("hidden", 16, "relu"), test::dense("out", 4, "softmax")});
}

TrainingSettings settingsFor(int epochs, int batchSize)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.batchSize = batchSize;
    s.threads = 2; // the same oneTBB arena size in every run: its pool is sized once, then reused
    return s;
}

// Answers the modal message boxes a close brings up: Yes to "stop the training?", Discard to "save?".
class DialogAnswerer : public QObject {
public:
    DialogAnswerer()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_texts.append(box->text());
            if (QAbstractButton* yes = box->button(QMessageBox::Yes))
                yes->click();
            else if (QAbstractButton* discard = box->button(QMessageBox::Discard))
                discard->click();
        });
        m_timer.start(10);
    }
    QStringList texts() const { return m_texts; }

private:
    QTimer m_timer;
    QStringList m_texts;
};

} // namespace

class TestTrainingStress : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startStopHundredTimesWithoutWaiting();
    void startStopHundredTimesThroughThePanel();
    void closingTheWindowMidEpochStopsAndCloses();
    void destroyingTheWindowMidEpochIsSafe();
    void changingTheDataSetDuringARunIsRefusedOrHandled();
    void noThreadIsLeftBehind();

private:
    QTemporaryDir m_dir;
    DataSetHandle m_data;
    int m_baselineThreads = 0;
};

void TestTrainingStress::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("NEURITE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath("recovery")));
    QStandardPaths::setTestModeEnabled(true);
    m_data = std::make_shared<const Dataset>(test::syntheticImages(8, 4, 50, 10, 11));
    // oneTBB's workers are elastic: started when training needs them (they inherit the training thread's
    // name), let go when idle, at most one fewer than the cores. So the bound is the count before any
    // training plus that pool; and the repeated runs below would each add a thread if one leaked.
    const int beforeTraining = settledThreadCount();
    {
        TrainingController controller;
        QSignalSpy finished(&controller, &TrainingController::finished);
        QVERIFY(controller.start(smallSpec(), settingsFor(2, 10), m_data));
        QVERIFY(controller.waitUntilIdle(30000));
        QCOMPARE(finished.count(), 1);
    }
    m_baselineThreads = beforeTraining + std::max(1, QThread::idealThreadCount() - 1);
    qInfo("threads before training %d, allowed after it %d; now %d (%s)", beforeTraining, m_baselineThreads,
          threadCount(), qPrintable(threadNames()));
}

// start() is accepted again as soon as the previous run is stopping: 100 runs are queued and replaced.
// Only the last may report, and it must report exactly once, complete and correct.
void TestTrainingStress::startStopHundredTimesWithoutWaiting()
{
    TrainingController controller;
    QSignalSpy finished(&controller, &TrainingController::finished);
    QSignalSpy failed(&controller, &TrainingController::failed);
    for (int i = 0; i < kCycles; ++i) {
        QVERIFY2(controller.start(smallSpec(), settingsFor(3, 10), m_data), qPrintable(QString("cycle %1").arg(i)));
        controller.stop();
        QCOMPARE(controller.state(), TrainingController::State::Stopping);
    }
    QVERIFY(controller.start(smallSpec(), settingsFor(3, 10), m_data));
    QVERIFY(controller.waitUntilIdle(30000));
    QTest::qWait(50); // anything late from a replaced run would arrive now
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.count(), 1);
    const auto outcome = finished.at(0).at(0).value<TrainingOutcome>();
    QCOMPARE(outcome.outcome, TrainingResult::Outcome::Completed);
    QCOMPARE(int(outcome.history.epochs.size()), 3);
    QCOMPARE(int(outcome.runId), kCycles + 1);
    QVERIFY(outcome.test.valid);
    QVERIFY2(threadCount() <= m_baselineThreads + 1, qPrintable(threadNames())); // + this controller's thread

    // Twenty controllers made, run and destroyed: a thread leaked by each would show as twenty more.
    for (int i = 0; i < 20; ++i) {
        TrainingController other;
        QVERIFY(other.start(smallSpec(), settingsFor(3, 10), m_data));
        other.stop();
    }
    QVERIFY2(settledThreadCount() <= m_baselineThreads + 1, qPrintable(threadNames()));
}

// The panel waits for each stop; every cycle must leave the design unlocked and Start enabled.
void TestTrainingStress::startStopHundredTimesThroughThePanel()
{
    ProjectDocument document;
    document.newDesign(smallSpec());
    TrainingPanel panel(&document);
    panel.setDataSetOverride(m_data);
    TrainingSettings settings = settingsFor(1000, 10);
    settings.dataSet = "synthetic";
    document.setSettings(settings);
    for (int i = 0; i < kCycles; ++i) {
        panel.start();
        QVERIFY2(panel.isTraining(), qPrintable(QString("cycle %1").arg(i)));
        QVERIFY(document.isDesignLocked());
        panel.stop();
        QVERIFY(panel.controller()->waitUntilIdle(10000));
        QVERIFY(!document.isDesignLocked());
        QVERIFY(panel.startButton()->isEnabled());
    }
    QVERIFY(!panel.isTraining());
    // Settled: the panel's widgets paint their icons with Qt's raster engine, whose pool threads are Qt's.
    QVERIFY2(settledThreadCount() <= m_baselineThreads + 1, qPrintable(threadNames()));
}

void TestTrainingStress::closingTheWindowMidEpochStopsAndCloses()
{
    auto window = std::make_unique<MainWindow>();
    cli::assembleWorkspace(*window);
    window->show();
    auto* panel = window->findChild<TrainingPanel*>();
    QVERIFY(panel);
    // Long epochs (3,000 batches of one image) so that the close lands inside the first one.
    const auto data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 300, 10, 5));
    panel->setDataSetOverride(data);
    window->document()->newDesign(*preset("mlp"));
    TrainingSettings settings = settingsFor(50, 1);
    settings.dataSet = "synthetic";
    window->document()->setSettings(settings);
    QSignalSpy batches(panel->controller(), &TrainingController::batchesReported);
    QSignalSpy epochs(panel->controller(), &TrainingController::epochReported);
    panel->start();
    QVERIFY(panel->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    QCOMPARE(epochs.count(), 0); // mid-epoch

    DialogAnswerer answerer;
    QVERIFY(window->close());
    QVERIFY(!window->isVisible());
    QVERIFY(!panel->isTraining());
    QVERIFY(answerer.texts().size() >= 1);
    QVERIFY2(answerer.texts().first().contains("training run is still going"), qPrintable(answerer.texts().first()));
    QVERIFY(!window->document()->isDesignLocked());
    window.reset();
    // The training thread and the recovery writer are joined; the kernel drops their entries just after.
    QVERIFY2(settledThreadCount() <= m_baselineThreads, qPrintable(threadNames()));
}

// Without a close (a program ending, a test tearing down): the panel stops and joins its thread and the
// document outlives every widget that uses it (under ASan a use after free would fail here).
void TestTrainingStress::destroyingTheWindowMidEpochIsSafe()
{
    auto window = std::make_unique<MainWindow>();
    cli::assembleWorkspace(*window);
    auto* panel = window->findChild<TrainingPanel*>();
    panel->setDataSetOverride(m_data);
    window->document()->newDesign(smallSpec());
    TrainingSettings settings = settingsFor(100000, 1);
    settings.dataSet = "synthetic";
    window->document()->setSettings(settings);
    QSignalSpy batches(panel->controller(), &TrainingController::batchesReported);
    panel->start();
    QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 30000);
    QVERIFY(window->document()->isDesignLocked());
    window.reset();
    QVERIFY2(settledThreadCount() <= m_baselineThreads, qPrintable(threadNames()));
}

// The form is disabled during a run (refused); a change that reaches the document anyway (an opened
// project, a script) leaves the running training on its snapshot, and the next run uses the new data set,
// or says clearly why it cannot.
void TestTrainingStress::changingTheDataSetDuringARunIsRefusedOrHandled()
{
    ProjectDocument document;
    document.newDesign(smallSpec());
    TrainingPanel panel(&document);
    panel.setDataSetOverride(m_data);
    panel.setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; });
    TrainingSettings settings = settingsFor(400, 10);
    settings.dataSet = "synthetic";
    document.setSettings(settings);
    panel.start();
    QVERIFY(panel.isTraining());
    QVERIFY(!panel.settingsForm()->isEnabled());
    QVERIFY(!panel.settingsForm()->dataSetBox()->isEnabled()); // the data set cannot be picked

    // Another data set, whose images and classes do not fit the design (10 x 10 pixels, 3 classes).
    const auto other = std::make_shared<const Dataset>(test::syntheticImages(10, 3, 20, 5, 12));
    TrainingSettings changed = settings;
    changed.dataSet = "other";
    document.setSettings(changed);
    panel.setDataSetOverride(other);
    QVERIFY(panel.isTraining());
    QTest::qWait(30);
    panel.stop();
    QVERIFY(panel.controller()->waitUntilIdle(10000));
    QVERIFY(panel.lastOutcome().has_value());
    QCOMPARE(panel.lastOutcome()->spec, smallSpec());
    QCOMPARE(panel.lastOutcome()->settings.dataSet, std::string("synthetic")); // the run's snapshot
    QVERIFY(panel.controller()->dataSet() == m_data);

    // The next run would take the new data set, which does not fit: refused before it starts, with a message
    // naming the layer, no crash and no run.
    QSignalSpy failed(panel.controller(), &TrainingController::failed);
    panel.start();
    QVERIFY(!panel.isTraining());
    QCOMPARE(failed.count(), 0);
    const QString message = panel.statusText();
    QVERIFY2(message.contains("Training cannot start: Input") && message.contains("has 1x10x10 images"),
             qPrintable(message));
    QVERIFY(!panel.logText().contains("Run 2"));
    QVERIFY(!document.isDesignLocked());
    QVERIFY(panel.startButton()->isEnabled());
}

// After every window, panel and controller above is gone: no thread beyond oneTBB's pool is left.
void TestTrainingStress::noThreadIsLeftBehind()
{
    QVERIFY2(settledThreadCount() <= m_baselineThreads, qPrintable(threadNames()));
}

QTEST_MAIN(TestTrainingStress)
#include "tst_trainingstress.moc"
