// Tests the Train tab driven as a user would: charts fill, the GUI stays responsive, pause/resume/stop,
// divergence, results equal to the engine's, confusion-matrix clicks, exports, run comparison.
#include "charts/AccuracyChart.h"
#include "results/ConfusionMatrixView.h"
#include "charts/LossChart.h"
#include "results/MisclassifiedGallery.h"
#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "training/TrainingPanel.h"
#include "GuiGapMeter.h"
#include "results/TrainingResultsView.h"

#include <neurite/Trainer.h>

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <ctime>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Processor time of the calling thread, in milliseconds since restart().
class ThreadCpuClock {
public:
    void restart() { m_start = now(); }
    qint64 elapsedMs() const { return qint64((now() - m_start) * 1000.0); }

private:
    static double now()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
    }
    double m_start = now();
};

// ThreadSanitizer slows training about a hundredfold but the GUI thread only several-fold; runs that
// measure the GUI are made shorter under it, the limits they check stay the same.
constexpr bool kUnderTsan = test::kUnderThreadSanitizer;

// AddressSanitizer slows our code about tenfold and Qt's not at all (filling the results: 5 ms in Release,
// 56 to 74 ms under it), so the end of a run stalls the GUI thread 70 to 175 ms there against 24 to 28 ms in
// Release. Under it the GUI-gap limit is the guard against a hang only (a GUI thread waiting for the
// training thread), and the costs of single updates are printed, not judged.
constexpr bool kUnderAsan = test::kUnderAddressSanitizer;
constexpr qint64 kGuiGapLimitMs = kUnderAsan ? 100 * test::kSanitizerSlowdown : 100;

NetworkSpec mlpSpec()
{
    return test::chainSpec(784, {test::dense("hidden", 64, "relu"), test::dense("out", 10, "softmax")});
}

TrainingSettings settingsFor(int epochs, int batchSize, float validationSplit = 0.2f)
{
    TrainingSettings s;
    s.epochs = epochs;
    s.batchSize = batchSize;
    s.optimizer.learningRate = 0.002f;
    s.validationSplit = validationSplit;
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

QStringList classNamesOf(const Dataset& data)
{
    QStringList names;
    for (const std::string& name : data.classNames)
        names << QString::fromStdString(name);
    return names;
}

// A result in which every test image is a mistake (true c -> predicted c + 1), with spread confidences.
TrainingOutcome allMistakes(const Dataset& data)
{
    TrainingOutcome outcome;
    TestEvaluation& evaluation = outcome.test;
    evaluation.valid = true;
    evaluation.metrics.confusion.assign(10, std::vector<int>(10, 0));
    evaluation.metrics.precision.assign(10, 0.0f);
    evaluation.metrics.recall.assign(10, 0.0f);
    evaluation.metrics.f1.assign(10, 0.0f);
    for (std::size_t i = 0; i < data.test.count(); ++i) {
        const int t = data.test.labels[i];
        evaluation.predicted.push_back(std::uint8_t((t + 1) % 10));
        evaluation.confidence.push_back(float((i * 7919) % 1000) / 1000.0f);
        ++evaluation.metrics.confusion[std::size_t(t)][std::size_t((t + 1) % 10)];
    }
    return outcome;
}

} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chartsReceivePointsAndResultsMatchTheEngine();
    void guiThreadIsNeverBlocked();
    void pauseResumeStopThroughTheButtonsAndKeepBest();
    void divergenceIsReportedAndLastGoodWeightsKept();
    void learningRateChangeIsMarkedOnTheCurves();
    void confusionCellClickShowsThoseImages();
    void exportsPngAndCsv();
    void twoRunsCanBeCompared();
    void longRunsDrawAtMostAThousandPoints();
    void resultsFillWithoutStallingTheGui();

private:
    void train(const TrainingSettings& settings);

    DataSetHandle m_data;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

void TestTrainingPanel::initTestCase()
{
    m_data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 60, 30, 5, 0.6f));
}

void TestTrainingPanel::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_document->newDesign(mlpSpec());
    QVERIFY(m_document->canTrain());
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    m_panel->setDataSetOverride(m_data);
    m_panel->setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; }); // tst_stopquestion asks
    m_panel->resize(1400, 850);
}

void TestTrainingPanel::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

void TestTrainingPanel::train(const TrainingSettings& settings)
{
    m_document->setSettings(settings);
    QVERIFY(m_panel->startButton()->isEnabled());
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(m_panel->isTraining());
    QVERIFY(m_panel->controller()->waitUntilIdle(60000));
}

void TestTrainingPanel::chartsReceivePointsAndResultsMatchTheEngine()
{
    QSignalSpy trained(m_panel.get(), &TrainingPanel::modelTrained);
    m_document->setSettings(settingsFor(4, 16));
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(m_document->isDesignLocked()); // no structural edits while it trains
    QVERIFY(!m_panel->startButton()->isEnabled());
    QVERIFY(m_panel->controller()->waitUntilIdle(60000));
    QVERIFY(!m_document->isDesignLocked());

    const auto& outcome = m_panel->lastOutcome();
    QVERIFY(outcome.has_value());
    QCOMPARE(outcome->outcome, TrainingResult::Outcome::Completed);
    const int batches = int(outcome->history.batches.size());
    QCOMPARE(batches, 4 * 30); // 480 training images after the 20% split, 16 a batch
    QCOMPARE(int(m_panel->lossChart()->rawBatches().points().size()), batches);
    QCOMPARE(m_panel->lossChart()->rawBatches().drawnCount(), batches); // short runs draw every point
    QCOMPARE(int(m_panel->lossChart()->smoothedBatches().points().size()), batches);
    QCOMPARE(m_panel->lossChart()->validationPointCount(), 4);
    QCOMPARE(m_panel->accuracyChart()->trainPointCount(), 4);
    QCOMPARE(m_panel->accuracyChart()->validationPointCount(), 4);
    QCOMPARE(m_panel->lossChart()->bestEpoch(), outcome->history.bestEpoch);
    QVERIFY(outcome->history.bestEpoch >= 1);
    // The raw loss drawn is exactly what the engine reported, at epoch positions.
    const QPointF first = m_panel->lossChart()->rawBatches().points().front();
    QCOMPARE(first.y(), double(outcome->history.batches.front().loss));
    QCOMPARE(first.x(), 1.0 / 30.0);
    QCOMPARE(m_panel->logText().count(QStringLiteral("Epoch ")), 4);

    // The document holds the kept weights and the history; the predict panel gets the model.
    QVERIFY(m_document->trainedWeights().has_value());
    QCOMPARE(*m_document->trainedWeights(), outcome->keptWeights);
    QCOMPARE(m_document->history().epochs.size(), std::size_t(4));
    QCOMPARE(trained.count(), 1);
    auto network = trained.first().at(0).value<std::shared_ptr<Network>>();
    QVERIFY(network);
    const double reported = trained.first().at(2).toDouble();
    const Evaluation direct = neurite::evaluate(*network, m_data->test, m_data->classCount());
    qInfo("test accuracy: panel %.4f, engine %.4f", reported, double(direct.accuracy));
    QCOMPARE(reported, double(direct.accuracy));
    QCOMPARE(m_panel->testAccuracy(), double(direct.accuracy));
    QCOMPARE(trained.first().at(3).toStringList().size(), 10);
    QVERIFY(m_panel->results()->summaryText().contains(QString::number(100.0 * direct.accuracy, 'f', 2)));
    QCOMPARE(m_panel->results()->classTable()->rowCount(), 10);
}

void TestTrainingPanel::guiThreadIsNeverBlocked()
{
    test::GuiGapMeter gaps;
    QElapsedTimer runTime;
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    // ~19,000 tiny batches (about a second in Release; under TSan 960, several seconds): many updates, all
    // throttled. On an idle machine they took under half a second, too short to measure: a pace of 30,000
    // batches a second makes the run last at least 0.63 s, still far more batches than the 25 a second
    // the charts are updated at.
    m_document->setSettings(settingsFor(kUnderTsan ? 2 : 40, 1));
    if (!kUnderTsan)
        m_panel->controller()->setPace(30000);
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    gaps.start();
    runTime.start();
    QVERIFY(m_panel->controller()->waitUntilIdle(120000));
    const qint64 worst = gaps.stop();
    const int ticks = gaps.ticks();
    qInfo("training took %lld ms; GUI timer ticks %d; worst gap between 10 ms ticks: %lld ms (ending at %lld ms)",
          runTime.elapsed(), ticks, worst, gaps.worstEndedAt());
    QVERIFY2(runTime.elapsed() > 500, "the run should last long enough to measure");
    // The limit is 100 ms (kGuiGapLimitMs). When other processes already keep every core busy (parallel
    // builds on a 2-core machine) the scheduler alone can delay any thread that long: the measurement is then
    // printed but says nothing about this code, so the test skips instead of failing for someone else's load.
    double load = 0;
    getloadavg(&load, 1);
    if (worst >= kGuiGapLimitMs && load > QThread::idealThreadCount() + 1.0)
        QSKIP(qPrintable(QStringLiteral("machine overloaded (load average %1 on %2 cores); worst gap %3 ms not judged")
                             .arg(load, 0, 'f', 1)
                             .arg(QThread::idealThreadCount())
                             .arg(worst)));
    QVERIFY2(worst < kGuiGapLimitMs,
             qPrintable(QStringLiteral("worst gap %1 ms, load average %2").arg(worst).arg(load)));
    QVERIFY(ticks > int(runTime.elapsed() / 40));
}

void TestTrainingPanel::pauseResumeStopThroughTheButtonsAndKeepBest()
{
    m_document->setSettings(settingsFor(200, 1));
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    // Wait until two epochs are done (so a best epoch exists), then pause. (An epoch can be shorter than
    // the 40 ms update interval, so where in the epoch the pause lands is not controlled here.)
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->accuracyChart()->trainPointCount() >= 2, 60000);
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
    QCOMPARE(m_panel->pauseButton()->text(), QStringLiteral("Resume"));
    QTest::qWait(150);
    const std::size_t atPause = m_panel->lossChart()->rawBatches().points().size();
    QTest::qWait(300);
    QCOMPARE(m_panel->lossChart()->rawBatches().points().size(), atPause);
    QVERIFY(m_panel->statusText().contains(QStringLiteral("Paused")));
    QTest::mouseClick(m_panel->pauseButton(), Qt::LeftButton);
    QCOMPARE(m_panel->pauseButton()->text(), QStringLiteral("Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lossChart()->rawBatches().points().size() > atPause + 5, 20000);
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));

    const auto& outcome = m_panel->lastOutcome();
    QCOMPARE(outcome->outcome, TrainingResult::Outcome::Stopped);
    QVERIFY(allFinite(outcome->lastWeights));
    QVERIFY(allFinite(outcome->bestWeights));
    QCOMPARE(*m_document->trainedWeights(), outcome->lastWeights);
    QVERIFY(m_panel->startButton()->isEnabled());

    // The user keeps the best epoch's weights instead; the results are re-evaluated for them.
    QSignalSpy evaluated(m_panel->controller(), &TrainingController::evaluated);
    QSignalSpy trained(m_panel.get(), &TrainingPanel::modelTrained);
    m_panel->results()->setKeptWeights(TrainingResultsView::KeptWeights::Best);
    QVERIFY(evaluated.wait(10000));
    QCOMPARE(*m_document->trainedWeights(), outcome->bestWeights);
    Network best(outcome->spec);
    best.setWeights(outcome->bestWeights);
    const float expected = neurite::evaluate(best, m_data->test, 10).accuracy;
    QCOMPARE(m_panel->testAccuracy(), double(expected));
    QCOMPARE(trained.count(), 1);
    QCOMPARE(trained.first().at(2).toDouble(), double(expected));
}

void TestTrainingPanel::divergenceIsReportedAndLastGoodWeightsKept()
{
    TrainingSettings s = settingsFor(3, 8);
    s.optimizer.kind = "sgd";
    s.optimizer.learningRate = 1e30f;
    train(s);
    const auto& outcome = m_panel->lastOutcome();
    QCOMPARE(outcome->outcome, TrainingResult::Outcome::Diverged);
    qInfo("%s", qPrintable(m_panel->statusText()));
    QVERIFY(m_panel->statusText().contains(outcome->message));
    QVERIFY(m_panel->statusText().contains(QStringLiteral("diverged")));
    QVERIFY(m_panel->logText().contains(QStringLiteral("Try a smaller learning rate")));
    QVERIFY(allFinite(*m_document->trainedWeights()));
    QCOMPARE(*m_document->trainedWeights(), outcome->lastWeights);
    QVERIFY(!m_document->isDesignLocked());
}

void TestTrainingPanel::learningRateChangeIsMarkedOnTheCurves()
{
    m_document->setSettings(settingsFor(100, 1));
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lossChart()->rawBatches().points().size() > 50, 20000);
    m_panel->changeLearningRate(0.0004f);
    QCOMPARE(m_panel->lossChart()->learningRateMarkCount(), 1);
    QCOMPARE(m_panel->accuracyChart()->learningRateMarkCount(), 1);
    QVERIFY(m_panel->logText().contains(QStringLiteral("Learning rate set to 0.0004")));
    QTest::qWait(200);
    m_panel->stop();
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
    QCOMPARE(m_panel->lastOutcome()->history.batches.back().learningRate, 0.0004f);
}

void TestTrainingPanel::confusionCellClickShowsThoseImages()
{
    train(settingsFor(2, 16));
    ConfusionMatrixView* matrix = m_panel->results()->confusionMatrix();
    MisclassifiedGallery* gallery = m_panel->results()->gallery();
    const auto& confusion = matrix->matrix();
    QCOMPARE(int(confusion.size()), 10);
    int mistakes = 0;
    for (int t = 0; t < 10; ++t)
        for (int p = 0; p < 10; ++p)
            mistakes += t == p ? 0 : confusion[t][p];
    QCOMPARE(gallery->matchingCount(), mistakes); // all mistakes before any click

    m_panel->show();
    matrix->resize(400, 400);
    for (auto [t, p] : {std::pair{3, 3}, std::pair{2, 5}}) {
        QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(t, p).center());
        QCOMPARE(gallery->matchingCount(), confusion[t][p]);
        for (std::size_t i : gallery->shownIndices()) {
            QCOMPARE(int(m_data->test.labels[i]), t);
            QCOMPARE(int(m_panel->lastOutcome()->test.predicted[i]), p);
        }
    }
}

void TestTrainingPanel::exportsPngAndCsv()
{
    train(settingsFor(2, 32));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("loss.png"));
    QVERIFY(m_panel->exportLossChart(png));
    QVERIFY(m_panel->exportAccuracyChart(dir.filePath(QStringLiteral("accuracy.png"))));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_panel->lossChart()->size());

    const QString csv = dir.filePath(QStringLiteral("history.csv"));
    QVERIFY(m_panel->exportHistoryCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    const auto& history = m_panel->lastOutcome()->history;
    QCOMPARE(lines.size(), 1 + int(history.batches.size()) + 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("kind,epoch,batch,step,loss")));
    const QStringList firstBatch = lines[1].split(',');
    QCOMPARE(firstBatch[0], QStringLiteral("batch"));
    QCOMPARE(firstBatch[4].toFloat(), history.batches[0].loss);
    const QStringList lastEpoch = lines.last().split(',');
    QCOMPARE(lastEpoch[0], QStringLiteral("epoch"));
    QCOMPARE(lastEpoch[6].toFloat(), history.epochs[1].validationLoss);

    QVERIFY(!m_panel->exportHistoryCsv(QStringLiteral("/nonexistent-dir/history.csv")));
    QVERIFY(m_panel->lastError().contains(QStringLiteral("/nonexistent-dir/history.csv")));
}

void TestTrainingPanel::twoRunsCanBeCompared()
{
    TrainingSettings slow = settingsFor(2, 32);
    slow.optimizer.learningRate = 0.0001f;
    train(slow);
    train(settingsFor(2, 32));
    RunComparison* comparison = m_panel->runComparison();
    QCOMPARE(comparison->runCount(), 2);
    QCOMPARE(comparison->run(0).settings.optimizer.learningRate, 0.0001f);
    QCOMPARE(comparison->run(1).settings.optimizer.learningRate, 0.002f);
    QCOMPARE(comparison->drawnSeriesCount(), 2);
    comparison->setMetric(RunComparison::Metric::ValidationAccuracy);
    QCOMPARE(comparison->drawnSeriesCount(), 2);
    comparison->setChecked(0, false);
    QCOMPARE(comparison->drawnSeriesCount(), 1);
    QVERIFY(RunComparison::describeSettings(slow).contains(QStringLiteral("lr 0.0001")));
}

void TestTrainingPanel::longRunsDrawAtMostAThousandPoints()
{
    // 100 epochs x 2,000 batches arriving in groups of 80 (25 updates a second at 2,000 batches a second).
    // Each update is timed in this thread's own processor time: other processes' load (parallel builds on
    // a 2-core machine) stretches the wall clock but not the work this code does.
    LossChart chart;
    chart.resize(600, 400);
    chart.reset(100);
    ThreadCpuClock clock;
    qint64 worst = 0;
    BatchReports group;
    std::int64_t step = 0;
    for (int epoch = 1; epoch <= 100; ++epoch)
        for (int batch = 1; batch <= 2000; ++batch) {
            BatchReport b;
            b.epoch = epoch;
            b.batch = batch;
            b.batchesPerEpoch = 2000;
            b.step = ++step;
            b.loss = float(2.0 / std::sqrt(double(step)) + 0.01 * ((step * 7919) % 13) / 13.0);
            group.push_back(b);
            if (group.size() == 80) {
                clock.restart();
                chart.addBatches(group);
                worst = std::max(worst, clock.elapsedMs());
                group.clear();
            }
        }
    const DownsampledSeries& line = chart.rawBatches();
    qInfo("worst update %lld ms; drawn %d of %zu kept points of %lld (buckets of %d, kept means of %d)", worst,
          line.drawnCount(), line.points().size(), (long long)line.appendedCount(), line.bucketSize(),
          line.appendedPerKept());
    QCOMPARE(line.appendedCount(), std::int64_t(200000));
    // 200,000 batches are kept as 6,250 means of 32 (at 8,000 kept the pairs merge: 32 = 2^5 merges)...
    QCOMPARE(line.appendedPerKept(), 32);
    QCOMPARE(line.points().size(), std::size_t(200000 / 32));
    QVERIFY(line.drawnCount() <= DownsampledSeries::kMaxDrawnPoints);
    QVERIFY(line.drawnCount() > DownsampledSeries::kMaxDrawnPoints / 2);
    QCOMPARE(line.appendedPerDrawn(), std::int64_t(256)); // ...and drawn as 781 means of 256
    // A kept point is the mean of its 32 batches: the first one's x is the mean of epoch positions 1..32.
    QCOMPARE(line.points().front().x(), (1.0 + 32.0) / 2 / 2000);
    if (kUnderTsan || kUnderAsan) // Release: a few ms; a sanitizer's instrumentation of this code: 10-20x
        QSKIP(qPrintable(QStringLiteral("update cost (worst %1 ms) not judged under a sanitizer").arg(worst)));
    QVERIFY2(worst < 50, qPrintable(QString::number(worst)));
}

void TestTrainingPanel::resultsFillWithoutStallingTheGui()
{
    // 2,000 test images, every one a mistake (true c -> predicted c+1): far more than the gallery shows.
    const auto data = std::make_shared<const Dataset>(test::syntheticImages(28, 10, 1, 200, 9));
    const TrainingOutcome outcome = allMistakes(*data);
    const QStringList names = classNamesOf(*data);

    // Hidden (the Live tab is in front when a run ends): the matching images are known, no thumbnail is made.
    TrainingResultsView view;
    view.resize(1200, 800);
    QElapsedTimer clock;
    clock.start();
    view.setOutcome(outcome, data, names);
    const qint64 hiddenFill = clock.elapsed();
    MisclassifiedGallery* gallery = view.gallery();
    QCOMPARE(gallery->matchingCount(), int(data->test.count()));
    QCOMPARE(gallery->shownCount(), 0);
    QCOMPARE(view.classTable()->rowCount(), 10);
    // The images to show are the 240 most confident mistakes, most confident first.
    const std::vector<std::size_t> shown = gallery->shownIndices();
    QCOMPARE(int(shown.size()), MisclassifiedGallery::kMaxShown);
    std::vector<float> sorted = outcome.test.confidence;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    for (std::size_t k = 0; k < shown.size(); ++k)
        QCOMPARE(outcome.test.confidence[shown[k]], sorted[k]);

    // Shown: the thumbnails come a slice at a time; a 10 ms timer measures the GUI's worst gap meanwhile.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY_WITH_TIMEOUT(gallery->isFilled(), 20000);
    QCOMPARE(gallery->shownCount(), MisclassifiedGallery::kMaxShown);

    // Visible while a new result arrives (the user watches the Results tab at a run's end).
    test::GuiGapMeter gaps;
    gaps.start();
    QTest::qWait(30);
    clock.restart();
    view.setOutcome(outcome, data, names);
    const qint64 visibleFill = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(gallery->isFilled(), 20000);
    QTest::qWait(30);
    const qint64 worst = gaps.stop();
    QCOMPARE(gallery->shownCount(), MisclassifiedGallery::kMaxShown);
    // The thumbnails are those images, in that order.
    const auto* list = gallery->findChild<QListWidget*>();
    QVERIFY(list);
    for (int k = 0; k < list->count(); ++k)
        QCOMPARE(std::size_t(list->item(k)->data(Qt::UserRole).toULongLong()), shown[std::size_t(k)]);
    qInfo("setOutcome took %lld ms hidden, %lld ms visible; worst gap between 10 ms ticks while filling: %lld ms",
          hiddenFill, visibleFill, worst);
    if (kUnderTsan || kUnderAsan)
        QSKIP("timings are not judged under a sanitizer (it instruments this very code: about ten times slower)");
    double load = 0;
    getloadavg(&load, 1);
    if (worst >= 50 && load > QThread::idealThreadCount() + 1.0)
        QSKIP(qPrintable(QStringLiteral("machine overloaded (load average %1); worst gap %2 ms not judged")
                             .arg(load, 0, 'f', 1)
                             .arg(worst)));
    QVERIFY2(hiddenFill < 50, qPrintable(QString::number(hiddenFill)));
    QVERIFY2(worst < 50, qPrintable(QString::number(worst)));
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_trainingpanel.moc"
