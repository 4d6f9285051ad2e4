// Every reader of untrusted files at each of its limits and one past it (docs/reliability.md lists them):
// IDX, project and design files, CSV tables, plane points, image folders and ONNX models. Files at a limit
// too large to build (2 GiB) are built sparse or as a header claiming the limit over a short body, and must
// be refused for what they are (truncated) with memory that stays small, never for the limit itself.
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "HostileFileHelpers.h"
#include "TestSupport.h"
#include "data/CsvReader.h"
#include "data/ImageFolderScan.h"
#include "neurite/DesignFile.h"
#include "neurite/IdxFile.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/OnnxImport.h"
#include "neurite/PlanePointsCsv.h"
#include "neurite/ProjectFile.h"
#include "neurite/TableData.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace neurite;
using neurite::test::chainSpec;
using neurite::test::dense;
using neurite::test::errorOrNone;
using neurite::test::gzip;
using neurite::test::peakRssMb;

namespace {

constexpr std::uint64_t kGiB = std::uint64_t(1) << 30;
constexpr std::size_t kMiB = std::size_t(1) << 20;
// The most the peak memory may grow while files claiming 2 GiB are refused.
constexpr long kMaxGrowthMb = 64;

std::string idxHeader(const std::vector<std::uint32_t>& dims)
{
    std::string header{0, 0, 8, char(dims.size())};
    for (std::uint32_t d : dims)
        header += {char(d >> 24), char((d >> 16) & 0xff), char((d >> 8) & 0xff), char(d & 0xff)};
    return header;
}

void appendU32(std::string& bytes, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes.push_back(char(value >> (8 * i)));
}

// A project file framed by hand around `header` and `data`, with a correct CRC-32.
std::string projectBytes(const std::string& header, const std::string& data)
{
    std::string bytes("NEURITE\0", 8);
    appendU32(bytes, 1);
    appendU32(bytes, std::uint32_t(header.size()));
    bytes += header + data;
    appendU32(bytes, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size()))));
    return bytes;
}

// A file of `size` bytes that takes no room on disk: only its size is read before it is refused.
void writeSparse(const std::string& path, std::uint64_t size)
{
    test::writeBytes(path, "NEURITE");
    if (truncate(path.c_str(), off_t(size)) != 0)
        qFatal("cannot size %s", path.c_str());
}

std::string csvRow(std::size_t cells, const std::string& cell)
{
    std::string row;
    row.reserve(cells * (cell.size() + 1));
    for (std::size_t i = 0; i < cells; ++i)
        row += (i ? "," : "") + cell;
    return row + "\n";
}

QString csvError(const std::string& text)
{
    CsvRowCollector ignore([](std::size_t, const std::vector<std::string_view>&) {});
    return errorOrNone([&] { readCsv(memorySource(text), "t.csv", ignore); });
}

NetworkSpec smallSpec()
{
    return chainSpec(3, {dense("hidden", 4, "relu"), dense("out", 2, "softmax")});
}

} // namespace

class TestReaderLimits : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    long m_baselineMb = 0;

    std::string pathOf(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    QString idxError(const std::string& name, const std::string& bytes)
    {
        test::writeBytes(pathOf(name), bytes);
        return errorOrNone([&] { readIdx(pathOf(name)); });
    }

    void expectSmallMemory(const char* what)
    {
        const long growth = peakRssMb() - m_baselineMb;
        QVERIFY2(growth < kMaxGrowthMb, qPrintable(QString("%1: peak memory grew by %2 MB").arg(what).arg(growth)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_baselineMb = peakRssMb();
    }

    // First, while the peak RSS still says something. 2 GiB of data: at the limit the file is judged
    // truncated (the size passed), one byte past it is refused from the header; neither allocates.
    void idxDataAtTwoGibibytes()
    {
        const std::string body(4096, '\x7f');
        QVERIFY(idxError("at.idx", idxHeader({0x80000000u}) + body).contains("truncated"));
        QVERIFY(idxError("at2.idx", idxHeader({32768u, 65536u}) + body).contains("truncated"));
        QVERIFY(idxError("at.idx.gz", gzip(idxHeader({32768u, 65536u}) + body)).contains("cannot hold that much"));
        for (const auto& dims : std::vector<std::vector<std::uint32_t>>{{0x80000001u}, {32768u, 65537u}}) {
            const QString error = idxError("past.idx", idxHeader(dims) + body);
            QVERIFY2(error.contains("more data than the 2 GiB"), qPrintable(error));
            QVERIFY(idxError("past.idx.gz", gzip(idxHeader(dims) + body)).contains("more data than the 2 GiB"));
        }
        expectSmallMemory("IDX headers claiming 2 GiB");
    }

    void idxDimensionsUpToEight()
    {
        test::writeBytes(pathOf("eight.idx"), idxHeader(std::vector<std::uint32_t>(8, 1u)) + "\x2a");
        const IdxArray eight = readIdx(pathOf("eight.idx"));
        QCOMPARE(eight.dims.size(), std::size_t(8));
        QCOMPARE(eight.data, std::vector<std::uint8_t>{42});
        QVERIFY(idxError("nine.idx", idxHeader(std::vector<std::uint32_t>(9, 1u)) + "\x2a")
                    .contains("unsupported number of dimensions 9 in the IDX header (1 to 8 expected)"));
    }

    // The file size is read before the file: a 2 GiB + 1 byte file is refused without reading it. (A whole
    // 2 GiB project cannot be loaded in a test; its size passes the same comparison.)
    void projectFileSizeAndTensorDimensions()
    {
        writeSparse(pathOf("huge.neurite"), 2 * kGiB + 1);
        QVERIFY(errorOrNone([&] {
                    loadProject(pathOf("huge.neurite"));
                }).endsWith("the file is too large for a Neurite project (2147483649 bytes; the limit is 2 GB)"));

        // A tensor of 2^28 rows is described (then refused against the 16 bytes present); 2^28 + 1 is not.
        const std::string design = R"({"design": )" + toJson(smallSpec(), -1);
        const auto tensorOf = [&](std::int64_t rows) {
            return projectBytes(design + R"(, "tensors": [{"name": "hidden.weight", "rows": )" + std::to_string(rows) +
                                    R"(, "cols": 1}]})",
                                std::string(16, '\0'));
        };
        test::writeBytes(pathOf("rows.neurite"), tensorOf(std::int64_t(1) << 28));
        const QString rows = errorOrNone([&] { loadProject(pathOf("rows.neurite")); });
        QVERIFY2(rows.contains("it describes 1073741824 bytes; the file holds 16"), qPrintable(rows));
        test::writeBytes(pathOf("rows.neurite"), tensorOf((std::int64_t(1) << 28) + 1));
        const QString past = errorOrNone([&] { loadProject(pathOf("rows.neurite")); });
        QVERIFY2(past.contains("rows") && past.contains("268435456"), qPrintable(past));
        expectSmallMemory("project files at their limits");
    }

    // A design file of exactly 64 MiB (a design padded with spaces) loads; one byte more is refused.
    void designFileSizeAndNesting()
    {
        DesignFile design;
        design.spec = smallSpec();
        std::string text = designFileText(design);
        text.resize(64 * kMiB, ' ');
        test::writeBytes(pathOf("at.json"), text);
        QCOMPARE(loadDesignFile(pathOf("at.json")).spec, design.spec);
        test::writeBytes(pathOf("past.json"), text + " ");
        QVERIFY(errorOrNone([&] { loadDesignFile(pathOf("past.json")); }).contains("too large for a design file"));

        // 64 levels of brackets are parsed (and the design judged); 65 are refused before parsing.
        const auto nested = [](int depth) {
            return R"({"format": "neurite-design", "x": )" + std::string(depth - 1, '[') + std::string(depth - 1, ']') +
                   "}";
        };
        const QString at = errorOrNone([&] { designFileFromText(nested(64), "deep.json"); });
        QVERIFY2(!at.contains("nested deeper"), qPrintable(at));
        QCOMPARE(errorOrNone([&] { designFileFromText(nested(65), "deep.json"); }),
                 QString("deep.json: JSON is nested deeper than 64 levels"));
    }

    void csvColumnsCellsAndRows()
    {
        QCOMPARE(csvError(csvRow(10000, "c") + csvRow(10000, "1")), QString("<no error>"));
        QCOMPARE(csvError(csvRow(10001, "c") + csvRow(10001, "1")),
                 QString("t.csv, row 1: more than 10000 columns; a table may have at most 10000"));
        const std::string mib(kMiB, 'x');
        QCOMPARE(csvError("a,b\n1," + mib + "\n"), QString("<no error>"));
        QCOMPARE(csvError("a,b\n1,\"" + mib + "\"\n"), QString("<no error>"));
        QCOMPARE(csvError("a,b\n1," + mib + "x\n"), QString("t.csv, row 2, column 2: a cell longer than 1 MiB"));
        // A row's cells may hold 16 MiB together.
        QCOMPARE(csvError(csvRow(16, "c") + csvRow(16, mib)), QString("<no error>"));
        std::string past = csvRow(16, mib);
        past.back() = ',';
        QCOMPARE(csvError(csvRow(17, "c") + past + "x\n"), QString("t.csv, row 2: longer than 16 MiB"));
    }

    // A categorical input with 1,000 categories, a target with 256 classes; one more of either is refused.
    void tableCategoriesAndClasses()
    {
        for (int categories : {1000, 1001}) {
            std::string text = "city,y\n";
            for (int i = 0; i < 3 * categories; ++i) // three rows a city: not identifier-like
                text += "c" + std::to_string(i % categories) + "," + (i % 2 ? "a" : "b") + "\n";
            test::writeBytes(pathOf("cities.csv"), text);
            // (The training split's encoding lists the categories its rows hold: fewer than all 1,000.)
            const QString error = errorOrNone([&] {
                QCOMPARE(loadTable(pathOf("cities.csv"), DataOptions{}).schema.columns[0].role,
                         ColumnRole::Categorical);
            });
            QVERIFY2(categories == 1000 ? error == "<no error>" : error.contains("1001 categories, more than the 1000"),
                     qPrintable(error));
        }
        for (int classes : {256, 257}) {
            std::string text = "x,y\n";
            for (int i = 0; i < 2 * classes; ++i)
                text += std::to_string(i % 7) + ",k" + std::to_string(i % classes) + "\n";
            test::writeBytes(pathOf("classes.csv"), text);
            const QString error = errorOrNone(
                [&] { QCOMPARE(loadTable(pathOf("classes.csv"), DataOptions{}).classNames.size(), std::size_t(256)); });
            QVERIFY2(classes == 256 ? error == "<no error>" : error.contains("more than 256 classes"),
                     qPrintable(error));
        }
    }

    void planePointsClassesAndNames()
    {
        std::string eight = "x1,x2,label\n", nine;
        for (int c = 0; c < 8; ++c)
            eight += std::to_string(c) + ",1," + std::string(c == 0 ? 64 : 1, char('a' + c)) + "\n";
        test::writeBytes(pathOf("eight.csv"), eight);
        const PaintedPoints read = readPlanePointsCsv(pathOf("eight.csv"));
        QCOMPARE(read.classes.size(), std::size_t(8));
        QCOMPARE(read.classes.front(), std::string(64, 'a'));
        nine = eight + "8,1,i\n";
        test::writeBytes(pathOf("nine.csv"), nine);
        QVERIFY(errorOrNone([&] { readPlanePointsCsv(pathOf("nine.csv")); }).contains("at most 8 classes"));
        test::writeBytes(pathOf("long.csv"), "x1,x2,label\n1,2," + std::string(65, 'n') + "\n3,4,b\n");
        QVERIFY(errorOrNone([&] { readPlanePointsCsv(pathOf("long.csv")); }).contains("longer than 64 bytes"));
    }

    // Class folders nest 32 folders deep below the class; 256 classes at most. Scanning reads no image.
    void imageFolderDepthAndClasses()
    {
        const QString top = QString::fromStdString(pathOf("images"));
        for (int depth : {32, 33}) {
            QDir(top).removeRecursively();
            QString deep = top + "/a";
            for (int i = 0; i < depth; ++i)
                deep += "/d";
            QVERIFY(QDir().mkpath(deep) && QDir().mkpath(top + "/b"));
            test::writeBytes((deep + "/deep.png").toStdString(), "png");
            test::writeBytes((top + "/b/x.png").toStdString(), "png");
            const QString error = errorOrNone([&] {
                const ImageFolderScan scan = scanImageFolder(top.toStdString());
                QCOMPARE(scan.files.size(), std::size_t(2));
            });
            QCOMPARE(error, depth == 32 ? QString("<no error>")
                                        : QString("The folder %1 is nested more than 32 folders deep").arg(deep));
        }
        for (int classes : {256, 257}) {
            QDir(top).removeRecursively();
            for (int c = 0; c < classes; ++c) {
                const QString folder = top + QString("/class%1").arg(c, 3, 10, QChar('0'));
                QVERIFY(QDir().mkpath(folder));
                test::writeBytes((folder + "/x.png").toStdString(), "png");
            }
            const QString error = errorOrNone(
                [&] { QCOMPARE(scanImageFolder(top.toStdString()).classNames.size(), std::size_t(256)); });
            QCOMPARE(error,
                     classes == 256
                         ? QString("<no error>")
                         : QString("The image folder %1 has 257 class folders; at most 256 are supported").arg(top));
        }
    }

    // The importer's limits on a model Neurite exports: each at the model's own count, and one below.
    void onnxLimits()
    {
        const NetworkSpec spec = smallSpec();
        exportOnnx(spec, Network(spec, 3).weights(), pathOf("small.onnx"));
        const std::string bytes = test::readBytes(pathOf("small.onnx"));
        const auto import = [&](const OnnxImportLimits& limits) {
            return errorOrNone([&] { importOnnxBytes(bytes, "small.onnx", "", limits); });
        };
        OnnxImportLimits limits;
        limits.maxFileBytes = bytes.size();
        QCOMPARE(import(limits), QString("<no error>"));
        limits.maxFileBytes = bytes.size() - 1;
        QVERIFY(import(limits).startsWith("small.onnx: over the"));

        limits = {};
        std::size_t nodes = 1;
        for (limits.maxNodes = 1; import(limits) != "<no error>" && nodes < 1000; limits.maxNodes = ++nodes) {
        }
        QVERIFY(nodes > 1 && nodes < 1000);
        limits.maxNodes = nodes - 1;
        QCOMPARE(import(limits),
                 QString("small.onnx: the graph has %1 nodes; Neurite imports at most %2").arg(nodes).arg(nodes - 1));
        limits = {};
        limits.maxTensorElements = 12; // hidden.weight: 4 x 3, the largest tensor
        QCOMPARE(import(limits), QString("<no error>"));
        limits.maxTensorElements = 11;
        QVERIFY2(import(limits).contains("over the 11 values Neurite reads in a tensor"), qPrintable(import(limits)));
    }
};

QTEST_APPLESS_MAIN(TestReaderLimits)
#include "tst_readerlimits.moc"
