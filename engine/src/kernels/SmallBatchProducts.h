// Matrix products of a few batch rows (a batch of 32 split over two threads gives each 16), computed
// straight from the row-major operands in AVX-512 registers. Eigen's general product copies ("packs") the
// whole weight matrix for every call and zeroes the output before adding to it: at 16 rows through the
// reference MLP's 784x128 layer that was a fifth of a training step. Here each output element is written
// once and the weights are read in place.
#pragma once

namespace neurite {

// Batch rows (or batch depth of a weight gradient) up to which MatrixProducts uses the products below: a
// batch of 256 on one thread (the MLP trained 40% faster than with Eigen's product). Beyond it (im2col
// products of many positions) Eigen's blocking, which reuses what it packed over many rows, is used as before.
inline constexpr long kSmallBatchRows = 256;

// True when this build has the kernels (compiled for AVX-512); otherwise the callers keep Eigen's product.
bool hasSmallBatchProducts();

// c = a * b          a: (rows, depth), b: (depth, n) -> c: (rows, n); all dense and row-major.
void multiplySmallBatch(const float* a, long rows, long depth, const float* b, long n, float* c);
// c = a^T * b        a: (depth, m), b: (depth, n) -> c: (m, n); the depth is the batch (weight gradients).
// For each block of 8 rows of c (8 inputs) it skips the batch rows where those 8 inputs are all zero: a
// picture's background (28% of the runs of 8 pixels in Fashion-MNIST, 60% in MNIST). The result is the
// same as without the skipping: the skipped terms are exact zeros, and a NaN is not skipped.
void multiplyTransposedASmallBatch(const float* a, long depth, long m, const float* b, long n, float* c);

} // namespace neurite
