// The sweep's queue for the window: trains the planned runs one after another on a thread of its own with
// neurite::SweepRunner, never on the GUI thread, and tells the GUI thread what happens to each run.
#pragma once

#include "training/Mailbox.h"
#include "training/TrainingProgress.h"

#include <neurite/RunRecord.h>
#include <neurite/Sweep.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace neurite {
class SweepRunner;
}

namespace neurite::ui {

// What the sweep's thread tells the GUI thread about run `index`.
struct SweepLetter {
    enum class Kind { Started, Progress, Finished, Failed, Ended };
    Kind kind = Kind::Progress;
    int index = -1;
    int epoch = 0; // Progress: where the run is
    int epochs = 0;
    int batch = 0;
    int batchesPerEpoch = 0;
    std::optional<neurite::RunRecord> record; // Finished
    QString message;                          // Failed
};

// Lives on the GUI thread. start() hands the plan and the data to a new thread running a SweepRunner; its
// callbacks and each run's batch and epoch reports come back as letters through a Mailbox (the queued
// signal carries nothing, see Mailbox.h) and are delivered by the signals below on the GUI thread. Pause,
// resume and cancel act between runs, as the runner does; cancel(true) also stops the running run at its
// next batch. The destructor cancels, stops the running run and joins the thread.
class SweepQueue : public QObject {
    Q_OBJECT
public:
    // Runs trained at a time. On the two-core machine Neurite is measured on, two runs with one thread each
    // took as long as one run after another with both (tests/bench/bench_sweep.cpp), so runs go one at a
    // time, as on the command line: the table fills in order and each run has the whole machine.
    static constexpr int kConcurrentRuns = 1;

    explicit SweepQueue(QObject* parent = nullptr);
    ~SweepQueue() override;

    // Trains `plan` on `data`. False (and nothing starts) while a sweep is going or the plan is empty.
    bool start(std::vector<PlannedRun> plan, DataSetHandle data);
    // Before start() too: a sweep started paused waits for resume() before its first run.
    void pause();
    void resume();
    void cancel(bool stopRunning);

    bool isRunning() const { return m_thread != nullptr; }
    bool isPaused() const; // pause() was asked for and not yet resumed
    bool isCancelled() const;
    // Runs the event loop until the sweep has ended (its last letter delivered) or `timeoutMs` passes.
    bool waitUntilDone(int timeoutMs);

Q_SIGNALS:
    void runStarted(int index);
    void runProgress(int index, int epoch, int epochs, int batch, int batchesPerEpoch);
    void runFinished(int index, const neurite::RunRecord& run);
    void runFailed(int index, const QString& message);
    // Every run has finished, or the sweep was cancelled and the running run has ended.
    void sweepEnded();
    // From the sweep's thread, queued: letters wait in the box.
    void lettersPosted();

private:
    class Sink;
    void post(SweepLetter letter, bool urgent);
    // Takes the letters unless the thread holds the box just now (then looks again shortly: Mailbox.h).
    void takeLetters();
    void deliver(SweepLetter& letter);
    void joinThread();

    QTimer m_busyRetry; // single shot: takeLetters() again
    Mailbox<SweepLetter> m_box;
    DataSetHandle m_data; // the runner holds a reference to it
    std::vector<std::unique_ptr<Sink>> m_sinks;
    std::unique_ptr<SweepRunner> m_runner;
    QThread* m_thread = nullptr;
    bool m_pauseRequested = false;
};

} // namespace neurite::ui
