// Turning stored image bytes into a float batch, once per training step.
#include "neurite/Dataset.h"

#include <cassert>

namespace neurite {

void gatherBatch(const ImageSet& set, const std::uint32_t* indices, int n, Matrix& out) {
    const int width = set.pixelsPerImage();
    // Reallocate only when the shape changes, i.e. for the last, shorter batch of an epoch.
    if (out.rows() != n || out.cols() != width)
        out.resize(n, width);
    for (int row = 0; row < n; ++row) {
        assert(indices[row] < set.count());
        const std::uint8_t* __restrict src = set.image(indices[row]);
        float* __restrict dst = out.data() + std::size_t(row) * std::size_t(width);
        // A plain loop: the compiler turns it into wide integer-to-float conversions.
        for (int j = 0; j < width; ++j)
            dst[j] = float(src[j]) * kPixelScale;
    }
}

} // namespace neurite
