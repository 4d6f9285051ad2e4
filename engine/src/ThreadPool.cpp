// ThreadPool over tbb::task_arena: work runs on exactly the configured number of threads.
#include "ThreadPool.h"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace neurite {

struct ThreadPool::Arena {
    tbb::task_arena arena;
    explicit Arena(int n) : arena(n) {}
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
    m_arena->arena.execute([&] {
        tbb::parallel_for(0, tasks, 1, [&](int i) { body(i); }, tbb::simple_partitioner());
    });
}

void ThreadPool::enter(const std::function<void()>& work)
{
    m_arena->arena.execute(work);
}

} // namespace neurite
