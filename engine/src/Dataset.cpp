// Turning stored image bytes into a float batch, once per training step.
#include "neurite/Dataset.h"

#include <algorithm>
#include <cassert>

namespace neurite {

namespace {

// Shuffled batches read images from all over a data set too large for the caches; each image is a dozen
// cache lines that the hardware prefetcher cannot guess, so the loads are announced ahead of use.
void prefetchImage(const ImageSet& set, std::uint32_t index)
{
    const char* bytes = reinterpret_cast<const char*>(set.image(index));
    const int size = set.pixelsPerImage();
    for (int offset = 0; offset < size; offset += 64)
        __builtin_prefetch(bytes + offset, 0, 1);
}

} // namespace

void gatherBatch(const ImageSet& set, const std::uint32_t* indices, int n, Matrix& out) {
    const int width = set.pixelsPerImage();
    // Reallocate only when the shape changes, i.e. for the last, shorter batch of an epoch.
    if (out.rows() != n || out.cols() != width)
        out.resize(n, width);
    constexpr int kPrefetchDistance = 4;  // images ahead: enough to hide a memory round trip per image
    for (int row = 0; row < std::min(n, kPrefetchDistance); ++row)
        prefetchImage(set, indices[row]);
    for (int row = 0; row < n; ++row) {
        assert(indices[row] < set.count());
        if (row + kPrefetchDistance < n)
            prefetchImage(set, indices[row + kPrefetchDistance]);
        const std::uint8_t* __restrict src = set.image(indices[row]);
        float* __restrict dst = out.data() + std::size_t(row) * std::size_t(width);
        // A plain loop: the compiler turns it into wide integer-to-float conversions.
        for (int j = 0; j < width; ++j)
            dst[j] = float(src[j]) * kPixelScale;
    }
}

void prefetchBatch(const ImageSet& set, const std::uint32_t* indices, int n)
{
    for (int row = 0; row < n; ++row)
        prefetchImage(set, indices[row]);
}

} // namespace neurite
