// Turning stored image bytes or table rows into a float batch, once per training step.
#include "neurite/Dataset.h"

#include "kernels/ThreadPool.h"

#include <algorithm>
#include <cassert>

#if !NEURITE_PLAIN_THREADS
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#endif

namespace neurite {

namespace {

// Shuffled batches read images from all over a data set too large for the caches; each image is a dozen
// cache lines that the hardware prefetcher cannot guess, so the loads are announced ahead of use.
void prefetchImage(const SampleSet& set, std::uint32_t index)
{
    const bool table = set.kind == SampleKind::TableRow;
    const char* bytes = table ? reinterpret_cast<const char*>(set.row(index))
                              : reinterpret_cast<const char*>(set.image(index));
    const int size = set.valuesPerSample() * (table ? int(sizeof(float)) : 1);
    for (int offset = 0; offset < size; offset += 64)
        __builtin_prefetch(bytes + offset, 0, 1);
}

// Rows [first, last) of the batch.
void gatherRows(const SampleSet& set, const std::uint32_t* indices, int first, int last, Matrix& out)
{
    const int width = set.valuesPerSample();
    constexpr int kPrefetchDistance = 4; // images ahead: enough to hide a memory round trip per image
    for (int row = first; row < std::min(last, first + kPrefetchDistance); ++row)
        prefetchImage(set, indices[row]);
    for (int row = first; row < last; ++row) {
        assert(indices[row] < set.count());
        if (row + kPrefetchDistance < last)
            prefetchImage(set, indices[row + kPrefetchDistance]);
        float* __restrict dst = out.data() + std::size_t(row) * std::size_t(width);
        if (set.kind == SampleKind::TableRow) {
            std::copy_n(set.row(indices[row]), width, dst);
            continue;
        }
        const std::uint8_t* __restrict src = set.image(indices[row]);
        // A plain loop: the compiler turns it into wide integer-to-float conversions.
        for (int j = 0; j < width; ++j)
            dst[j] = float(src[j]) * kPixelScale;
    }
}

} // namespace

void gatherBatch(const SampleSet& set, const std::uint32_t* indices, int n, Matrix& out)
{
    const int width = set.valuesPerSample();
    // Reallocate only when the shape changes, i.e. for the last, shorter batch of an epoch.
    if (out.rows() != n || out.cols() != width)
        out.resize(n, width);
        // Large batches are gathered by all the threads of the arena the caller runs in (the trainer's): at
        // batch 256 a serial gather left the other core waiting for 5% of the step. Each row is a plain copy,
        // so the split changes nothing in the result.
#if NEURITE_PLAIN_THREADS
    gatherRows(set, indices, 0, n, out); // see ThreadPool.h
#else
    constexpr int kRowsPerTask = 64;
    if (n < 2 * kRowsPerTask) {
        gatherRows(set, indices, 0, n, out);
        return;
    }
    tbb::parallel_for(tbb::blocked_range<int>(0, n, kRowsPerTask), [&](const tbb::blocked_range<int>& rows) {
        gatherRows(set, indices, rows.begin(), rows.end(), out);
    });
#endif
}

void prefetchBatch(const SampleSet& set, const std::uint32_t* indices, int n)
{
    for (int row = 0; row < n; ++row)
        prefetchImage(set, indices[row]);
}

} // namespace neurite
