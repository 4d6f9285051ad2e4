// NextBatchGather: the next batch gathered by a oneTBB task of the pool the trainer runs in.
#include "training/NextBatchGather.h"

#include "kernels/ThreadPool.h"

#if !NEURITE_PLAIN_THREADS
#include <tbb/task_group.h>
#endif

namespace neurite {

#if NEURITE_PLAIN_THREADS
struct NextBatchGather::Worker {
    static constexpr bool kAvailable = false;
    void run(const std::function<void()>& work) { work(); }
    void wait() {}
};
#else
struct NextBatchGather::Worker {
    static constexpr bool kAvailable = true;
    // A task of the arena the caller runs in (the trainer's pool): its idle worker steals it.
    tbb::task_group group;
    void run(const std::function<void()>& work) { group.run(work); }
    void wait() { group.wait(); }
};
#endif

NextBatchGather::NextBatchGather() : m_worker(std::make_unique<Worker>()) {}

NextBatchGather::~NextBatchGather()
{
    discard();
}

void NextBatchGather::start(const SampleSet& set, const std::uint32_t* indices, int n, bool background)
{
    discard();
    m_set = &set;
    m_indices = indices;
    m_count = n;
    m_background = background && Worker::kAvailable;
    if (m_background)
        m_worker->run([this] { gatherBatch(*m_set, m_indices, m_count, m_spare); });
    else
        prefetchBatch(set, indices, n); // the images arrive in the caches while the current step runs
}

void NextBatchGather::take(Matrix& x)
{
    if (m_background)
        m_worker->wait();
    else
        gatherBatch(*m_set, m_indices, m_count, m_spare);
    x.swap(m_spare);
    m_set = nullptr;
    m_background = false;
}

void NextBatchGather::discard()
{
    // A batch nobody will use: a failed gather of it (memory) is no reason to fail the caller.
    if (m_background) {
        try {
            m_worker->wait();
        } catch (...) {
        }
    }
    m_set = nullptr;
    m_background = false;
}

} // namespace neurite
