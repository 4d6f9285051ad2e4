// ThreadPool over tbb::task_arena: work runs on exactly the configured number of threads.
#include "ThreadPool.h"

#include "TbbHandoff.h"

#include <utility>

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace neurite {

namespace {

// Denormal floats are many times slower on x86, and Adam's moments for weights whose gradient is always
// zero (e.g. MNIST's empty border pixels) decay into them. Flushing them to zero changes nothing that
// matters (values below 1e-38) and keeps every step at full speed, like PyTorch's set_flush_denormal.
unsigned flushDenormals()
{
#if defined(__SSE__)
    const unsigned previous = _mm_getcsr();
    _mm_setcsr(previous | 0x8040);  // FTZ (bit 15) and DAZ (bit 6)
    return previous;
#else
    return 0;
#endif
}

void restoreFloatMode([[maybe_unused]] unsigned previous)
{
#if defined(__SSE__)
    _mm_setcsr(previous);
#endif
}

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
    TbbHandoff handoff;
    const auto loop = [&] {
        tbb::parallel_for(
            0, tasks, 1,
            [&](int i) {
                handoff.taskBegins();
                body(i);
                handoff.taskEnds();
            },
            tbb::simple_partitioner());
    };
    // Inside another pool's enter() with as many threads (the trainer's pool around the network's), the loop
    // runs in that arena: its workers are already awake there, and moving them to this arena costs more
    // than a small product saves.
    if (t_enteredPoolThreads == m_threads)
        loop();
    else
        m_arena->arena.execute(loop);
    handoff.joined();
}

void ThreadPool::enter(const std::function<void()>& work)
{
    const unsigned previous = flushDenormals();
    TbbHandoff handoff;
    try {
        m_arena->arena.execute([&] {
            handoff.taskBegins();
            const int outer = std::exchange(t_enteredPoolThreads, m_threads);
            try {
                work();
            } catch (...) {
                t_enteredPoolThreads = outer;
                throw;
            }
            t_enteredPoolThreads = outer;
            handoff.taskEnds();
        });
    } catch (...) {
        handoff.joined();
        restoreFloatMode(previous);
        throw;
    }
    handoff.joined();
    restoreFloatMode(previous);
}

} // namespace neurite
