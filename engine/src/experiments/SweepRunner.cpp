// The sweep queue: workers take the next planned run unless paused or cancelled, train it, and report it.
#include "neurite/SweepRunner.h"

#include "neurite/Error.h"
#include "neurite/RunTraining.h"

#include <algorithm>
#include <thread>

namespace neurite {

namespace {

// Each of `concurrent` runs gets an equal share of the threads the settings ask for (all cores for 0).
int threadsPerRun(int settingsThreads, int concurrent)
{
    const int total = settingsThreads > 0 ? settingsThreads : int(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, total / concurrent);
}

} // namespace

SweepRunner::SweepRunner(std::vector<PlannedRun> plan, const Dataset& data, int concurrentRuns)
    : m_plan(std::move(plan)), m_data(data), m_concurrentRuns(std::max(1, concurrentRuns))
{
}

void SweepRunner::run()
{
    const int workers = std::min(m_concurrentRuns, int(m_plan.size()));
    std::vector<std::thread> helpers;
    for (int i = 1; i < workers; ++i)
        helpers.emplace_back([this] { workerLoop(); });
    workerLoop();
    for (std::thread& helper : helpers)
        helper.join();
}

void SweepRunner::workerLoop()
{
    for (int index = takeNextRun(); index >= 0; index = takeNextRun())
        trainOne(index);
}

int SweepRunner::takeNextRun()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_paused || m_cancelled; });
    if (m_cancelled || m_next >= int(m_plan.size()))
        return -1;
    return m_next++;
}

void SweepRunner::trainOne(int index)
{
    PlannedRun planned = m_plan[std::size_t(index)];
    if (m_concurrentRuns > 1)
        planned.settings.threads = threadsPerRun(planned.settings.threads, m_concurrentRuns);
    TrainingControl control;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled)
            return;
        m_running.push_back(&control);
    }
    {
        std::lock_guard callbacks(m_callbackMutex);
        if (m_started)
            m_started(index, m_plan[std::size_t(index)]);
    }
    ProgressSink* sink = m_sinks ? m_sinks(index) : nullptr;
    try {
        RunRecord record = trainRun(planned.design, planned.settings, m_data, sink, &control);
        record.name = planned.name;
        record.swept = planned.swept;
        record.settings.threads = m_plan[std::size_t(index)].settings.threads; // the run's own, not its share
        {
            std::lock_guard lock(m_mutex);
            m_done.push_back(record);
        }
        std::lock_guard callbacks(m_callbackMutex);
        if (m_finished)
            m_finished(index, record);
    } catch (const NeuriteError& e) {
        std::lock_guard callbacks(m_callbackMutex);
        if (m_failed)
            m_failed(index, e.what());
    }
    std::lock_guard lock(m_mutex);
    m_running.erase(std::find(m_running.begin(), m_running.end(), &control));
}

void SweepRunner::pause()
{
    std::lock_guard lock(m_mutex);
    m_paused = true;
}

void SweepRunner::resume()
{
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_all();
}

bool SweepRunner::paused() const
{
    std::lock_guard lock(m_mutex);
    return m_paused;
}

void SweepRunner::cancel(bool stopRunning)
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (stopRunning)
            for (TrainingControl* control : m_running)
                control->requestStop(KeptWeights::Last);
    }
    m_wake.notify_all();
}

bool SweepRunner::cancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

int SweepRunner::startedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_next;
}

std::vector<RunRecord> SweepRunner::finishedRuns() const
{
    std::lock_guard lock(m_mutex);
    return m_done;
}

} // namespace neurite
