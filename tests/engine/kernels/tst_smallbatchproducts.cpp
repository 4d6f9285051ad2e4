// The products of a few batch rows (SmallBatchProducts, reached through MatrixProducts without a pool)
// against the products computed in double by their definition: every row count from 1 to the limit's
// neighbourhood (tiles of 8, 4, 2 and 1 rows), column counts around the 16-lane vectors and 48-column blocks
// (the masked last vector), and the reference MLP's shapes. Where the build has no AVX-512 kernels the same
// cases check Eigen's product, which MatrixProducts then uses.
#include "kernels/MatrixProducts.h"
#include "kernels/SmallBatchProducts.h"
#include "kernels/ThreadPool.h"
#include "TestSupport.h"

#include <QtTest>

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
