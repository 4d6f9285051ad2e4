// Each product is split over its output's columns or rows so threads never write the same element;
// the split depends only on the thread count, so results are deterministic for a given count.
#include "kernels/MatrixProducts.h"

#include "kernels/SmallBatchProducts.h"
#include "kernels/ThreadPool.h"

namespace neurite {
namespace {

// Below this many multiply-adds a second thread costs more than it saves.
constexpr long kParallelThreshold = 400'000;
// A split product hands the shared operand and the results between the cores' caches every call; below this
// many batch rows (each weight used once a row) that costs more than the second thread saves: the reference
// MLP trained at batch 64 at 270,000 samples/s on one thread and 180,000 with its products split over two.
constexpr long kParallelRows = 128;

int partsFor(ThreadPool* pool, long multiplyAdds, long batchRows, long splitDimension)
{
    if (!pool || pool->threads() <= 1 || multiplyAdds < kParallelThreshold || batchRows < kParallelRows)
        return 1;
    return int(std::min<long>(pool->threads(), splitDimension / 16 > 0 ? splitDimension / 16 : 1));
}

// Rows [begin, end) of c = a * b (c already sized).
void multiplyRows(const Matrix& a, long begin, long end, const Matrix& b, Matrix& c)
{
    if (hasSmallBatchProducts() && end - begin <= kSmallBatchRows)
        multiplySmallBatch(a.data() + begin * a.cols(), end - begin, a.cols(), b.data(), b.cols(),
                           c.data() + begin * c.cols());
    else
        c.middleRows(begin, end - begin).noalias() = a.middleRows(begin, end - begin) * b;
}

} // namespace

void multiply(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c)
{
    c.resize(a.rows(), b.cols());
    // Each part packs the whole of the operand it does not split: split the longer side of c, so the
    // smaller operand is the one packed twice (a large batch splits by rows, a small one by columns).
    const bool byRows = a.rows() > b.cols();
    const int parts = partsFor(pool, long(a.rows()) * a.cols() * b.cols(), a.rows(), byRows ? a.rows() : b.cols());
    if (parts == 1) {
        multiplyRows(a, 0, a.rows(), b, c);
        return;
    }
    if (byRows) {
        pool->run(parts, [&](int i) {
            long begin, end;
            splitRange(a.rows(), parts, i, begin, end);
            multiplyRows(a, begin, end, b, c);
        });
        return;
    }
    pool->run(parts, [&](int i) {
        long begin, end;
        splitRange(b.cols(), parts, i, begin, end);
        c.middleCols(begin, end - begin).noalias() = a * b.middleCols(begin, end - begin);
    });
}

void multiplyTransposedA(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c)
{
    c.resize(a.cols(), b.cols());
    const int parts = partsFor(pool, long(a.rows()) * a.cols() * b.cols(), a.rows(), a.cols());
    if (parts == 1) {
        if (hasSmallBatchProducts() && a.rows() <= kSmallBatchRows)
            multiplyTransposedASmallBatch(a.data(), a.rows(), a.cols(), b.data(), b.cols(), c.data());
        else
            c.noalias() = a.transpose() * b;
        return;
    }
    pool->run(parts, [&](int i) {
        long begin, end;
        splitRange(a.cols(), parts, i, begin, end);
        c.middleRows(begin, end - begin).noalias() = a.middleCols(begin, end - begin).transpose() * b;
    });
}

void multiplyTransposedB(ThreadPool* pool, const Matrix& a, const Matrix& b, Matrix& c)
{
    c.resize(a.rows(), b.rows());
    const int parts = partsFor(pool, long(a.rows()) * a.cols() * b.rows(), a.rows(), b.rows());
    if (parts == 1) {
        c.noalias() = a * b.transpose();
        return;
    }
    pool->run(parts, [&](int i) {
        long begin, end;
        splitRange(b.rows(), parts, i, begin, end);
        c.middleCols(begin, end - begin).noalias() = a * b.middleRows(begin, end - begin).transpose();
    });
}

} // namespace neurite
