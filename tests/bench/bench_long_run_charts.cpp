// What a long run costs the Train tab's charts: the loss and accuracy charts, shown, fed BATCHES batches
// (default 500,000, about the soak test's 30 minutes) in groups of 80 as the mailbox delivers them, an epoch's
// report (training and validation values) after every 225th batch, with a
// learning-rate change every MARK_EVERY batches (default 3,700: 135 marks, as many as the soak's user types).
// Prints the GUI thread's own processor time for the worst group, the worst and the last learning-rate
// change, showing the finished run's kept history again (what reopening a project does), and the resident
// memory as the run grows. Asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_long_run_charts [BATCHES] [MARK_EVERY] [PNG]
// (PNG: a picture of the two charts at the end, to see what was measured.)
#include "BenchTiming.h"
#include "ResidentMemory.h"
#include "charts/AccuracyChart.h"
#include "charts/LossChart.h"

#include <neurite/TrainingHistory.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace neurite;
using namespace neurite::ui;
using neurite::bench::threadCpuMs;

namespace {

// Runs what is pending (the charts' 50 ms redraw timers, then the paint) and returns its processor time.
double settle()
{
    const double start = threadCpuMs();
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents();
    }
    return threadCpuMs() - start;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const long batches = argc > 1 ? std::stol(argv[1]) : 500000;
    const long markEvery = argc > 2 ? std::stol(argv[2]) : 3700;
    constexpr int kBatchesPerEpoch = 225; // mnist-10k, 90 % for training, batch 32
    constexpr int kGroup = 80;

    QWidget window;
    auto* layout = new QHBoxLayout(&window);
    auto* loss = new LossChart;
    auto* accuracy = new AccuracyChart;
    layout->addWidget(loss);
    layout->addWidget(accuracy);
    window.resize(1400, 420);
    window.show();
    const int epochs = int(batches / kBatchesPerEpoch) + 1;
    loss->reset(epochs);
    accuracy->reset(epochs);
    settle();

    std::vector<BatchReport> history;
    std::vector<EpochReport> epochReports;
    BatchReports group;
    double worstGroup = 0, worstEpoch = 0, worstMark = 0, lastMark = 0, markSum = 0;
    int marks = 0;
    std::printf("%12s %10s %14s %14s\n", "batches", "RSS MB", "worst group ms", "worst mark ms");
    for (long step = 1; step <= batches; ++step) {
        BatchReport b;
        b.step = step;
        b.epoch = int((step - 1) / kBatchesPerEpoch) + 1;
        b.batch = int((step - 1) % kBatchesPerEpoch) + 1;
        b.batchesPerEpoch = kBatchesPerEpoch;
        b.loss = float(2.0 / std::sqrt(double(step)) + 0.01 * double((step * 7919) % 13) / 13.0);
        b.accuracy = float(1.0 - 0.5 / std::sqrt(double(step)));
        keepBatchReport(history, b);
        group.push_back(b);
        if (b.batch == kBatchesPerEpoch) { // the trainer reports an epoch after its last batch
            loss->addBatches(group);
            accuracy->addBatches(group);
            group.clear();
            EpochReport e;
            e.epoch = b.epoch;
            e.epochs = epochs;
            e.trainLoss = b.loss;
            e.trainAccuracy = b.accuracy;
            e.validationLoss = 1.1f * b.loss + 0.02f * float(b.epoch % 7) / 7.0f;
            e.validationAccuracy = 0.98f * b.accuracy;
            e.best = b.epoch % 50 == 1;
            epochReports.push_back(e);
            const double start = threadCpuMs();
            loss->addEpoch(e);
            accuracy->addEpoch(e);
            worstEpoch = std::max(worstEpoch, threadCpuMs() - start + settle());
        }
        if (group.size() == kGroup) {
            const double start = threadCpuMs();
            loss->addBatches(group);
            accuracy->addBatches(group);
            worstGroup = std::max(worstGroup, threadCpuMs() - start + settle());
            group.clear();
        }
        if (step % markEvery == 0) {
            const double x = epochPosition(b);
            const double start = threadCpuMs();
            loss->markLearningRateChange(x, 1e-3f);
            accuracy->markLearningRateChange(x, 1e-3f);
            lastMark = threadCpuMs() - start + settle();
            worstMark = std::max(worstMark, lastMark);
            markSum += lastMark;
            ++marks;
        }
        if (step % (batches / 10) == 0)
            std::printf("%12ld %10.1f %14.1f %14.1f\n", step, double(test::residentKilobytes()) / 1024, worstGroup,
                        worstMark);
    }
    // What showing the Train tab again costs: both charts painted whole (the median of five).
    std::vector<double> paints;
    for (int i = 0; i < 5; ++i) {
        const double start = threadCpuMs();
        loss->viewport()->repaint();
        accuracy->viewport()->repaint();
        paints.push_back(threadCpuMs() - start);
    }
    std::printf("both charts painted whole: %.1f ms (median of 5)\n", bench::median(paints));
    if (argc > 3) // before the history is shown again, which forgets the marks as reopening a project does
        window.grab().save(QString::fromLocal8Bit(argv[3]), "PNG");
    TrainingHistory kept;
    kept.batches = history;
    kept.epochs = epochReports;
    const double start = threadCpuMs();
    loss->setHistory(kept, epochs);
    accuracy->setHistory(kept, epochs);
    const double shown = threadCpuMs() - start + settle();
    std::printf("batches %ld, kept in the history %zu; the loss line keeps %zu points (means of %d), draws %d\n",
                batches, history.size(), loss->rawBatches().points().size(), loss->rawBatches().appendedPerKept(),
                loss->rawBatches().drawnCount());
    std::printf("learning-rate marks %d: worst %.1f ms, last %.1f ms, mean %.1f ms (GUI thread CPU, both charts)\n",
                marks, worstMark, lastMark, marks ? markSum / marks : 0.0);
    std::printf("worst epoch report %.1f ms (GUI thread CPU, both charts)\n", worstEpoch);
    std::printf("worst group of %d batches %.1f ms; the kept history shown again %.1f ms; RSS %.1f MB\n", kGroup,
                worstGroup, shown, double(test::residentKilobytes()) / 1024);
    return 0;
}
