// ThreadPool's arena over oneTBB (every build but ThreadSanitizer's; see ThreadPool.h).
#pragma once

#include "kernels/FloatMode.h"
#include "kernels/ThreadPool.h"

#include <functional>
#include <utility>

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace neurite {

// The thread count of the pool whose enter() this thread is running in (0: none).
inline thread_local int t_enteredPoolThreads = 0;

struct ThreadPool::Arena {
    tbb::task_arena arena;
    int threads;

    static int cores() { return tbb::info::default_concurrency(); }

    explicit Arena(int n) : arena(n), threads(n)
    {
        // oneTBB captures the creating thread's floating-point mode with the arena and sets it in whichever
        // thread runs one of its tasks, before each task (an observer that sets the mode on entry is undone
        // by the next task). So the arena is made while this thread flushes denormals.
        const unsigned previous = flushDenormals();
        arena.initialize();
        restoreFloatMode(previous);
    }

    void run(int tasks, const std::function<void(int)>& body)
    {
        const auto loop = [&] {
            tbb::parallel_for(
                0, tasks, 1, [&](int i) { body(i); }, tbb::simple_partitioner());
        };
        // Inside another pool's enter() with as many threads (the trainer's pool around the network's), the
        // loop runs in that arena: its workers are already awake there, and moving them to this arena costs
        // more than a small product saves.
        if (t_enteredPoolThreads == threads)
            loop();
        else
            arena.execute(loop);
    }

    void enter(const std::function<void()>& work)
    {
        arena.execute([&] {
            const int outer = std::exchange(t_enteredPoolThreads, threads);
            try {
                work();
            } catch (...) {
                t_enteredPoolThreads = outer;
                throw;
            }
            t_enteredPoolThreads = outer;
        });
    }
};

} // namespace neurite
