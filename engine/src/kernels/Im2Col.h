// im2col / col2im: turn a convolution into one matrix product (and its gradient back into an image).
#pragma once

#include "kernels/ConvGeometry.h"

namespace neurite {

// x: one sample (channels, height, width) -> col: (channels * kernel * kernel, outHeight * outWidth), written
// with row stride `ld` (so several samples can sit side by side in one wide matrix). Padding reads as 0.
// Row (c * kernel + ky) * kernel + kx, column oy * outWidth + ox holds x[c][oy*stride - padTop + ky][...].
void im2col(const float* x, const ConvGeometry& g, float* col, long ld);

// The transpose of im2col: dX (one sample, overwritten) = the sum of every column entry into the pixel it
// was read from. col: (patchSize, outputPixels) with row stride `ld`.
void col2im(const float* col, long ld, const ConvGeometry& g, float* dX);

} // namespace neurite
