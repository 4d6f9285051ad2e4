// Splits a batch into a fixed number of contiguous parts run on the layer's worker threads.
#pragma once

#include "kernels/ThreadPool.h"

#include <algorithm>

namespace neurite {

// How many parts to split `batch` samples into, each costing about `workPerSample` multiply-adds (or
// element operations): one part when a second thread would cost more than it saves. The count depends
// only on the pool's size and the batch, so results are deterministic for a given thread count.
inline int batchParts(ThreadPool* pool, long batch, long workPerSample)
{
    constexpr long kParallelThreshold = 200'000;
    if (!pool || pool->threads() <= 1 || batch < 2 || batch * workPerSample < kParallelThreshold)
        return 1;
    return int(std::min<long>(pool->threads(), batch));
}

// Runs body(part, begin, end) for the samples [begin, end) of each of `parts` parts.
template <typename Body>
void forEachBatchPart(ThreadPool* pool, int parts, long batch, const Body& body)
{
    if (parts <= 1 || !pool) {
        body(0, 0L, batch);
        return;
    }
    pool->run(parts, [&](int part) {
        long begin, end;
        splitRange(batch, parts, part, begin, end);
        body(part, begin, end);
    });
}

} // namespace neurite
