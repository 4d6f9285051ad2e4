// Direct convolution for stride 1 without padding: the output is summed straight from the input rows, with
// no im2col copy in between (LeNet's "valid" convolutions, and single-sample inference, where building the
// columns and packing them for a matrix product cost more than the multiply-adds themselves).
#pragma once

#include "kernels/ConvGeometry.h"

namespace neurite {

// Whether directConvolution handles g with this many filters and beats im2col and a matrix product: stride
// 1, no padding, and output rows of at least 16 pixels or a multiple of 16 filters.
bool suitsDirectConvolution(const ConvGeometry& g, int filters);

// Whether directConvolution reads wT (16 filters per vector) for g with this many filters; otherwise it reads
// only w.
bool directConvolutionReadsTransposedWeights(const ConvGeometry& g, int filters);

// x: one sample (channels, height, width); w: (filters, channels * kernel * kernel), PyTorch's order;
// wT: w transposed, (channels * kernel * kernel, filters); y: (filters, outHeight * outWidth), overwritten
// with the sums before any bias.
void directConvolution(const float* x, const ConvGeometry& g, const float* w, const float* wT, int filters, float* y);

// Whether directWeightGradient handles g with this many filters: stride 1, no padding, a 3x3 or 5x5 kernel
// and a multiple of 8 filters (the vectors hold filters; the sums of one kernel row stay in registers).
bool suitsDirectWeightGradient(const ConvGeometry& g, int filters);

// The weight gradient of one sample, added: dWT (channels * kernel * kernel, filters) += the sum over output
// pixels of dZ times the input under the tap. x: the sample (channels, height, width); dZT: (outHeight *
// outWidth, filters), the gradient at the convolution's output before its activation, transposed.
void directWeightGradient(const float* x, const ConvGeometry& g, const float* dZT, int filters, float* dWT);

} // namespace neurite
