// Helpers shared by the optimiser implementations: per-parameter state buffers and threaded element ranges.
#include "training/OptimizerSupport.h"
#include "kernels/ThreadPool.h"

#include <algorithm>
#include <cassert>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

namespace neurite {

namespace {
// Elements per chunk: large enough to amortise scheduling, small enough to balance a few cores. A multiple
// of every SIMD width, and Eigen's matrices are SIMD-aligned, so every chunk starts aligned and Eigen takes
// the same vector/scalar path for each element whatever the split (its fast vector sqrt can differ from the
// scalar one in the last bit).
constexpr long kChunkElements = 16384;

bool sameShapes(const std::vector<Matrix>& state, const std::vector<ParameterRef>& params)
{
    if (state.size() != params.size())
        return false;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (state[i].rows() != params[i].value->rows() || state[i].cols() != params[i].value->cols())
            return false;
    }
    return true;
}
} // namespace

bool prepareState(std::vector<Matrix>& state, const std::vector<ParameterRef>& params)
{
    if (sameShapes(state, params))
        return false;
    // Only the first step gets here; a later change of the parameter list is a caller bug, but starting
    // the moments afresh is safer than reading past a buffer.
    state.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        assert(params[i].value && params[i].grad);
        assert(params[i].grad->rows() == params[i].value->rows() && params[i].grad->cols() == params[i].value->cols());
        state[i] = Matrix::Zero(params[i].value->rows(), params[i].value->cols());
    }
    return true;
}

void detail::forEachElementChunkImpl(long size, bool allThreads, void (*body)(const void*, long, long),
                                     const void* context)
{
    if (size < kParallelElementThreshold || !allThreads) {
        if (size > 0)
            body(context, 0, size);
        return;
    }
    // The range runs over chunk indices, so the boundaries are fixed multiples of kChunkElements; the static
    // partitioner only decides which thread gets which chunks.
    const long chunks = (size + kChunkElements - 1) / kChunkElements;
    const auto runChunks = [&](long first, long last) {
        for (long chunk = first; chunk != last; ++chunk) {
            const long begin = chunk * kChunkElements;
            body(context, begin, std::min(size, begin + kChunkElements));
        }
    };
#if NEURITE_PLAIN_THREADS
    runChunks(0, chunks); // see ThreadPool.h
#else
    tbb::parallel_for(
        tbb::blocked_range<long>(0, chunks, 1),
        [&](const tbb::blocked_range<long>& range) { runChunks(range.begin(), range.end()); },
        tbb::static_partitioner());
#endif
}

} // namespace neurite
