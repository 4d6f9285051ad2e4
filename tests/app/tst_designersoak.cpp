// The designer's soak test: the real window (as `neurite` assembles it) trains the LeNet template on mnist-10k
// for NEURITE_SOAK_MINUTES (default 30) while a seeded random user (SoakUser) moves between the live charts,
// the Layers view, Runs, the design and the Predict tab, draws digits, and presses Pause / Resume and types
// learning rates at random moments. Resident memory must stop growing (under 10% over the second half), the
// event loop must never stall over 100 ms, and the run's history must hold every epoch and batch, in order.
// Not in the default run: `./test.sh --soak [MINUTES]` (CTest configuration Soak, label soak).
#include "window/MainWindow.h"
#include "charts/AccuracyChart.h"
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"
#include "health/LayerHealthView.h"
#include "predict/PredictPanel.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "EventLoopStallMeter.h"
#include "ResidentMemory.h"
#include "SoakUser.h"
#include "Workspace.h"

#include <QApplication>
#include <QEventLoop>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr double kDefaultMinutes = 30;
constexpr double kMaxStallMs = 100;
constexpr double kMaxSecondHalfGrowth = 0.10;
constexpr std::uint32_t kDefaultSeed = 2026;
constexpr int kMemorySampleMs = 1000;
constexpr double kMemoryWindowSeconds = 15; // RSS at a moment: the median of the samples this close to it

double environmentNumber(const char* name, double fallback)
{
    const QByteArray text = qgetenv(name);
    bool ok = true;
    const double value = text.isEmpty() ? fallback : text.toDouble(&ok);
    return ok ? value : -1;
}

bool finite(float v)
{
    return std::isfinite(v);
}

// What the controller delivered to the GUI, counted as it came.
struct DeliveredReports {
    int epochs = 0;
    std::int64_t batches = 0;
    bool epochsInOrder = true;
    bool stepsInOrder = true;
    double loadSum = 0, loadMax = 0; // one-minute load average, sampled each minute
    int loadSamples = 0;
};

} // namespace

class TestDesignerSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainsForMinutesInTheWindow();

private:
    void startTraining();
    void soak(test::SoakUser& user, double minutes);
    void stopTraining(test::SoakUser& user);
    void checkHistory(const std::vector<float>& requestedRates);
    void checkLearningRates(const std::vector<BatchReport>& batches, const std::vector<float>& requested);
    void printFigures(const test::SoakUser& user, double minutes) const;
    void printWorstGaps() const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TrainingPanel* m_training = nullptr;
    test::EventLoopStallMeter m_meter;
    test::MemoryTrace m_memory;
    test::MemoryTrace m_heap; // what the allocations hold, beside the resident set
    DeliveredReports m_delivered;
    int m_predictions = 0;
    std::int64_t m_batchesAtMiddle = 0;
    float m_initialRate = 0;
};

void TestDesignerSoak::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("NEURITE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath("recovery")));
}

// The LeNet template on mnist-10k with epochs enough for any soak, a constant learning rate (so that each
// rate typed is the rate the batches report), a validation split and no early stop; started with the Train
// button.
void TestDesignerSoak::startTraining()
{
    m_window = std::make_unique<MainWindow>();
    cli::assembleWorkspace(*m_window);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->newFromTemplate(QStringLiteral(":/templates/lenet-cnn.json")));
    test::SoakUser probe(*m_window, m_meter, 0);
    m_training = probe.training();
    m_training->setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; });
    // Counted from before the start: waiting for the run to start turns the event loop, which can deliver
    // its first reports.
    connect(m_training->controller(), &TrainingController::epochReported, this, [this](const EpochReport& r) {
        ++m_delivered.epochs;
        m_delivered.epochsInOrder = m_delivered.epochsInOrder && r.epoch == m_delivered.epochs;
    });
    connect(m_training->controller(), &TrainingController::batchesReported, this, [this](const BatchReports& b) {
        for (const BatchReport& report : b) {
            ++m_delivered.batches;
            m_delivered.stepsInOrder = m_delivered.stepsInOrder && report.step == m_delivered.batches;
        }
    });
    TrainingSettings settings = m_window->document()->settings();
    settings.dataSet = "mnist-10k";
    settings.epochs = 100000;
    settings.schedule = {};
    settings.earlyStoppingPatience = 0;
    settings.validationSplit = 0.1f; // the validation curves are drawn too
    m_window->document()->setSettings(settings);
    m_initialRate = settings.optimizer.learningRate;
    probe.showRunControls();
    QTRY_VERIFY_WITH_TIMEOUT(m_training->startButton()->isEnabled(), 60000);
    QTest::mouseClick(m_training->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_training->controller()->state() == TrainingController::State::Running, 120000);
}

void TestDesignerSoak::trainsForMinutesInTheWindow()
{
    const double minutes = environmentNumber("NEURITE_SOAK_MINUTES", kDefaultMinutes);
    const double seed = environmentNumber("NEURITE_SOAK_SEED", kDefaultSeed);
    QVERIFY2(minutes > 0 && minutes <= 24 * 60, "NEURITE_SOAK_MINUTES must be a number of minutes up to 1440");
    QVERIFY2(seed >= 0, "NEURITE_SOAK_SEED must be a number");
    startTraining();
    if (QTest::currentTestFailed())
        return;
    test::SoakUser user(*m_window, m_meter, std::uint32_t(seed));
    connect(user.predict(), &PredictPanel::predictionUpdated, this, [this] { ++m_predictions; });
    soak(user, minutes);
    stopTraining(user);
    printFigures(user, minutes);
    printWorstGaps();
    checkHistory(user.requestedRates());

    const double middle = double(m_memory.medianAround(minutes * 30, kMemoryWindowSeconds));
    const double end = double(m_memory.medianAround(m_memory.lastSeconds(), kMemoryWindowSeconds));
    QVERIFY2(end < middle * (1 + kMaxSecondHalfGrowth),
             qPrintable(QStringLiteral("resident memory grew from %1 MB to %2 MB over the second half")
                            .arg(middle / 1024, 0, 'f', 1)
                            .arg(end / 1024, 0, 'f', 1)));
    const test::EventLoopGap& worst = m_meter.worstByOwnTime().front();
    QVERIFY2(worst.ownMs() < kMaxStallMs,
             qPrintable(QStringLiteral("the event loop stalled %1 ms (%2 ms wall) at %3 s: %4")
                            .arg(worst.ownMs(), 0, 'f', 1)
                            .arg(worst.wallMs, 0, 'f', 1)
                            .arg(worst.endedAtSeconds, 0, 'f', 1)
                            .arg(worst.activity)));
}

// Runs the event loop for `minutes` with the user acting, memory sampled every second and a line of progress
// every minute.
void TestDesignerSoak::soak(test::SoakUser& user, double minutes)
{
    QElapsedTimer clock;
    clock.start();
    QTimer memoryTimer;
    connect(&memoryTimer, &QTimer::timeout, this, [this, &clock] {
        m_memory.add(clock.elapsed() / 1000.0, test::residentKilobytes());
        m_heap.add(clock.elapsed() / 1000.0, test::heapInUseKilobytes());
    });
    QTimer progressTimer;
    connect(&progressTimer, &QTimer::timeout, this, [this, &clock] {
        double load = 0;
        getloadavg(&load, 1);
        m_delivered.loadSum += load;
        m_delivered.loadMax = std::max(m_delivered.loadMax, load);
        ++m_delivered.loadSamples;
        const auto& worst = m_meter.worstByWall();
        qInfo("%5.1f min: epoch %d, %lld batches, RSS %.1f MB (heap in use %.1f MB), worst gap so far %.1f ms wall, "
              "load %.1f",
              clock.elapsed() / 60000.0, m_delivered.epochs, (long long)m_delivered.batches,
              test::residentKilobytes() / 1024.0, test::heapInUseKilobytes() / 1024.0,
              worst.empty() ? 0.0 : worst.front().wallMs, load);
    });
    m_memory.add(0, test::residentKilobytes());
    m_heap.add(0, test::heapInUseKilobytes());
    m_meter.start();
    memoryTimer.start(kMemorySampleMs);
    progressTimer.start(60000);
    user.start();
    QTimer::singleShot(int(minutes * 30000), this, [this] { m_batchesAtMiddle = m_delivered.batches; });
    QEventLoop loop;
    QTimer::singleShot(int(minutes * 60000), &loop, &QEventLoop::quit);
    loop.exec();
    user.stop();
    memoryTimer.stop();
    progressTimer.stop();
}

// Stop as a user would (from a pause too), keeping the last weights; the event loop is still measured.
void TestDesignerSoak::stopTraining(test::SoakUser& user)
{
    user.showRunControls();
    m_meter.note(QStringLiteral("Stop pressed"));
    QTest::mouseClick(m_training->stopButton(), Qt::LeftButton);
    QVERIFY(m_training->controller()->waitUntilIdle(120000));
    QTest::qWait(1000); // the results, the Runs list and the Predict tab's new model settle
    m_meter.stop();
}

void TestDesignerSoak::checkHistory(const std::vector<float>& requestedRates)
{
    QVERIFY(m_training->lastOutcome().has_value());
    const TrainingOutcome& outcome = *m_training->lastOutcome();
    const TrainingHistory& history = outcome.history;
    QCOMPARE(outcome.outcome, TrainingResult::Outcome::Stopped);
    QVERIFY(m_delivered.epochsInOrder);
    QVERIFY(m_delivered.stepsInOrder);
    QCOMPARE(int(history.epochs.size()), m_delivered.epochs);
    QVERIFY2(m_delivered.epochs >= 1, "no epoch finished: the soak was too short to judge the history");
    for (std::size_t i = 0; i < history.epochs.size(); ++i) {
        const EpochReport& e = history.epochs[i];
        QCOMPARE(e.epoch, int(i) + 1);
        QVERIFY(finite(e.trainLoss) && finite(e.validationLoss) && finite(e.learningRate));
        QVERIFY(e.trainAccuracy >= 0 && e.trainAccuracy <= 1 && e.validationAccuracy >= 0 && e.validationAccuracy <= 1);
    }
    // The history keeps every batch up to kMaxBatchReports, then a regular grid of them and the newest
    // (keepBatchReport): the steps from 1 on, equally spaced by a power of two, and the last one delivered.
    const std::vector<BatchReport>& batches = history.batches;
    QCOMPARE(batches.back().step, m_delivered.batches);
    QVERIFY(batches.size() <= kMaxBatchReports);
    if (m_delivered.batches < std::int64_t(kMaxBatchReports))
        QCOMPARE(std::int64_t(batches.size()), m_delivered.batches);
    else
        QVERIFY(batches.size() >= kMaxBatchReports / 2);
    const std::int64_t stride = batches.size() > 2 ? batches[1].step - batches[0].step : 1;
    QVERIFY2(stride > 0 && (stride & (stride - 1)) == 0, qPrintable(QString::number(stride)));
    const int perEpoch = batches.front().batchesPerEpoch;
    QCOMPARE(batches.front().step, std::int64_t(1));
    for (std::size_t i = 0; i < batches.size(); ++i) {
        const BatchReport& b = batches[i];
        if (i + 1 < batches.size())
            QCOMPARE(b.step, 1 + std::int64_t(i) * stride);
        QCOMPARE(b.batchesPerEpoch, perEpoch);
        QCOMPARE(std::int64_t(b.epoch - 1) * perEpoch + b.batch, b.step);
        QVERIFY(finite(b.loss) && finite(b.learningRate));
    }
    // The last batch is of the epoch under way at the stop, or of the last finished one.
    QVERIFY(batches.back().epoch == int(history.epochs.size()) ||
            batches.back().epoch == int(history.epochs.size()) + 1);
    checkLearningRates(batches, requestedRates);
    qInfo("history: %zu of %lld batches kept (every %lld-th and the last)", batches.size(),
          (long long)m_delivered.batches, (long long)stride);
    // What the views and the document hold is that history; the chart was given every batch and keeps a
    // bounded number of means.
    const DownsampledSeries& lossLine = m_training->lossChart()->rawBatches();
    QCOMPARE(lossLine.appendedCount(), m_delivered.batches);
    QVERIFY(lossLine.points().size() <= std::size_t(DownsampledSeries::kMaxKeptPoints));
    QCOMPARE(m_training->accuracyChart()->trainPointCount(), int(history.epochs.size()));
    QCOMPARE(m_window->document()->history().epochs.size(), history.epochs.size());
    QCOMPARE(m_window->document()->history().batches.size(), batches.size());
    QCOMPARE(m_window->document()->history().batches.back().step, batches.back().step);
    const std::vector<HealthSample>& health = m_training->layerHealthView()->samples();
    QVERIFY(!health.empty() && health.size() <= kMaxHealthSamples);
    for (std::size_t i = 1; i < health.size(); ++i)
        QVERIFY(health[i].step > health[i - 1].step);
    QVERIFY(health.back().step <= batches.back().step);
}

// The batches' learning rates, change by change, are the initial rate then rates the user typed, in the order
// typed (two typed between the same two batches show only the second), ending with the last one typed.
void TestDesignerSoak::checkLearningRates(const std::vector<BatchReport>& batches, const std::vector<float>& requested)
{
    std::vector<float> seen{batches.front().learningRate};
    for (const BatchReport& b : batches)
        if (b.learningRate != seen.back())
            seen.push_back(b.learningRate);
    QCOMPARE(seen.front(), m_initialRate);
    std::size_t next = 0;
    for (std::size_t i = 1; i < seen.size(); ++i) {
        while (next < requested.size() && requested[next] != seen[i])
            ++next;
        QVERIFY2(next < requested.size(),
                 qPrintable(QStringLiteral("learning rate %1 in the history was never typed").arg(seen[i])));
        ++next;
    }
    if (!requested.empty())
        QCOMPARE(seen.back(), requested.back());
    qInfo("learning rates: %zu typed, %zu distinct changes in the history", requested.size(), seen.size() - 1);
}

void TestDesignerSoak::printFigures(const test::SoakUser& user, double minutes) const
{
    const TrainingHistory& history = m_training->lastOutcome()->history;
    const BatchReport last = history.batches.empty() ? BatchReport{} : history.batches.back();
    const double start = double(m_memory.medianAround(0, kMemoryWindowSeconds)) / 1024;
    const double middle = double(m_memory.medianAround(minutes * 30, kMemoryWindowSeconds)) / 1024;
    const double end = double(m_memory.medianAround(m_memory.lastSeconds(), kMemoryWindowSeconds)) / 1024;
    const double peak = double(m_memory.peakFrom(minutes * 30)) / 1024;
    const test::SoakActions& a = user.actions();
    const test::EventLoopGap& wall = m_meter.worstByWall().front();
    const test::EventLoopGap& own = m_meter.worstByOwnTime().front();
    const int batchSize = m_window->document()->settings().batchSize;
    qInfo("Soak figures (LeNet template, mnist-10k, batch %d):", batchSize);
    qInfo("  duration                 %.1f min (training time %.1f min, the rest paused)", minutes,
          last.elapsedSeconds / 60);
    qInfo("  trained                  %zu epochs, %lld batches, %lld samples (batches x batch size)",
          history.epochs.size(), (long long)last.step, (long long)last.step * batchSize);
    qInfo("  resident memory          start %.1f MB, middle %.1f MB, end %.1f MB; second half %+.2f%% (peak %.1f MB)",
          start, middle, end, 100 * (end - middle) / middle, peak);
    const auto heapAt = [this](double seconds) {
        return double(m_heap.medianAround(seconds, kMemoryWindowSeconds)) / 1024;
    };
    qInfo("  heap in use              start %.1f MB, middle %.1f MB, end %.1f MB (the rest of the resident set is "
          "code, stacks and memory the allocator keeps free)",
          heapAt(0), heapAt(minutes * 30), heapAt(m_heap.lastSeconds()));
    qInfo("                           second half: %.0f bytes more for each of its %lld batches",
          (end - middle) * 1024 * 1024 / double(std::max<std::int64_t>(1, last.step - m_batchesAtMiddle)),
          (long long)(last.step - m_batchesAtMiddle));
    qInfo("  event loop (%d ms timer) %lld ticks; worst gap %.1f ms wall (%.1f ms own, %.1f ms CPU)",
          test::EventLoopStallMeter::kIntervalMs, (long long)m_meter.ticks(), wall.wallMs, wall.ownMs(), wall.cpuMs);
    qInfo("                           worst own stall %.1f ms (wall %.1f ms); worst GUI-thread CPU in one gap %.1f ms",
          own.ownMs(), own.wallMs, m_meter.worstCpuMs());
    qInfo("                           gaps over 100 ms: %d wall-clock, %d own; GUI thread %.1f s CPU, %.1f s waiting "
          "for a core",
          m_meter.wallGapsOver(100), m_meter.ownGapsOver(100), m_meter.cpuSeconds(), m_meter.runQueueSeconds());
    qInfo("  user actions             %d pauses, %d resumes, %d learning-rate changes, %d view switches, %d strokes, "
          "%d random test images, %d predictions",
          a.pauses, a.resumes, a.rateChanges, a.viewSwitches, a.strokes, a.randomImages, m_predictions);
    qInfo("  machine load             one-minute load average %.1f mean, %.1f max (%d cores)",
          m_delivered.loadSamples ? m_delivered.loadSum / m_delivered.loadSamples : 0.0, m_delivered.loadMax,
          QThread::idealThreadCount());
}

void TestDesignerSoak::printWorstGaps() const
{
    qInfo("Worst event-loop gaps (wall-clock), with what the user was doing:");
    for (const test::EventLoopGap& g : m_meter.worstByWall())
        qInfo("  %7.1f ms wall, %7.1f ms own, %6.1f ms CPU, %6.1f ms waiting for a core, at %7.1f s: %s", g.wallMs,
              g.ownMs(), g.cpuMs, g.runQueueMs, g.endedAtSeconds, qPrintable(g.activity));
    qInfo("Worst own stalls (wall-clock less the wait for a core):");
    for (const test::EventLoopGap& g : m_meter.worstByOwnTime())
        qInfo("  %7.1f ms own, %7.1f ms wall, %6.1f ms CPU, at %7.1f s: %s", g.ownMs(), g.wallMs, g.cpuMs,
              g.endedAtSeconds, qPrintable(g.activity));
}

// Qt Test's watchdog ends a test function after 5 minutes: the soak has its own duration plus ten minutes.
int main(int argc, char** argv)
{
    const double minutes = environmentNumber("NEURITE_SOAK_MINUTES", kDefaultMinutes);
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(qint64((std::max(minutes, 0.0) + 10) * 60000)));
    QApplication app(argc, argv);
    TestDesignerSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_designersoak.moc"
