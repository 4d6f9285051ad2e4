// A pause takes no part in the run's clock: elapsed time, the epoch's seconds and samples/s (and so the
// Train tab's ETA) are those of training alone.
#include "TestSupport.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <chrono>
#include <thread>

using namespace neurite;
using namespace neurite::test;

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kPauseSeconds = 0.6;

// Pauses the run after its first batch, as the Pause button does, and resumes it kPauseSeconds later
// from another thread, as the Resume button does.
class PauseOnce : public ProgressSink {
public:
    explicit PauseOnce(TrainingControl& control) : m_control(control) {}
    ~PauseOnce() override
    {
        if (m_resumer.joinable())
            m_resumer.join();
    }
    void onBatch(const BatchReport& report) override
    {
        if (report.step != 1)
            return;
        m_control.setPaused(true);
        m_resumer = std::thread([this] {
            std::this_thread::sleep_for(std::chrono::duration<double>(kPauseSeconds));
            m_control.setPaused(false);
        });
    }

private:
    TrainingControl& m_control;
    std::thread m_resumer;
};

} // namespace

class TestPausedTime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pausedTimeIsNotTrainingTime()
    {
        Network net(chainSpec(8, {dense("h", 16, "relu"), dense("o", 3, "softmax")}), 1);
        TrainingControl control;
        PauseOnce sink(control);
        TrainingSettings s;
        s.epochs = 2;
        s.batchSize = 8;
        s.validationSplit = 0;
        const Dataset data = blobs(200, 3, 8, 1);
        const auto start = Clock::now();
        const TrainingResult result = train(net, data, s, &sink, &control);
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        QCOMPARE(result.outcome, TrainingResult::Outcome::Completed);
        QVERIFY2(wall >= kPauseSeconds, "the run did pause");
        const BatchReport& last = result.history.batches.back();
        const double training = wall - kPauseSeconds;
        // Elapsed time leaves the pause out (and never exceeds the run's own duration).
        QVERIFY2(last.elapsedSeconds <= training + 0.05, qPrintable(QString::number(last.elapsedSeconds)));
        QVERIFY(last.elapsedSeconds > 0);
        // So does the paused epoch's duration: its seconds are its training time.
        const double epochs = result.history.epochs[0].seconds + result.history.epochs[1].seconds;
        QVERIFY2(epochs <= training + 0.05, qPrintable(QString::number(epochs)));
        // samples/s is over training time: at least the samples seen over the time spent training (with the
        // pause counted it would be the samples over the whole wall time, about half as much here).
        const double samples = double(s.epochs) * double(data.train.labels.size());
        QVERIFY2(last.samplesPerSecond >= samples / (training + 0.05),
                 qPrintable(QString::number(last.samplesPerSecond)));
    }
};

QTEST_APPLESS_MAIN(TestPausedTime)
#include "tst_pausedtime.moc"
