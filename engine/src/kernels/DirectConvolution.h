// Direct convolution for stride 1: the output is summed straight from the input rows, with no im2col copy in
// between (LeNet's "valid" convolutions; "same" ones read their input copied inside its zero border; and
// single-sample inference, where building the columns and packing them for a matrix product cost more than
// the multiply-adds themselves). The input gradient of such a convolution is one too (inputGradientGeometry).
#pragma once

#include "kernels/ConvGeometry.h"

namespace neurite {

// The geometry the direct kernels see for a stride-1 convolution g: its input with the zero padding written
// out (padInput), as an input without padding. g itself when it has none.
ConvGeometry paddedInputGeometry(const ConvGeometry& g);

// Whether g's input must be copied into a padded one (padInput) before the direct kernels read it.
bool needsPaddedInput(const ConvGeometry& g);

// x: one sample of g's input, its channels `channelStride` apart (0: height * width) -> padded: the same
// sample inside its zero border, paddedInputGeometry(g)'s input (channels, outHeight + kernel - 1,
// outWidth + kernel - 1). Every value of `padded` is written.
void padInput(const float* x, const ConvGeometry& g, float* padded, long channelStride = 0);

// The input gradient of a stride-1 convolution g as a convolution of its own: dX = dZ, padded by kernel - 1
// - pad, convolved with the weights flipped and their filters and channels swapped. Its geometry (input: dZ,
// filters channels of outHeight x outWidth; output: g's input size), or one with outHeight 0 when g's
// padding is wider than kernel - 1 (the gradient would need cropping, not padding).
ConvGeometry inputGradientGeometry(const ConvGeometry& g, int filters);

// w: (filters, channels * kernel * kernel) -> flipped: (channels, filters * kernel * kernel), each kernel
// turned by 180 degrees: the weights of inputGradientGeometry's convolution.
void flipKernels(const float* w, const ConvGeometry& g, int filters, float* flipped);

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
