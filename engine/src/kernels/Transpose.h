// A matrix transposed into another buffer, in 16x16 tiles held in vector registers where the CPU has
// AVX-512: a strided element-by-element copy costs as much as the multiply-adds of the convolution weight
// gradient it feeds.
#pragma once

namespace neurite {

// src: (rows, cols), rows `srcStride` floats apart -> dst: (cols, rows), rows `dstStride` floats apart.
// The two must not overlap.
void transposeInto(const float* src, long rows, long cols, long srcStride, float* dst, long dstStride);

} // namespace neurite
