#include "kernels/SmallBatchProducts.h"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

#include <stdexcept>
#include <vector>

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

// The steps of the depth a tile of 8 rows of c takes: all of them, or a list of those where any of the
// tile's 8 values of `a` is not zero (the others add nothing to its sums).
struct Steps {
    const int* list = nullptr; // null: every step in [0, count)
    long count = 0;
};

// c[Rows, Vectors * 16 columns] = the sum over the steps of a's column times b's row. Rows x Vectors sums
// stay in registers (8 x 3 = 24 of the 32); each step loads the Vectors of b's row once and broadcasts Rows
// values of a. The last vector is masked to `last` lanes (the output layer's 10 classes). Listed: the steps
// come from steps.list (an indirection that costs a tenth of the loop's speed, so a full list is not used).
template <int Rows, int Vectors, bool Listed = false>
void tile(Operand a, const float* b, long ldb, Steps steps, float* c, long ldc, __mmask16 last)
{
    // Fully unrolled, so that GCC keeps every sum in a register rather than in an array on the stack.
    __m512 sums[Rows][Vectors] = {};
    for (long i = 0; i < steps.count; ++i) {
        const long step = Listed ? steps.list[i] : i;
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

// The steps of each block of 8 rows of c (StepLists), or none: every block takes every step.
struct BlockSteps {
    const int* lists = nullptr; // block j's list at lists + j * depth
    const long* counts = nullptr;
    Steps of(long block, long depth) const
    {
        return lists ? Steps{lists + block * depth, counts[block]} : Steps{nullptr, depth};
    }
};

// Columns [column, column + Vectors * 16) of every row of c, rows in blocks of 8, then 4, 2 and 1.
template <int Vectors>
void columnBlock(Operand a, long rows, long depth, const float* b, long n, float* c, long column, __mmask16 last,
                 BlockSteps blocks)
{
    long row = 0;
    const auto at = [&](long r) { return Operand{a.data + r * a.rowStep, a.rowStep, a.depthStep}; };
    const Steps all{nullptr, depth};
    for (; row + 8 <= rows; row += 8) {
        const Steps steps = blocks.of(row / 8, depth);
        if (steps.list && steps.count < depth)
            tile<8, Vectors, true>(at(row), b + column, n, steps, c + row * n + column, n, last);
        else
            tile<8, Vectors>(at(row), b + column, n, all, c + row * n + column, n, last);
    }
    if (row + 4 <= rows) {
        tile<4, Vectors>(at(row), b + column, n, all, c + row * n + column, n, last);
        row += 4;
    }
    if (row + 2 <= rows) {
        tile<2, Vectors>(at(row), b + column, n, all, c + row * n + column, n, last);
        row += 2;
    }
    if (row < rows)
        tile<1, Vectors>(at(row), b + column, n, all, c + row * n + column, n, last);
}

// Lists per block of 8 rows of c, kept per thread (the two halves of a split product build their own).
struct StepLists {
    std::vector<int> steps; // (blocks, depth): block j's steps from j * depth
    std::vector<long> counts;
    void resize(long blocks, long depth)
    {
        if (steps.size() < std::size_t(blocks * depth))
            steps.resize(std::size_t(blocks * depth));
        counts.assign(std::size_t(blocks), 0);
    }
};
thread_local StepLists t_lists;

// Block j's 8 values of step r lie side by side: a^T b, the batch as the depth (the weight gradient x^T dZ,
// where a run of 8 inputs is zero wherever a picture's background is). Appends r to block j's list when any
// of a[r * m + 8j .. + 8) is not zero (NaN counts as not zero, so it still reaches the sums).
void listAdjacentSteps(const float* a, long depth, long m, long blocks, StepLists& lists)
{
    lists.resize(blocks, depth);
    int* steps = lists.steps.data();
    long* counts = lists.counts.data();
    for (long r = 0; r < depth; ++r) {
        const float* row = a + r * m;
        long j = 0;
        for (; j + 2 <= blocks; j += 2) {
            const __mmask16 nonZero = _mm512_cmp_ps_mask(_mm512_loadu_ps(row + j * 8), _mm512_setzero_ps(),
                                                         _CMP_NEQ_UQ);
            steps[j * depth + counts[j]] = int(r);
            counts[j] += (nonZero & 0xFF) != 0;
            steps[(j + 1) * depth + counts[j + 1]] = int(r);
            counts[j + 1] += (nonZero >> 8) != 0;
        }
        if (j < blocks) {
            const __mmask16 nonZero = _mm512_mask_cmp_ps_mask(0xFF, _mm512_maskz_loadu_ps(0xFF, row + j * 8),
                                                              _mm512_setzero_ps(), _CMP_NEQ_UQ);
            steps[j * depth + counts[j]] = int(r);
            counts[j] += nonZero != 0;
        }
    }
}

// Whether listing the zero steps can pay: blocks of 8 rows to skip in, and a row of c wide enough that a
// skipped step saves more multiply-adds (n / 16 vectors per row) than testing it costs.
bool worthListing(long rows, long depth, long n)
{
    return rows >= 8 && depth >= 16 && n >= 32;
}

// c (rows, n) = the product whose element (row, step) of the left operand `a` gives, each block of 8 rows
// over its own steps.
void product(Operand a, long rows, long depth, const float* b, long n, float* c, BlockSteps blocks)
{
    long column = 0;
    // Blocks of 48 columns; the rest (at most 47) in one block of 1 to 3 vectors, its last one masked.
    for (; column + 3 * kLanes <= n; column += 3 * kLanes)
        columnBlock<3>(a, rows, depth, b, n, c, column, 0xFFFF, blocks);
    const long rest = n - column;
    if (rest == 0)
        return;
    const long vectors = (rest + kLanes - 1) / kLanes;
    const long lastLanes = rest - (vectors - 1) * kLanes;
    const auto last = __mmask16((1u << lastLanes) - 1u);
    if (vectors == 1)
        columnBlock<1>(a, rows, depth, b, n, c, column, last, blocks);
    else if (vectors == 2)
        columnBlock<2>(a, rows, depth, b, n, c, column, last, blocks);
    else
        columnBlock<3>(a, rows, depth, b, n, c, column, last, blocks);
}

} // namespace

bool hasSmallBatchProducts()
{
    return true;
}

void multiplySmallBatch(const float* a, long rows, long depth, const float* b, long n, float* c)
{
    product({a, depth, 1}, rows, depth, b, n, c, {});
}

void multiplyTransposedASmallBatch(const float* a, long depth, long m, const float* b, long n, float* c)
{
    if (!worthListing(m, depth, n)) {
        product({a, 1, m}, m, depth, b, n, c, {});
        return;
    }
    StepLists& lists = t_lists;
    listAdjacentSteps(a, depth, m, m / 8, lists);
    product({a, 1, m}, m, depth, b, n, c, {lists.steps.data(), lists.counts.data()});
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
