// Trains an experiment's planned runs in the background of whoever calls run(): one after another (or a
// few at a time, the threads divided between them), with pause and cancel between runs and a callback per
// run. Finished runs are never lost: pausing or cancelling only keeps new runs from starting.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/RunRecord.h"
#include "neurite/Sweep.h"
#include "neurite/Trainer.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace neurite {

class SweepRunner {
public:
    // Called on a training thread, one call at a time (never two at once, even with concurrent runs). A
    // callback may call pause(), resume() or cancel().
    using RunStarted = std::function<void(int index, const PlannedRun& run)>;
    using RunFinished = std::function<void(int index, const RunRecord& run)>;
    // A run that could not train (NeuriteError: e.g. a swept option the data does not fit): the sweep goes on.
    using RunFailed = std::function<void(int index, const std::string& message)>;
    // The sink for one run's batch and epoch reports (may return nullptr); called before it starts.
    using SinkForRun = std::function<ProgressSink*(int index)>;

    // `data` must outlive the runner. concurrentRuns > 1 trains that many runs at a time, each with its share
    // of the threads (settings.threads, or all cores when 0).
    SweepRunner(std::vector<PlannedRun> plan, const Dataset& data, int concurrentRuns = 1);

    void onRunStarted(RunStarted callback) { m_started = std::move(callback); }
    void onRunFinished(RunFinished callback) { m_finished = std::move(callback); }
    void onRunFailed(RunFailed callback) { m_failed = std::move(callback); }
    void setSinkForRun(SinkForRun sinks) { m_sinks = std::move(sinks); }

    // Trains the runs not yet started, in plan order; returns when all are done or after cancel() once the
    // running ones have finished. Call from one thread (the training thread); while paused it waits.
    void run();

    // --- any thread ---
    // No new run starts until resume(); running ones finish.
    void pause();
    void resume();
    bool paused() const;
    // No new run starts, and run() returns once the running ones end. With stopRunning they stop at their
    // next batch (and are reported as finished with the outcome "stopped"); else they finish.
    void cancel(bool stopRunning = false);
    bool cancelled() const;

    int plannedCount() const { return int(m_plan.size()); }
    int startedCount() const;
    // Every finished run, in the order they finished.
    std::vector<RunRecord> finishedRuns() const;

private:
    // Takes the next run to start, waiting while paused; -1 when none is left or the sweep is cancelled.
    int takeNextRun();
    void trainOne(int index);
    void workerLoop();

    std::vector<PlannedRun> m_plan;
    const Dataset& m_data;
    int m_concurrentRuns = 1;
    RunStarted m_started;
    RunFinished m_finished;
    RunFailed m_failed;
    SinkForRun m_sinks;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    int m_next = 0;
    bool m_paused = false;
    bool m_cancelled = false;
    std::vector<TrainingControl*> m_running; // to stop them on cancel(true)
    std::vector<RunRecord> m_done;
    std::mutex m_callbackMutex; // callbacks one at a time
};

} // namespace neurite
