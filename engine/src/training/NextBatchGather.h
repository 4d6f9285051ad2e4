// Gathers the next training batch on the pool's idle thread while the current step runs.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Tensor.h"

#include <cstdint>
#include <memory>

namespace neurite {

// A step that does not split its batch (a small batch of a small design: the reference MLP at batch 32)
// runs on the calling thread and leaves the pool's other thread idle, while gathering the batch from a data
// set larger than the caches waits on memory for about a tenth of the step: shuffled images come from all
// over it, and the prefetch announced a step ahead is evicted again by the step's own weights and optimiser
// state. So the next batch is gathered there meanwhile, into a second buffer. Without a second thread (or in
// ThreadSanitizer builds, whose pool has no oneTBB workers) start() only prefetches and take() gathers.
// The batch is the same whichever thread gathers it.
class NextBatchGather {
public:
    NextBatchGather();
    ~NextBatchGather(); // waits for a gather still running
    NextBatchGather(const NextBatchGather&) = delete;
    NextBatchGather& operator=(const NextBatchGather&) = delete;

    // Starts gathering samples indices[0, n) of `set` (which must outlive take()); on another thread of the
    // pool the caller runs in when `background`, else by take(). The indices must stay valid until take().
    void start(const SampleSet& set, const std::uint32_t* indices, int n, bool background);
    // Whether a batch was started and not taken yet.
    bool pending() const { return m_set != nullptr; }
    // The started batch, (n, values per sample), swapped into `x`; waits for it if it is still being gathered.
    void take(Matrix& x);
    // Waits for a batch still being gathered and forgets it (a stopped or finished epoch).
    void discard();

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    Matrix m_spare; // (n, values per sample): the batch being gathered
    const SampleSet* m_set = nullptr;
    const std::uint32_t* m_indices = nullptr;
    int m_count = 0;
    bool m_background = false;
};

} // namespace neurite
