// The .npz reader: exact round trips of what Neurite writes and of what NumPy writes (savez, savez_compressed,
// float64, Fortran order, numpy's zip64 headers), and a clear NeuriteError, naming the file, for every damaged
// or hostile file (never a crash or a huge allocation).
#include "FileBytes.h"
#include "PythonRun.h"
#include "io/NpzReader.h"
#include "neurite/Error.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

namespace {

// Arrays whose values say where they are: value k of array a is a * 1000 + k * 0.25 - 3.
std::vector<NpyArray> numberedArrays()
{
    std::vector<NpyArray> arrays = {{"dense1.weight", {3, 4}, {}},
                                    {"dense1.bias", {3}, {}},
                                    {"conv.weight", {2, 3, 2, 2}, {}},
                                    {"norm.running_var", {1}, {}}};
    for (std::size_t a = 0; a < arrays.size(); ++a) {
        std::int64_t count = 1;
        for (std::int64_t d : arrays[a].shape)
            count *= d;
        for (std::int64_t k = 0; k < count; ++k)
            arrays[a].values.push_back(float(a) * 1000.0f + float(k) * 0.25f - 3.0f);
    }
    return arrays;
}

void compareArrays(const std::vector<NpyArray>& actual, const std::vector<NpyArray>& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].name, expected[i].name);
        QCOMPARE(actual[i].shape, expected[i].shape);
        QCOMPARE(actual[i].values, expected[i].values);
    }
}

// Writes the numbered arrays with NumPy as `kind` says, and the hostile files the reader must refuse.
const char* const kNumpyScript = R"PY(
import sys, zipfile
import numpy as np
out = sys.argv[1]
shapes = [("dense1.weight", (3, 4)), ("dense1.bias", (3,)), ("conv.weight", (2, 3, 2, 2)), ("norm.running_var", (1,))]
arrays = {name: (a * 1000 + np.arange(np.prod(shape)) * 0.25 - 3).reshape(shape) for a, (name, shape) in enumerate(shapes)}
np.savez(f"{out}/plain.npz", **{k: v.astype(np.float32) for k, v in arrays.items()})
np.savez_compressed(f"{out}/compressed.npz", **{k: v.astype(np.float32) for k, v in arrays.items()})
np.savez(f"{out}/float64.npz", **arrays)
np.savez(f"{out}/fortran.npz", **{k: np.asfortranarray(v.astype(np.float32)) for k, v in arrays.items()})
np.savez(f"{out}/integers.npz", w=np.arange(4, dtype=np.int32))
np.savez(f"{out}/bigendian.npz", w=np.arange(4, dtype=">f4"))
np.savez(f"{out}/nan.npz", w=np.array([1.0, np.nan], dtype=np.float32))
np.savez(f"{out}/huge64.npz", w=np.array([1e300], dtype=np.float64))
def npy(shape_text, data):
    header = ("{'descr': '<f4', 'fortran_order': False, 'shape': %s, }" % shape_text).ljust(117) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + data
with zipfile.ZipFile(f"{out}/shortdata.npz", "w") as z:
    z.writestr("w.npy", npy("(1000000, 1000000)", b"\0" * 16))
with zipfile.ZipFile(f"{out}/overflow.npz", "w") as z:
    z.writestr("w.npy", npy("(99999999999, 99999999999, 4)", b"\0" * 16))
with zipfile.ZipFile(f"{out}/text.npz", "w") as z:
    z.writestr("notes.txt", b"weights")
with zipfile.ZipFile(f"{out}/notnpy.npz", "w") as z:
    z.writestr("w.npy", b"not an array")
print("ok")
)PY";

QString errorOf(const QString& path)
{
    try {
        readNpz(path.toStdString());
    } catch (const NeuriteError& e) {
        return QString::fromStdString(e.what());
    }
    return "read without an error";
}

} // namespace

class TestNpzReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsWhatTheWriterWrites()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.npz").toStdString();
        test::writeBytes(path, npzBytes(numberedArrays()));
        compareArrays(readNpz(path), numberedArrays());
    }

    void readsWhatNumpyWrites_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("numpy.savez, float32") << "plain";
        QTest::newRow("numpy.savez_compressed (deflated)") << "compressed";
        QTest::newRow("float64") << "float64";
        QTest::newRow("Fortran order") << "fortran";
    }

    void readsWhatNumpyWrites()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        QCOMPARE(test::runPython(kNumpyScript, {dir.path()}).trimmed(), QString("ok"));
        compareArrays(readNpz(dir.filePath(file + ".npz").toStdString()), numberedArrays());
    }

    void refusesDamagedAndHostileFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("integers") << "integers"
                                  << "'<i4'; weights are float32 or float64";
        QTest::newRow("big-endian") << "bigendian"
                                    << "'>f4'";
        QTest::newRow("NaN") << "nan"
                             << "value 1 is not a finite float";
        QTest::newRow("a float64 beyond float") << "huge64"
                                                << "value 0 is not a finite float";
        QTest::newRow("a shape larger than the data") << "shortdata"
                                                      << "the shape does not match the 16 bytes";
        QTest::newRow("a shape whose product overflows") << "overflow"
                                                         << "the shape does not match";
        QTest::newRow("an entry that is not .npy") << "text"
                                                   << "array 'notes.txt' is not an .npy file";
        QTest::newRow("an .npy entry that is not an array") << "notnpy"
                                                            << "is not a NumPy array";
        QTest::newRow("truncated") << "truncated"
                                   << "is not an .npz file";
        QTest::newRow("a changed byte") << "flipped"
                                        << "does not match its CRC";
        QTest::newRow("a deflated size claimed beyond its data") << "bomb"
                                                                 << "claims more data";
        QTest::newRow("empty") << "empty"
                               << "is not an .npz file";
        QTest::newRow("a folder") << ""
                                  << "is not a file";
    }

    void refusesDamagedAndHostileFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QCOMPARE(test::runPython(kNumpyScript, {dir.path()}).trimmed(), QString("ok"));
        const std::string plain = test::readBytes(dir.filePath("plain.npz").toStdString());
        test::writeBytes(dir.filePath("truncated.npz").toStdString(), plain.substr(0, plain.size() / 2));
        std::string flipped = plain;
        flipped[200] = char(flipped[200] ^ 0x40); // inside the first array's values
        test::writeBytes(dir.filePath("flipped.npz").toStdString(), flipped);
        std::string bomb = test::readBytes(dir.filePath("compressed.npz").toStdString());
        const std::size_t central = bomb.rfind(std::string("PK\x01\x02", 4));
        bomb.replace(central + 24, 4, std::string("\xff\xff\xff\x7f", 4)); // the last entry's size: 2 GiB
        test::writeBytes(dir.filePath("bomb.npz").toStdString(), bomb);
        test::writeBytes(dir.filePath("empty.npz").toStdString(), "");
        const QString path = file.isEmpty() ? dir.path() : dir.filePath(file + ".npz");
        const QString error = errorOf(path);
        QVERIFY2(error.contains(message) && error.contains(path), qPrintable(error));
    }
};

QTEST_MAIN(TestNpzReader)
#include "tst_npzreader.moc"
