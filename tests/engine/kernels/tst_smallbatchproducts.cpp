// The products of a few batch rows (SmallBatchProducts, reached through MatrixProducts without a pool)
// against the products computed in double by their definition: every row count from 1 to the limit's
// neighbourhood (tiles of 8, 4, 2 and 1 rows), column counts around the 16-lane vectors and 48-column blocks
// (the masked last vector), and the reference MLP's shapes; and the weight gradient of pictures, whose runs of
// 8 zero inputs it skips. Where the build has no AVX-512 kernels the same cases check Eigen's product, which
// MatrixProducts then uses.
#include "kernels/MatrixProducts.h"
#include "kernels/SmallBatchProducts.h"
#include "kernels/ThreadPool.h"
#include "TestSupport.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace neurite;
using namespace neurite::test;

namespace {

// a * b in double, element by element.
Matrix definitionProduct(const Matrix& a, const Matrix& b)
{
    Matrix c(a.rows(), b.cols());
    for (long i = 0; i < a.rows(); ++i)
        for (long j = 0; j < b.cols(); ++j) {
            double sum = 0;
            for (long k = 0; k < a.cols(); ++k)
                sum += double(a(i, k)) * double(b(k, j));
            c(i, j) = float(sum);
        }
    return c;
}

// (rows, inputs) values in (0, 1] with zero runs as a picture's background has: in each row, each block of 8
// inputs is all zero, all zero but one (anywhere in the block), or all set, at random.
Matrix picturesWithZeroRuns(int rows, int inputs, std::uint64_t seed)
{
    Matrix x = randomMatrix(rows, inputs, seed, 0.01f, 1.0f);
    std::mt19937_64 rng(seed);
    for (int r = 0; r < rows; ++r)
        for (int block = 0; block * 8 < inputs; ++block) {
            const int kind = int(rng() % 3), last = std::min(inputs, block * 8 + 8);
            for (int k = block * 8; k < last && kind != 2; ++k)
                x(r, k) = 0.0f;
            const int one = block * 8 + int(rng() % 8); // one value set in a run of zeros: not to be skipped
            if (kind == 1 && one < last)
                x(r, one) = 0.5f;
        }
    return x;
}

} // namespace

class TestSmallBatchProducts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchTheDefinition_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("columns");
        for (int rows : {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 64, 127, 128, 255, 256, 257})
            for (int columns : {1, 10, 15, 16, 17, 33, 47, 48, 49, 64, 100, 128})
                QTest::addRow("%d rows, %d columns", rows, columns) << rows << 37 << columns;
        QTest::newRow("MLP first layer, half of batch 32") << 16 << 784 << 128;
        QTest::newRow("MLP output layer") << 16 << 64 << 10;
        QTest::newRow("MLP first layer, half of batch 256") << 128 << 784 << 128;
        QTest::newRow("MLP first layer, batch 256") << 256 << 784 << 128;
        QTest::newRow("depth 1") << 8 << 1 << 48;
    }

    // Forward: c = x W, and the weight gradient: x^T dZ, with the batch as the depth.
    void matchTheDefinition()
    {
        QFETCH(int, rows);
        QFETCH(int, depth);
        QFETCH(int, columns);
        const Matrix x = randomMatrix(rows, depth, 11);
        const Matrix w = randomMatrix(depth, columns, 12);
        Matrix out = Matrix::Constant(3, 3, 99.0f); // resized, every element written
        multiply(nullptr, x, w, out);
        QCOMPARE(out.rows(), rows);
        QCOMPARE(out.cols(), columns);
        // Float sums of `depth` terms of about 1/3 each: rounding grows with the depth (784: a few 1e-6).
        const double tolerance = 1e-6 * std::max(8, depth);
        QVERIFY2(maxRelativeError(out, definitionProduct(x, w)) < tolerance, "x W");

        // dW = x^T dZ: x is (rows, depth) here read as (batch = rows, inputs = depth).
        const Matrix dZ = randomMatrix(rows, columns, 13);
        Matrix dW = Matrix::Constant(2, 5, -99.0f);
        multiplyTransposedA(nullptr, x, dZ, dW);
        QCOMPARE(dW.rows(), depth);
        QCOMPARE(dW.cols(), columns);
        const Matrix xT = x.transpose();
        QVERIFY2(maxRelativeError(dW, definitionProduct(xT, dZ)) < 1e-6 * std::max(8, rows), "x^T dZ");
    }

    void weightGradientOfPicturesMatchesTheDefinition_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("columns");
        for (int rows : {8, 16, 31, 32, 64, 256})
            for (int inputs : {784, 104, 96, 37})         // even and odd numbers of 8-input blocks, a remainder
                for (int columns : {128, 64, 48, 33, 10}) // 10: too narrow to skip anything
                    QTest::addRow("batch %d, %d inputs, %d units", rows, inputs, columns) << rows << inputs << columns;
    }

    // dW = x^T dZ skips, for each block of 8 inputs, the batch rows where all 8 are zero: only those.
    void weightGradientOfPicturesMatchesTheDefinition()
    {
        QFETCH(int, rows);
        QFETCH(int, inputs);
        QFETCH(int, columns);
        const Matrix x = picturesWithZeroRuns(rows, inputs, std::uint64_t(rows * 1000 + inputs));
        const Matrix dZ = randomMatrix(rows, columns, 31);
        Matrix dW;
        multiplyTransposedA(nullptr, x, dZ, dW);
        const Matrix xT = x.transpose();
        QVERIFY2(maxRelativeError(dW, definitionProduct(xT, dZ)) < 1e-6 * std::max(8, rows), "x^T dZ");
        // An input that is zero in every row of the batch gets exactly zero, whatever it skipped.
        Matrix blank = x;
        blank.col(inputs / 2).setZero();
        multiplyTransposedA(nullptr, blank, dZ, dW);
        for (int j = 0; j < columns; ++j)
            QCOMPARE(dW(inputs / 2, j), 0.0f);
    }

    // A NaN among zeros is not a zero: its input's gradient row is NaN, as the definition's.
    void weightGradientKeepsANaNAmongZeros()
    {
        Matrix x = Matrix::Zero(32, 784);
        x(3, 100) = std::numeric_limits<float>::quiet_NaN();
        x(7, 200) = 0.25f;
        const Matrix dZ = randomMatrix(32, 128, 41);
        Matrix dW;
        multiplyTransposedA(nullptr, x, dZ, dW);
        for (int j = 0; j < 128; ++j) {
            QVERIFY(std::isnan(dW(100, j)));
            QCOMPARE(dW(200, j), 0.25f * dZ(7, j));
            QCOMPARE(dW(101, j), 0.0f);
        }
    }

    // A product large enough to be split over two threads by rows: each thread's 128 rows go through the
    // kernels into its own part of c.
    void splitOverTwoThreads()
    {
        ThreadPool pool(2);
        const Matrix x = randomMatrix(256, 300, 21);
        const Matrix w = randomMatrix(300, 40, 22);
        Matrix out;
        multiply(&pool, x, w, out);
        QVERIFY(maxRelativeError(out, definitionProduct(x, w)) < 1e-5);
    }

    // The kernels write only c's own elements: a row-major output followed by a guard stays intact.
    void writesNothingPastTheOutput()
    {
        if (!hasSmallBatchProducts())
            QSKIP("this build has no AVX-512 kernels");
        const long rows = 5, depth = 9, columns = 21;
        const Matrix a = randomMatrix(int(rows), int(depth), 4);
        const Matrix b = randomMatrix(int(depth), int(columns), 5);
        std::vector<float> c(std::size_t(rows * columns) + 32, -5.0f);
        multiplySmallBatch(a.data(), rows, depth, b.data(), columns, c.data());
        for (std::size_t i = std::size_t(rows * columns); i < c.size(); ++i)
            QCOMPARE(c[i], -5.0f);
        // a read as (batch 5, 9 inputs) against dZ (5, 21) -> (9, 21)
        const Matrix dZ = randomMatrix(int(rows), int(columns), 6);
        std::vector<float> g(std::size_t(depth * columns) + 32, -5.0f);
        multiplyTransposedASmallBatch(a.data(), rows, depth, dZ.data(), columns, g.data());
        for (std::size_t i = std::size_t(depth * columns); i < g.size(); ++i)
            QCOMPARE(g[i], -5.0f);
    }
};

QTEST_APPLESS_MAIN(TestSmallBatchProducts)
#include "tst_smallbatchproducts.moc"
