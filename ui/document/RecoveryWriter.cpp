// Writes one recovery file on a thread of its own, so that an autosave never makes the window wait.
#include "document/RecoveryWriter.h"

#include <chrono>
#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace neurite::ui {

namespace {

// A checkpoint's file is built as a JSON tree of the whole history (an object of nine numbers for each of up
// to 20,000 batches kept: megabytes of small blocks) on this thread, in its own allocator arena. Freed, those
// blocks stay in the arena between live ones, and the resident memory kept the largest such tree so far,
// growing with the run in steps of megabytes (the designer's soak test). glibc's malloc_trim returns the free
// pages of every arena to the system: a few milliseconds here, off the GUI thread, once per write.
void returnFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

RecoveryWriter::~RecoveryWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void RecoveryWriter::write(Project project)
{
    post(Job{std::move(project)});
}

void RecoveryWriter::remove()
{
    post(Job{std::nullopt});
}

void RecoveryWriter::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(job);
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void RecoveryWriter::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_pending && !m_busy; });
}

int RecoveryWriter::writesDone() const
{
    std::lock_guard lock(m_mutex);
    return m_writesDone;
}

bool RecoveryWriter::isIdle() const
{
    std::lock_guard lock(m_mutex);
    return !m_pending && !m_busy;
}

double RecoveryWriter::lastWriteSeconds() const
{
    std::lock_guard lock(m_mutex);
    return m_lastWriteSeconds;
}

void RecoveryWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_pending || m_quit; });
        if (!m_pending)
            return; // asked to quit with nothing left to do
        Job job = std::move(*m_pending);
        m_pending.reset();
        m_busy = true;
        lock.unlock();
        bool wrote = false;
        const auto started = std::chrono::steady_clock::now();
        try {
            if (job.project) {
                saveProject(*job.project, m_path);
                wrote = true;
            } else {
                std::remove(m_path.c_str());
            }
        } catch (const std::exception&) {
            // Best effort (see write()).
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        job = {}; // a long run's history is large: freed before the lock is taken
        returnFreedMemory();
        lock.lock();
        m_busy = false;
        m_writesDone += wrote ? 1 : 0;
        if (wrote)
            m_lastWriteSeconds = took.count();
        m_idle.notify_all();
    }
}

} // namespace neurite::ui
