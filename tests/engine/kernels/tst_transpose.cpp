// transposeInto against Eigen's transpose, value for value: sizes with whole 16x16 tiles, ragged edges on
// either side, fewer than 16 rows or columns, and strides wider than the rows.
#include "kernels/Transpose.h"
#include "TestSupport.h"

#include <QtTest>

using namespace neurite;
using namespace neurite::test;

class TestTranspose : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesEigen_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("srcPadding");
        QTest::addColumn<int>("dstPadding");
        QTest::newRow("one tile") << 16 << 16 << 0 << 0;
        QTest::newRow("tiles, as a convolution's dZ") << 32 << 1024 << 0 << 0;
        QTest::newRow("ragged columns") << 16 << 37 << 0 << 0;
        QTest::newRow("ragged rows") << 21 << 48 << 0 << 0;
        QTest::newRow("ragged both, strided") << 35 << 50 << 7 << 3;
        QTest::newRow("narrower than a tile") << 8 << 64 << 0 << 5;
        QTest::newRow("one row") << 1 << 17 << 0 << 0;
        QTest::newRow("one column") << 19 << 1 << 2 << 0;
    }

    void matchesEigen()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, srcPadding);
        QFETCH(int, dstPadding);
        const Matrix src = randomMatrix(rows, cols + srcPadding, 3);
        const long dstStride = rows + dstPadding;
        Matrix dst = Matrix::Constant(cols, dstStride, -7.0f); // the padding must stay untouched
        transposeInto(src.data(), rows, cols, cols + srcPadding, dst.data(), dstStride);
        const Matrix expected = src.leftCols(cols).transpose();
        QVERIFY(dst.leftCols(rows) == expected);
        if (dstPadding > 0)
            QVERIFY((dst.rightCols(dstPadding).array() == -7.0f).all());
    }
};

QTEST_APPLESS_MAIN(TestTranspose)
#include "tst_transpose.moc"
