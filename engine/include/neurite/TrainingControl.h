// How another thread steers a running training: stop (keeping the last or the best weights), pause, step
// one batch or epoch at a time, limit the pace, change the learning rate. The trainer asks between batches.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace neurite {

// Which weights a stopped run keeps: those after its last finished batch, or those of its best epoch.
enum class KeptWeights { Last, Best };

// The unit of a step: one more batch, or on to the end of the current epoch (its validation included).
enum class StepUnit { Batch, Epoch };

class TrainingControl {
public:
    using Clock = std::chrono::steady_clock;

    // --- any thread ---

    // Stops before the next batch; the network then holds the `kept` weights (Best falls back to Last when
    // no epoch has finished). Also wakes a paused run or one waiting for its pace.
    void requestStop(KeptWeights kept = KeptWeights::Last);
    bool stopRequested() const { return m_stop.load(std::memory_order_relaxed); }
    KeptWeights keptOnStop() const { return m_kept.load(std::memory_order_relaxed); }
    // Pausing or resuming forgets any steps not yet taken.
    void setPaused(bool paused);
    bool paused() const { return m_paused.load(std::memory_order_relaxed); }
    // Lets the run take `count` more batches (Batch), or run to the end of `count` more epochs (Epoch), and
    // then pause: called while the run waits, exactly that many batch reports (or epoch reports) follow.
    // Pauses a running run after those steps. Steps of both units add up; count < 1 is ignored.
    void requestSteps(StepUnit unit, int count = 1);
    // At most `batchesPerSecond` batches start per second (<= 0: as fast as they go); taken at once, also by
    // a run waiting for its pace. The time spent waiting for it counts as paused time.
    void setPace(double batchesPerSecond);
    double pace() const;
    // True while the trainer waits for Resume or a step (not while it waits for its pace): every report of
    // the batches before has been handed to the sink by then.
    bool waiting() const { return m_waiting.load(std::memory_order_acquire); }
    // A new base learning rate, taken at the next batch (the schedule then scales it).
    void setLearningRate(float lr) { m_newLearningRate.store(lr, std::memory_order_relaxed); }
    float takeLearningRate() { return m_newLearningRate.exchange(0.0f, std::memory_order_relaxed); }

    // --- the training thread ---

    // Blocks until the next batch may start: while paused with no step owed, then until the pace allows it.
    // Returns at once on stop.
    void waitForNextBatch();
    // The trainer calls these after each finished batch and after each epoch's report.
    void batchFinished();
    void epochFinished();

private:
    // Whether a batch may start now as far as pausing goes; m_mutex held.
    bool mayRun() const;
    void waitUntilMayRun(std::unique_lock<std::mutex>& lock);

    std::atomic<bool> m_stop{false};
    std::atomic<KeptWeights> m_kept{KeptWeights::Last};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_waiting{false};
    std::atomic<float> m_newLearningRate{0.0f};
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    // Guarded by m_mutex:
    int m_batchesOwed = 0;
    int m_epochsOwed = 0;
    double m_pace = 0;                            // batches per second; 0: full speed
    std::optional<Clock::time_point> m_lastStart; // when the last batch was let go
};

} // namespace neurite
