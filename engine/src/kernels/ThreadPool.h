// A fixed number of worker threads (a oneTBB arena behind a TBB-free header).
#pragma once

#include <functional>
#include <memory>

// ThreadSanitizer cannot see oneTBB's synchronisation (the system library is not instrumented) and reports
// every hand-off to a oneTBB worker as a race. TSan builds therefore run the same splits on plain
// std::threads (PlainArena.h), whose mutexes it sees, so that it checks Neurite's own code.
#if defined(__SANITIZE_THREAD__)
#define NEURITE_PLAIN_THREADS 1
#else
#define NEURITE_PLAIN_THREADS 0
#endif

namespace neurite {

class ThreadPool {
public:
    explicit ThreadPool(int threads); // 0 = all cores
    ~ThreadPool();
    int threads() const { return m_threads; }
    // Runs body(0) .. body(tasks - 1), each exactly once, possibly in parallel; returns when all are done.
    void run(int tasks, const std::function<void(int)>& body);
    // Runs `work` inside this pool, so that oneTBB loops within it (e.g. the optimisers') use exactly
    // this pool's threads.
    void enter(const std::function<void()>& work);

private:
    struct Arena;
    int m_threads = 1;
    std::unique_ptr<Arena> m_arena;
};

// Splits [0, n) into `parts` contiguous ranges; part i is [begin, end). Fixed, so results are deterministic.
inline void splitRange(long n, int parts, int i, long& begin, long& end)
{
    begin = n * i / parts;
    end = n * (i + 1) / parts;
}

} // namespace neurite
