// ThreadPool over tbb::task_arena: work runs on exactly the configured number of threads.
#include "ThreadPool.h"

#if !NEURITE_PLAIN_THREADS

#include "FloatMode.h"

#include <utility>

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace neurite {

namespace {

// The thread count of the pool whose enter() this thread is running in (0: none).
thread_local int t_enteredPoolThreads = 0;

} // namespace

struct ThreadPool::Arena {
    tbb::task_arena arena;
    explicit Arena(int n) : arena(n)
    {
        // oneTBB captures the creating thread's floating-point mode with the arena and sets it in whichever
        // thread runs one of its tasks, before each task (an observer that sets the mode on entry is undone
        // by the next task). So the arena is made while this thread flushes denormals.
        const unsigned previous = flushDenormals();
        arena.initialize();
        restoreFloatMode(previous);
    }
};

ThreadPool::ThreadPool(int threads)
{
    const int cores = tbb::info::default_concurrency();
    m_threads = threads <= 0 ? cores : threads;
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
    const auto loop = [&] {
        tbb::parallel_for(0, tasks, 1, [&](int i) { body(i); }, tbb::simple_partitioner());
    };
    // Inside another pool's enter() with as many threads (the trainer's pool around the network's), the loop
    // runs in that arena: its workers are already awake there, and moving them to this arena costs more
    // than a small product saves.
    if (t_enteredPoolThreads == m_threads)
        loop();
    else
        m_arena->arena.execute(loop);
}

void ThreadPool::enter(const std::function<void()>& work)
{
    const unsigned previous = flushDenormals();
    try {
        m_arena->arena.execute([&] {
            const int outer = std::exchange(t_enteredPoolThreads, m_threads);
            try {
                work();
            } catch (...) {
                t_enteredPoolThreads = outer;
                throw;
            }
            t_enteredPoolThreads = outer;
        });
    } catch (...) {
        restoreFloatMode(previous);
        throw;
    }
    restoreFloatMode(previous);
}

} // namespace neurite

#endif // !NEURITE_PLAIN_THREADS
