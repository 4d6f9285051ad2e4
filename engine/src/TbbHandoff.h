// Tells ThreadSanitizer about oneTBB's hand-offs between the calling thread and its worker threads.
#pragma once

// A tbb::parallel_for orders everything the caller wrote before it ahead of every task, and every task ahead
// of the caller's return. The system oneTBB is not built with TSan, so TSan sees neither edge and reports
// each matrix a worker reads as a race. A TbbHandoff names both edges: construct it before the parallel
// loop, call taskBegins()/taskEnds() around each task body, and joined() after the loop. Outside TSan builds
// all of it compiles to nothing.
#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace neurite {

class TbbHandoff {
public:
#if defined(__SANITIZE_THREAD__)
    TbbHandoff() { __tsan_release(&m_start); }
    void taskBegins() { __tsan_acquire(&m_start); }
    void taskEnds() { __tsan_release(&m_done); }
    void joined() { __tsan_acquire(&m_done); }

private:
    char m_start = 0;
    char m_done = 0;
#else
    void taskBegins() {}
    void taskEnds() {}
    void joined() {}
#endif
};

} // namespace neurite
