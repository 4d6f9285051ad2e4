// ThreadPool: work runs on exactly the configured number of threads, over oneTBB (TbbArena.h) or, in
// ThreadSanitizer builds, over plain threads (PlainArena.h).
#include "kernels/ThreadPool.h"

#include "kernels/FloatMode.h"

#if NEURITE_PLAIN_THREADS
#include "kernels/PlainArena.h"
#else
#include "kernels/TbbArena.h"
#endif

namespace neurite {

ThreadPool::ThreadPool(int threads)
{
    m_threads = threads <= 0 ? Arena::cores() : threads;
    m_arena = std::make_unique<Arena>(m_threads);
}

ThreadPool::~ThreadPool() = default;

void ThreadPool::run(int tasks, const std::function<void(int)>& body)
{
    if (tasks <= 1 || m_threads == 1) {
        for (int i = 0; i < tasks; ++i)
            body(i);
        return;
    }
    // The calling thread runs its share of the tasks in the pool's floating-point mode too.
    const unsigned previous = flushDenormals();
    try {
        m_arena->run(tasks, body);
    } catch (...) {
        restoreFloatMode(previous);
        throw;
    }
    restoreFloatMode(previous);
}

void ThreadPool::enter(const std::function<void()>& work)
{
    const unsigned previous = flushDenormals();
    try {
        m_arena->enter(work);
    } catch (...) {
        restoreFloatMode(previous);
        throw;
    }
    restoreFloatMode(previous);
}

} // namespace neurite
