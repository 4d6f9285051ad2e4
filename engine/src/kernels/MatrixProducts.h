// Matrix products for layers, split across worker threads when large enough to pay for it.
#pragma once

#include "neurite/Tensor.h"

namespace neurite {

class ThreadPool;

// c = a * b          a: (m, k), b: (k, n) -> c: (m, n)
void multiply(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c);
// c = a^T * b        a: (k, m), b: (k, n) -> c: (m, n)   (weight gradients: x^T dZ)
void multiplyTransposedA(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c);
// c = a * b^T        a: (m, k), b: (n, k) -> c: (m, n)   (input gradients: dZ W^T)
void multiplyTransposedB(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c);

} // namespace neurite
