// Helpers shared by the optimiser implementations: per-parameter state buffers and threaded element ranges.
#pragma once

#include "neurite/Weights.h"
#include "neurite/Tensor.h"

#include <Eigen/Core>
#include <vector>

namespace neurite {

// Parameters with fewer elements than this are updated on the calling thread: below it the threading
// overhead costs more than it saves.
inline constexpr long kParallelElementThreshold = 65536;

// A contiguous run of a matrix's elements viewed as a 1-D array, for coefficient-wise updates.
using ElementSpan = Eigen::Map<Eigen::ArrayXf>;
using ConstElementSpan = Eigen::Map<const Eigen::ArrayXf>;

inline ElementSpan elements(Matrix& m, long begin, long end)
{
    return ElementSpan(m.data() + begin, end - begin);
}
inline ConstElementSpan elements(const Matrix& m, long begin, long end)
{
    return ConstElementSpan(m.data() + begin, end - begin);
}

// Makes `state` hold one zero matrix per parameter, shaped like it. Allocates only on the first step (or if
// the caller changed the parameter list, which resets the state). Returns true when it (re)allocated.
bool prepareState(std::vector<Matrix>& state, const std::vector<ParameterRef>& params);

namespace detail {
void forEachElementChunkImpl(long size, bool allThreads, void (*body)(const void* context, long begin, long end),
                             const void* context);
} // namespace detail

// Calls body(begin, end) over [0, size): in one piece for small ranges, otherwise in fixed chunks spread
// over oneTBB's threads. Every element's update must be independent of the others, so the result does not
// depend on the split. `allThreads` false keeps every chunk on the calling thread (Optimizer::setThreaded).
// Takes the body by reference and allocates nothing itself.
template <class Body>
void forEachElementChunk(long size, bool allThreads, const Body& body)
{
    detail::forEachElementChunkImpl(
        size, allThreads,
        [](const void* context, long begin, long end) { (*static_cast<const Body*>(context))(begin, end); }, &body);
}

} // namespace neurite
