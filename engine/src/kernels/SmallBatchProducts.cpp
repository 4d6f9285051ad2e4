#include "kernels/SmallBatchProducts.h"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

#include <stdexcept>

namespace neurite {

#if defined(__AVX512F__)

namespace {

constexpr long kLanes = 16;

// Where an operand's element (row, step) lies: c's row `row` takes a's element at row * rowStep + step *
// depthStep, so one kernel serves a * b (rowStep = depth, depthStep = 1) and a^T * b (1, m).
struct Operand {
    const float* data;
    long rowStep;
    long depthStep;
};

// c[Rows, Vectors * 16 columns] = the sum over `depth` steps of a's column times b's row. Rows x Vectors
// sums stay in registers (8 x 3 = 24 of the 32); each step loads the Vectors of b's row once and
// broadcasts Rows values of a. The last vector is masked to `last` lanes (the output layer's 10 classes).
template <int Rows, int Vectors>
void tile(Operand a, const float* b, long ldb, long depth, float* c, long ldc, __mmask16 last)
{
    // Fully unrolled, so that GCC keeps every sum in a register rather than in an array on the stack.
    __m512 sums[Rows][Vectors] = {};
    for (long step = 0; step < depth; ++step) {
        const float* bRow = b + step * ldb;
        __m512 w[Vectors];
#pragma GCC unroll 4
        for (int v = 0; v < Vectors; ++v)
            w[v] = v + 1 < Vectors ? _mm512_loadu_ps(bRow + v * kLanes)
                                   : _mm512_maskz_loadu_ps(last, bRow + v * kLanes);
        const float* aStep = a.data + step * a.depthStep;
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) {
            const __m512 x = _mm512_set1_ps(aStep[r * a.rowStep]);
#pragma GCC unroll 4
            for (int v = 0; v < Vectors; ++v)
                sums[r][v] = _mm512_fmadd_ps(x, w[v], sums[r][v]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r)
#pragma GCC unroll 4
        for (int v = 0; v < Vectors; ++v) {
            float* out = c + r * ldc + v * kLanes;
            if (v + 1 < Vectors)
                _mm512_storeu_ps(out, sums[r][v]);
            else
                _mm512_mask_storeu_ps(out, last, sums[r][v]);
        }
}

// Columns [column, column + Vectors * 16) of every row of c, rows in blocks of 8, then 4, 2 and 1.
template <int Vectors>
void columnBlock(Operand a, long rows, long depth, const float* b, long n, float* c, long column, __mmask16 last)
{
    long row = 0;
    const auto at = [&](long r) { return Operand{a.data + r * a.rowStep, a.rowStep, a.depthStep}; };
    for (; row + 8 <= rows; row += 8)
        tile<8, Vectors>(at(row), b + column, n, depth, c + row * n + column, n, last);
    if (row + 4 <= rows) {
        tile<4, Vectors>(at(row), b + column, n, depth, c + row * n + column, n, last);
        row += 4;
    }
    if (row + 2 <= rows) {
        tile<2, Vectors>(at(row), b + column, n, depth, c + row * n + column, n, last);
        row += 2;
    }
    if (row < rows)
        tile<1, Vectors>(at(row), b + column, n, depth, c + row * n + column, n, last);
}

// c (rows, n) = the product whose element (row, step) of the left operand `a` gives.
void product(Operand a, long rows, long depth, const float* b, long n, float* c)
{
    long column = 0;
    // Blocks of 48 columns; the rest (at most 47) in one block of 1 to 3 vectors, its last one masked.
    for (; column + 3 * kLanes <= n; column += 3 * kLanes)
        columnBlock<3>(a, rows, depth, b, n, c, column, 0xFFFF);
    const long rest = n - column;
    if (rest == 0)
        return;
    const long vectors = (rest + kLanes - 1) / kLanes;
    const long lastLanes = rest - (vectors - 1) * kLanes;
    const auto last = __mmask16((1u << lastLanes) - 1u);
    if (vectors == 1)
        columnBlock<1>(a, rows, depth, b, n, c, column, last);
    else if (vectors == 2)
        columnBlock<2>(a, rows, depth, b, n, c, column, last);
    else
        columnBlock<3>(a, rows, depth, b, n, c, column, last);
}

} // namespace

bool hasSmallBatchProducts()
{
    return true;
}

void multiplySmallBatch(const float* a, long rows, long depth, const float* b, long n, float* c)
{
    product({a, depth, 1}, rows, depth, b, n, c);
}

void multiplyTransposedASmallBatch(const float* a, long depth, long m, const float* b, long n, float* c)
{
    product({a, 1, m}, m, depth, b, n, c);
}

#else

bool hasSmallBatchProducts()
{
    return false;
}

void multiplySmallBatch(const float*, long, long, const float*, long, float*)
{
    throw std::logic_error("multiplySmallBatch needs AVX-512 (check hasSmallBatchProducts)");
}

void multiplyTransposedASmallBatch(const float*, long, long, const float*, long, float*)
{
    throw std::logic_error("multiplyTransposedASmallBatch needs AVX-512 (check hasSmallBatchProducts)");
}

#endif

} // namespace neurite
