// Tests IDX reading and writing (plain and gzip), every rejected kind of file, and gatherBatch.
#include "neurite/Dataset.h"
#include "ErrorCapture.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <zlib.h>

using namespace neurite;
using neurite::test::errorOf;

namespace {

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// An independent gzip encoder (zlib with a gzip wrapper) to make test files.
QByteArray gzip(const QByteArray& bytes)
{
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(bytes.size()))), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = uInt(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

QByteArray gunzip(const QByteArray& bytes)
{
    z_stream zs{};
    inflateInit2(&zs, 15 + 16);
    QByteArray out(1 << 20, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = uInt(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = inflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// An IDX header written by hand: 00 00 type ndim, then big-endian dims.
QByteArray idxHeader(std::vector<quint32> dims, quint8 type = 0x08)
{
    QByteArray header;
    header.append(char(0)).append(char(0)).append(char(type)).append(char(dims.size()));
    for (quint32 d : dims)
        header.append(char(d >> 24))
            .append(char((d >> 16) & 0xff))
            .append(char((d >> 8) & 0xff))
            .append(char(d & 0xff));
    return header;
}

QByteArray countingBytes(int n)
{
    QByteArray data;
    for (int i = 0; i < n; ++i)
        data.append(char((i * 7 + 3) & 0xff));
    return data;
}

// Bytes that barely compress (a linear congruential generator's high bits).
QByteArray noise(int n)
{
    QByteArray data(n, '\0');
    quint32 state = 12345;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        data[i] = char(state >> 24);
    }
    return data;
}

// Runs `action`, which must throw NeuriteError; returns its message ("" when nothing was thrown).
} // namespace

class TestIdx : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    void expectReadError(const QString& file, const QString& phrase)
    {
        const QString message = errorOf([&] { readIdx(file.toStdString()); });
        QVERIFY2(!message.isEmpty(), qPrintable("no error for " + file));
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(phrase, Qt::CaseInsensitive), qPrintable(message + " / expected: " + phrase));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void plainRoundTripHasExactBytes()
    {
        const IdxArray array{{3, 2, 2}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 255}};
        const QString file = path("round.idx");
        writeIdx(file.toStdString(), array);
        const QByteArray expected = QByteArray::fromHex("00000803"
                                                        "00000003"
                                                        "00000002"
                                                        "00000002"
                                                        "00010203040506070809faff");
        QCOMPARE(readBytes(file), expected);
        const IdxArray back = readIdx(file.toStdString());
        QCOMPARE(back.dims, array.dims);
        QCOMPARE(back.data, array.data);
        // Atomic writing leaves no temporary file behind.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter("round.idx").size(), 1);
    }

    void gzipRoundTripIsReproducible()
    {
        const IdxArray array{{5}, {9, 8, 7, 6, 5}};
        const QString file = path("labels-idx1-ubyte.gz");
        writeIdx(file.toStdString(), array);
        const QByteArray bytes = readBytes(file);
        // gzip magic, deflate, no flags, and a zero time stamp: nothing that varies between runs.
        QCOMPARE(bytes.left(8), QByteArray::fromHex("1f8b080000000000"));
        QCOMPARE(gunzip(bytes), idxHeader({5}) + QByteArray::fromHex("0908070605"));
        writeIdx(file.toStdString(), array);
        QCOMPARE(readBytes(file), bytes);
        const IdxArray back = readIdx(file.toStdString());
        QCOMPARE(back.dims, array.dims);
        QCOMPARE(back.data, array.data);
    }

    void gzipIsDetectedByContentNotName()
    {
        const QByteArray plain = idxHeader({2, 1, 3}) + countingBytes(6);
        writeBytes(path("compressed.idx"), gzip(plain));
        writeBytes(path("plain-named.gz"), plain);
        for (const QString& name : {QString("compressed.idx"), QString("plain-named.gz")}) {
            const IdxArray array = readIdx(path(name).toStdString());
            QCOMPARE(array.dims, (std::vector<std::uint32_t>{2, 1, 3}));
            QCOMPARE(QByteArray(reinterpret_cast<const char*>(array.data.data()), 6), countingBytes(6));
        }
    }

    void largeGzipRoundTrip()
    {
        IdxArray array{{300, 28, 28}, {}};
        for (int i = 0; i < 300 * 784; ++i)
            array.data.push_back(std::uint8_t((i * 31) % 251));
        writeIdx(path("large.gz").toStdString(), array);
        QCOMPARE(readIdx(path("large.gz").toStdString()).data, array.data);
    }

    void multiMemberGzipIsRead()
    {
        const QByteArray plain = idxHeader({4}) + QByteArray::fromHex("01020304");
        writeBytes(path("members.gz"), gzip(plain.left(6)) + gzip(plain.mid(6)));
        QCOMPARE(readIdx(path("members.gz").toStdString()).data, (std::vector<std::uint8_t>{1, 2, 3, 4}));
    }

    void rejectsBadMagic()
    {
        writeBytes(path("bad-magic"), QByteArray::fromHex("0102080100000001ff"));
        expectReadError(path("bad-magic"), "not an IDX file");
        writeBytes(path("bad-magic.gz"), gzip(QByteArray::fromHex("0102080100000001ff")));
        expectReadError(path("bad-magic.gz"), "not an IDX file");
    }

    void rejectsUnsupportedType()
    {
        writeBytes(path("floats"), idxHeader({1}, 0x0D) + QByteArray(4, '\0'));
        expectReadError(path("floats"), "unsupported IDX data type 0x0d (float)");
        writeBytes(path("no-dims"), idxHeader({}));
        expectReadError(path("no-dims"), "number of dimensions 0");
    }

    void rejectsTruncatedFiles()
    {
        const QByteArray whole = idxHeader({4, 3, 3}) + countingBytes(36);
        QCOMPARE(whole.size(), 52); // 16 header bytes + 36 pixels
        for (int cut : {0, 2, 3, 4, 7, 10, 15, 16, 17, 34, 51}) {
            const QString plain = path(QString("cut-%1").arg(cut));
            writeBytes(plain, whole.left(cut));
            expectReadError(plain, "truncated");
            const QString zipped = path(QString("cut-%1.gz").arg(cut));
            writeBytes(zipped, gzip(whole.left(cut)));
            expectReadError(zipped, "truncated");
        }
        // A gzip stream cut anywhere, including inside its trailer.
        const QByteArray zipped = gzip(whole);
        for (int cut : {2, 5, 10, 15, int(zipped.size()) / 2, int(zipped.size()) - 8, int(zipped.size()) - 1}) {
            const QString file = path(QString("gzcut-%1.gz").arg(cut));
            writeBytes(file, zipped.left(cut));
            expectReadError(file, "truncated");
        }
    }

    void rejectsHugeHeaderQuickly()
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray tiny = countingBytes(1000);
        struct Case {
            std::vector<quint32> dims;
            const char* phrase;
        };
        // 2^31 images of 28x28 exceed the size limit; 2^31 of 1x1 or 2^20 of 28x28 exceed the file.
        const std::vector<Case> cases = {{{0x80000000u, 28, 28}, "2 GiB"},
                                         {{0x80000000u, 1, 1}, "truncated"},
                                         {{1u << 20, 28, 28}, "truncated"},
                                         {{0xffffffffu, 0xffffffffu, 0xffffffffu}, "2 GiB"}};
        int i = 0;
        for (const Case& c : cases) {
            const QByteArray bytes = idxHeader(c.dims) + tiny;
            writeBytes(path(QString("huge-%1").arg(i)), bytes);
            expectReadError(path(QString("huge-%1").arg(i)), c.phrase);
            writeBytes(path(QString("huge-%1.gz").arg(i)), gzip(bytes));
            expectReadError(path(QString("huge-%1.gz").arg(i)), c.phrase);
            ++i;
        }
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    void gzipClaimingOneByteMoreThanItHoldsFails()
    {
        // The claim passes the deflate-ratio bound, so only reading the data finds the lie.
        const int size = 1'000'000;
        writeBytes(path("short.gz"), gzip(idxHeader({quint32(size) + 1}) + noise(size)));
        expectReadError(path("short.gz"), "holds only 1000000");
    }

    void rejectsTrailingBytes()
    {
        const QByteArray bytes = idxHeader({2, 2, 2}) + countingBytes(8) + QByteArray("extra");
        writeBytes(path("trailing"), bytes);
        expectReadError(path("trailing"), "5 trailing bytes");
        writeBytes(path("trailing.gz"), gzip(bytes));
        expectReadError(path("trailing.gz"), "trailing bytes");
        writeBytes(path("after-stream.gz"), gzip(idxHeader({2, 2, 2}) + countingBytes(8)) + "junk");
        expectReadError(path("after-stream.gz"), "after the end of the gzip stream");
    }

    void rejectsGarbage()
    {
        QByteArray garbage;
        for (int i = 0; i < 500; ++i)
            garbage.append(char((i * 131 + 17) % 256));
        writeBytes(path("garbage.gz"), garbage);
        expectReadError(path("garbage.gz"), "not gzip-compressed");
        writeBytes(path("gzip-of-garbage.gz"), gzip(garbage));
        expectReadError(path("gzip-of-garbage.gz"), "not an IDX file");
        writeBytes(path("corrupt.gz"), QByteArray::fromHex("1f8b") + garbage);
        expectReadError(path("corrupt.gz"), "corrupt gzip data");
        expectReadError(path("does-not-exist"), "cannot open");
        expectReadError(m_dir.path(), "not a regular file");
    }

    void imageSetChecksShapes()
    {
        const std::string images = path("set-images").toStdString();
        const std::string labels = path("set-labels").toStdString();
        writeIdx(images, {{3, 2, 2}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}});
        writeIdx(labels, {{3}, {2, 0, 1}});
        const SampleSet set = readIdxImageSet(images, labels);
        QCOMPARE(set.count(), std::size_t(3));
        QCOMPARE(set.rows, 2);
        QCOMPARE(set.cols, 2);
        QCOMPARE(int(set.image(2)[1]), 9);
        QCOMPARE(set.labels, (std::vector<std::uint8_t>{2, 0, 1}));

        writeIdx(labels, {{2}, {0, 1}});
        QString message = errorOf([&] { readIdxImageSet(images, labels); });
        QVERIFY2(message.contains("3 images") && message.contains("2 labels") &&
                     message.contains(QString::fromStdString(labels)),
                 qPrintable(message));

        writeIdx(labels, {{3, 1}, {0, 1, 2}});
        message = errorOf([&] { readIdxImageSet(images, labels); });
        QVERIFY2(message.contains("must be 1-D") && message.contains(QString::fromStdString(labels)),
                 qPrintable(message));

        writeIdx(images, {{3, 4}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}});
        message = errorOf([&] { readIdxImageSet(images, labels); });
        QVERIFY2(message.contains("must be 3-D") && message.contains(QString::fromStdString(images)),
                 qPrintable(message));
    }

    void writeIdxRejectsBadInput()
    {
        QString message = errorOf([&] { writeIdx(path("wrong.idx").toStdString(), {{2, 2}, {1, 2, 3}}); });
        QVERIFY2(message.contains("wrong.idx") && message.contains("do not match"), qPrintable(message));
        const QString missingFolder = path("no/such/folder/x.idx");
        message = errorOf([&] { writeIdx(missingFolder.toStdString(), {{1}, {1}}); });
        QVERIFY2(message.contains(missingFolder), qPrintable(message));
    }

    void gatherBatchScalesAndReusesMemory()
    {
        SampleSet set;
        set.rows = 1;
        set.cols = 3;
        set.pixels = {0, 51, 255, 10, 20, 30, 102, 153, 204};
        set.labels = {0, 1, 2};
        const std::uint32_t indices[] = {2, 0, 2};
        Matrix out;
        gatherBatch(set, indices, 3, out);
        QCOMPARE(int(out.rows()), 3);
        QCOMPARE(int(out.cols()), 3);
        QCOMPARE(out(0, 0), 102 * kPixelScale);
        QCOMPARE(out(0, 2), 204 * kPixelScale);
        QCOMPARE(out(1, 0), 0.0f);
        QCOMPARE(out(1, 1), 0.2f); // 51 / 255, compared with Qt's fuzzy float comparison
        QCOMPARE(out(1, 2), 1.0f);
        QCOMPARE(out(2, 1), 0.6f);

        const float* storage = out.data();
        const std::uint32_t next[] = {1, 1, 0};
        gatherBatch(set, next, 3, out);
        QVERIFY(out.data() == storage); // same shape: no reallocation
        QCOMPARE(out(0, 2), 30 * kPixelScale);

        gatherBatch(set, next, 1, out);
        QCOMPARE(int(out.rows()), 1);
        QCOMPARE(out(0, 0), 10 * kPixelScale);
    }
};

QTEST_APPLESS_MAIN(TestIdx)
#include "tst_idx.moc"
