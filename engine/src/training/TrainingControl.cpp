// How another thread steers a running training: stop, pause, steps, pace, learning rate.
#include "neurite/TrainingControl.h"

namespace neurite {

void TrainingControl::requestStop(KeptWeights kept)
{
    m_kept.store(kept);
    m_stop.store(true);
    std::lock_guard lock(m_mutex);
    m_wake.notify_all();
}

void TrainingControl::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    m_paused.store(paused);
    m_batchesOwed = 0;
    m_epochsOwed = 0;
    m_wake.notify_all();
}

void TrainingControl::requestSteps(StepUnit unit, int count)
{
    if (count < 1)
        return;
    std::lock_guard lock(m_mutex);
    if (!m_paused.load()) { // running: the steps count from now, then it waits
        m_paused.store(true);
        m_batchesOwed = 0;
        m_epochsOwed = 0;
    }
    (unit == StepUnit::Batch ? m_batchesOwed : m_epochsOwed) += count;
    m_wake.notify_all();
}

void TrainingControl::setPace(double batchesPerSecond)
{
    std::lock_guard lock(m_mutex);
    m_pace = batchesPerSecond > 0 ? batchesPerSecond : 0.0;
    m_wake.notify_all();
}

double TrainingControl::pace() const
{
    std::lock_guard lock(m_mutex);
    return m_pace;
}

bool TrainingControl::mayRun() const
{
    return !m_paused.load() || m_batchesOwed > 0 || m_epochsOwed > 0;
}

void TrainingControl::waitUntilMayRun(std::unique_lock<std::mutex>& lock)
{
    if (mayRun() || m_stop.load())
        return;
    m_waiting.store(true, std::memory_order_release);
    m_wake.wait(lock, [this] { return mayRun() || m_stop.load(); });
    m_waiting.store(false, std::memory_order_release);
}

void TrainingControl::waitForNextBatch()
{
    std::unique_lock lock(m_mutex);
    // Each wake-up (stop, pause, step, another pace) looks at everything again.
    for (;;) {
        waitUntilMayRun(lock);
        if (m_stop.load())
            return;
        if (m_pace <= 0 || !m_lastStart)
            break;
        const auto due = *m_lastStart +
                         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_pace));
        if (Clock::now() >= due)
            break;
        m_wake.wait_until(lock, due);
    }
    m_lastStart = Clock::now();
}

void TrainingControl::batchFinished()
{
    std::lock_guard lock(m_mutex);
    if (m_batchesOwed > 0)
        --m_batchesOwed;
}

void TrainingControl::epochFinished()
{
    std::lock_guard lock(m_mutex);
    if (m_epochsOwed > 0)
        --m_epochsOwed;
}

} // namespace neurite
