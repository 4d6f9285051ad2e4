// Inputs the fuzz targets (fuzz/) once crashed on, replayed through the same calls in the default suite.
// Each row names the target, what went wrong and the fix; the bytes are the minimised crashing input.
#include "neurite/DigitPreprocessing.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/ProjectFile.h"
#include "neurite/TableData.h"
#include "neurite/Validation.h"
#include "FileBytes.h"
#include "io/NpzReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

class TestFuzzRegressions : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string pathOf(const char* name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // fuzz_idx: a 3-D header with a zero dimension. The data is empty, so the reader passed the null data()
    // of an empty vector to memcpy (undefined behaviour, reported by UBSan). Fixed in GzipReader::read.
    void idxWithAZeroDimension()
    {
        const QByteArray bytes = QByteArray::fromBase64("AAAIAwAAAAAIAwAAAAIAAA==");
        QCOMPARE(bytes.toHex(), QByteArray("00000803000000000803000000020000"));
        test::writeBytes(pathOf("zero-dim.idx"), bytes.toStdString());
        const IdxArray array = readIdx(pathOf("zero-dim.idx"));
        QCOMPARE(array.dims, (std::vector<std::uint32_t>{0, 0x08030000u, 0x00020000u}));
        QVERIFY(array.data.empty());
        // As an images file its image size (134414336 x 131072 pixels) is refused by name.
        writeIdx(pathOf("labels.idx"), {{0}, {}});
        try {
            readIdxImageSet(pathOf("zero-dim.idx"), pathOf("labels.idx"));
            QFAIL("an images file of 134414336 x 131072 pixels was accepted");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("unusable image size 134414336 x 131072"), e.what());
        }
    }

    // fuzz_npz (22 s into its first campaign with a dictionary): a 52-byte file whose end record points to a zip64
    // locator. The reader compared the zip64 record's offset with size - 56, which wrapped for a file shorter
    // than 56 bytes, and read far past the end (ASan: SEGV). Fixed in centralDirectoryPlace (NpzReader.cpp).
    void npzShorterThanAZip64Record()
    {
        const QByteArray bytes = QByteArray::fromBase64(
            "UMoAAAUGAVBLBgcAAAAHIAAAAAAAAEZhUHkAUEsFBgFQSwaZ/////wT/c2UAATUBpKQAuw==");
        QCOMPARE(bytes.size(), 52);
        test::writeBytes(pathOf("short.npz"), bytes.toStdString());
        try {
            readNpz(pathOf("short.npz"));
            QFAIL("a 52-byte file was read as an .npz");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("is not an .npz file"), e.what());
        }
    }

    // fuzz_table (104 s into its first long campaign, after the reader's speed-up): a target column holding
    // "4", "-0" and "0". Loading grouped -0 and 0 (equal numbers) into one class named "-0"; reading rows
    // against that schema (eval, predict) looked for a class named "0" and refused row 4. Classes read from
    // numbers are now named by classNameOfNumber (TableCells.h): -0 is class "0".
    void tableWithMinusZeroAndZeroTargets()
    {
        const QByteArray bytes = QByteArray::fromBase64("CQokCTQKCS0wCjAJMA==");
        QCOMPARE(bytes, QByteArray("\t\n$\t4\n\t-0\n0\t0"));
        test::writeBytes(pathOf("zeros.csv"), bytes.toStdString());
        DataOptions options;
        options.testSplit = 0;
        const Dataset loaded = loadTable(pathOf("zeros.csv"), options);
        QCOMPARE(loaded.classNames, (std::vector<std::string>{"0", "4"}));
        QCOMPARE(loaded.train.labels, (std::vector<std::uint8_t>{1, 0, 0}));
        const Dataset raw = loadTableWithSchema(pathOf("zeros.csv"), loaded.schema);
        QCOMPARE(raw.test.labels, loaded.train.labels);
        QCOMPARE(raw.test.values, loaded.train.values);
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
