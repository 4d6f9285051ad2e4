// Hostile inputs to the engine's readers and writers: absurd headers (with memory measured), every
// truncation, wrong checksums, odd numbers in designs and settings, a 10,000-layer network, exported code
// that cannot be injected into, unusual file names, and saves onto a full or read-only file system.
#include "TestSupport.h"
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "HostileFileHelpers.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/NetworkSpec.h"
#include "neurite/ProjectFile.h"
#include "neurite/Validation.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace neurite;
using neurite::test::chainSpec;
using neurite::test::dense;
using neurite::test::gzip;
using neurite::test::peakRssMb;

namespace {

// The most the process's peak memory may grow while it refuses hostile files.
constexpr long kMaxGrowthMb = 200;

std::string idxHeader(const std::vector<std::uint32_t>& dims)
{
    std::string header{0, 0, 8, char(dims.size())};
    for (std::uint32_t d : dims)
        header += {char(d >> 24), char((d >> 16) & 0xff), char((d >> 8) & 0xff), char(d & 0xff)};
    return header;
}

// Bytes deflate cannot shrink (an LCG's high bits), so a gzip file of them is as large as they are.
std::string noise(std::size_t n)
{
    std::string bytes(n, '\0');
    std::uint32_t state = 99;
    for (char& c : bytes) {
        state = state * 1664525u + 1013904223u;
        c = char(state >> 24);
    }
    return bytes;
}

void appendU32(std::string& bytes, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes.push_back(char(value >> (8 * i)));
}

// A project file framed by hand around `header` and `data`, with a correct CRC-32.
std::string projectBytes(const std::string& header, const std::string& data = {}, std::uint32_t headerLength = 0)
{
    std::string bytes("NEURITE\0", 8);
    appendU32(bytes, 1);
    appendU32(bytes, headerLength ? headerLength : std::uint32_t(header.size()));
    bytes += header + data;
    appendU32(bytes, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size()))));
    return bytes;
}

const char* kEmptyDesign = R"({"format": "neurite-network", "version": 1, "layers": [], "connections": []})";

Project smallTrainedProject()
{
    Project p;
    p.spec = chainSpec(3, {dense("hidden", 4, "relu"), dense("out", 2, "softmax")});
    p.weights = Network(p.spec, 5).weights();
    p.classNames = {"left", "right"};
    return p;
}

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next().mid(dir.size() + 1);
    files.sort();
    return files;
}

// Lifts a file-size limit (RLIMIT_FSIZE) when it goes out of scope; writes beyond it fail with EFBIG,
// the same failure path as a full disk.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{bytes, m_old.rlim_max};
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    long m_baselineMb = 0;

    std::string pathOf(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    void expectBoundedRefusal(const std::string& name, const std::string& bytes, bool project = false)
    {
        const std::string path = pathOf(name);
        test::writeBytes(path, bytes);
        const QString error = test::errorOrNone([&] { project ? (void)loadProject(path) : (void)readIdx(path); });
        QVERIFY2(error.startsWith(QString::fromStdString(path) + ": "),
                 qPrintable(QString::fromStdString(name) + " -> " + error));
        const long growth = peakRssMb() - m_baselineMb;
        QVERIFY2(growth < kMaxGrowthMb,
                 qPrintable(QString("%1: peak memory grew by %2 MB").arg(name.c_str()).arg(growth)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_baselineMb = peakRssMb();
    }

    // First, while the peak RSS still says something: nothing is allocated on a header's word alone.
    void headersClaimingBillionsKeepMemoryBounded()
    {
        const std::string pixels = noise(4096);
        for (const auto& dims : std::vector<std::vector<std::uint32_t>>{{0x7fffffffu},
                                                                        {60000u, 4096u, 4096u},
                                                                        {0xffffffffu, 28u, 28u},
                                                                        {65535u, 65535u},
                                                                        {1u, 1u, 1u, 1u, 1u, 1u, 1u, 0x7fffffffu}}) {
            const std::string bytes = idxHeader(dims) + pixels;
            expectBoundedRefusal("claims.idx", bytes);
            expectBoundedRefusal("claims.idx.gz", gzip(bytes));
        }
        // A gzip file of 200 kB cannot hide 200 MB of noise, but the claim passes the deflate-ratio bound:
        // the buffer grows with the bytes that really arrive (about 2x), so the lie costs little.
        const long before = peakRssMb();
        expectBoundedRefusal("ratio.gz", gzip(idxHeader({200u << 20}) + noise(200 << 10)));
        QVERIFY2(peakRssMb() - before < 16, qPrintable(QString("%1 MB").arg(peakRssMb() - before)));
        // Project files: a header length of 4 GB, tensors claiming 2^28 x 2^28 floats, a billion tensors.
        expectBoundedRefusal("length.neurite", projectBytes(kEmptyDesign, {}, 0xffffffffu), true);
        const std::string design = std::string(R"({"design": )") + kEmptyDesign;
        expectBoundedRefusal(
            "tensors.neurite",
            projectBytes(design + R"(, "tensors": [{"name": "a", "rows": 268435456, "cols": 268435456}]})", noise(64)),
            true);
        expectBoundedRefusal("history.neurite",
                             projectBytes(design + R"(, "history": {"batches": {"loss": [1], "step": [1e300]}}})"),
                             true);
        qInfo("peak memory grew by %ld MB while refusing hostile headers", peakRssMb() - m_baselineMb);
    }

    void idxTruncatedAtEveryOffsetIsRefused()
    {
        const std::string whole = idxHeader({3, 2, 2}) + noise(12);
        const std::string zipped = gzip(whole);
        for (std::size_t cut = 0; cut < whole.size(); ++cut) {
            test::writeBytes(pathOf("cut.idx"), whole.substr(0, cut));
            QVERIFY2(test::errorOrNone([&] { readIdx(pathOf("cut.idx")); }).contains("truncated"),
                     qPrintable(QString::number(cut)));
        }
        for (std::size_t cut = 0; cut < zipped.size(); ++cut) {
            test::writeBytes(pathOf("cut.idx.gz"), zipped.substr(0, cut));
            const QString error = test::errorOrNone([&] { readIdx(pathOf("cut.idx.gz")); });
            QVERIFY2(error.startsWith(QString::fromStdString(pathOf("cut.idx.gz"))) && error != "<no error>",
                     qPrintable(QString("%1: %2").arg(cut).arg(error)));
        }
    }

    void gzipWithWrongChecksumIsRefused()
    {
        const std::string zipped = gzip(idxHeader({4}) + "abcd");
        for (std::size_t fromEnd : {8, 7, 4, 1}) { // the CRC-32 (4 bytes), then the length (4 bytes)
            std::string damaged = zipped;
            damaged[damaged.size() - fromEnd] ^= 0x5a;
            test::writeBytes(pathOf("crc.idx.gz"), damaged);
            const QString error = test::errorOrNone([&] { readIdx(pathOf("crc.idx.gz")); });
            QVERIFY2(error.contains("corrupt gzip data") || error.contains("truncated"), qPrintable(error));
        }
    }

    void designTruncatedAtEveryOffsetIsRefused()
    {
        const std::string json = toJson(chainSpec(4, {dense("d", 2, "softmax")}), -1);
        for (std::size_t cut = 0; cut < json.size(); ++cut) {
            const QString error = test::errorOrNone([&] { specFromJson(json.substr(0, cut), "cut.json"); });
            QVERIFY2(error.startsWith("cut.json: "), qPrintable(QString("%1: %2").arg(cut).arg(error)));
        }
        QCOMPARE(specFromJson(json, "whole.json"), chainSpec(4, {dense("d", 2, "softmax")}));
    }

    void absurdNumbersInADesignAreReportedNotCast_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("option");
        QTest::addColumn<double>("value");
        for (double v : {1e300, -1e300, 2147483648.0, -2147483649.0, 0.5, 1e6}) {
            QTest::addRow("units %g", v) << "d"
                                         << "units" << v;
            QTest::addRow("input width %g", v) << "input"
                                               << "width" << v;
        }
        QTest::addRow("dropout rate 1e300") << "drop"
                                            << "rate" << 1e300;
        QTest::addRow("dropout rate -1") << "drop"
                                         << "rate" << -1.0;
    }

    void absurdNumbersInADesignAreReportedNotCast()
    {
        QFETCH(QString, layer);
        QFETCH(QString, option);
        QFETCH(double, value);
        NetworkSpec spec = chainSpec(4, {dense("d", 3, "relu"), LayerSpec{"drop", "Dropout", {{"rate", 0.5}}},
                                         dense("last", 2, "softmax")});
        spec.find(layer.toStdString())->options[option.toStdString()] = value;
        // Through JSON, as a file would bring it.
        const NetworkSpec read = specFromJson(toJson(spec), "odd.json");
        const ValidationReport report = validate(read);
        QVERIFY2(!report.ok(), qPrintable(QString::fromStdString(toJson(read))));
        bool named = false;
        for (const ValidationIssue& issue : report.errors())
            named = named || (issue.layerId == layer.toStdString() && issue.field == option.toStdString());
        QVERIFY2(named, qPrintable(QString::fromStdString(report.errorSummary())));
        QVERIFY(test::errorOrNone([&] { Network network(read); }).contains(layer));
    }

    void absurdSettingsInAProjectAreRefused_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::newRow("learning rate beyond float") << R"({"optimizer": {"learningRate": 1e39}})";
        QTest::newRow("negative learning rate") << R"({"optimizer": {"learningRate": -1}})";
        QTest::newRow("epochs beyond int") << R"({"epochs": 1e12})";
        QTest::newRow("batch beyond int") << R"({"batchSize": -5e15})";
        QTest::newRow("validation split 7") << R"({"validationSplit": 7})";
        QTest::newRow("threads beyond int") << R"({"threads": 3e9})";
    }

    void absurdSettingsInAProjectAreRefused()
    {
        QFETCH(QString, settings);
        const std::string header = std::string(R"({"design": )") + kEmptyDesign + R"(, "settings": )" +
                                   settings.toStdString() + "}";
        test::writeBytes(pathOf("settings.neurite"), projectBytes(header));
        // Refused when loading, or at the latest when the settings are checked before training.
        const QString error = test::errorOrNone(
            [&] { validateSettings(loadProject(pathOf("settings.neurite")).settings); });
        QVERIFY2(error != "<no error>", qPrintable(settings));
    }

    void nonFiniteWeightsAreRefusedEvenWithAValidChecksum()
    {
        const Project p = smallTrainedProject();
        saveProject(p, pathOf("finite.neurite"));
        const std::string bytes = test::readBytes(pathOf("finite.neurite"));
        std::uint32_t headerLength = 0;
        for (int b = 3; b >= 0; --b)
            headerLength = headerLength << 8 | std::uint8_t(bytes[12 + std::size_t(b)]);
        const std::string header = bytes.substr(16, headerLength);
        std::string data = bytes.substr(16 + headerLength, bytes.size() - 20 - headerLength);
        for (std::uint32_t bits : {0x7fc00000u, 0x7f800000u, 0xff800000u, 0x7f800001u}) { // NaN, +inf, -inf, sNaN
            std::string poisoned = data;
            for (int i = 0; i < 4; ++i)
                poisoned[4 * 7 + std::size_t(i)] = char(bits >> (8 * i)); // hidden.weight, 8th value
            test::writeBytes(pathOf("poisoned.neurite"), projectBytes(header, poisoned));
            const QString error = test::errorOrNone([&] { loadProject(pathOf("poisoned.neurite")); });
            QVERIFY2(error.contains("hidden.weight contains NaN/inf values"), qPrintable(error));
        }
        // And weights set in memory are refused at save time, leaving the saved file as it was.
        Project bad = p;
        (*bad.weights)[2].values[1] = std::numeric_limits<float>::infinity();
        QVERIFY(test::errorOrNone([&] { saveProject(bad, pathOf("finite.neurite")); }).contains("out.weight"));
        QVERIFY(test::readBytes(pathOf("finite.neurite")) == bytes);
    }

    void tenThousandLayersBuildAndRunQuickly()
    {
        std::vector<LayerSpec> layers;
        for (int i = 0; i < 10000; ++i)
            layers.push_back(dense("d" + std::to_string(i), 4, i % 2 ? "tanh" : "relu"));
        layers.push_back(dense("last", 3, "softmax"));
        QElapsedTimer timer;
        timer.start();
        // The whole way a file takes: JSON, validation, build, a forward and a backward pass.
        const NetworkSpec spec = specFromJson(toJson(chainSpec(4, layers)), "deep.json");
        QCOMPARE(spec.layers.size(), std::size_t(10003));
        QVERIFY(validate(spec).ok());
        Network network(spec, 1);
        network.setThreads(1);
        QCOMPARE(network.parameterCount(), 10000L * 20 + 15);
        Matrix x = test::randomMatrix(2, 4, 3), out;
        network.predict(x, out);
        QCOMPARE(out.rows(), 2);
        QCOMPARE(out.cols(), 3);
        QVERIFY(std::abs(out.row(0).sum() - 1.0f) < 1e-5f);
        const std::uint8_t labels[2] = {0, 2};
        QVERIFY(std::isfinite(network.forwardBackward(x, labels)));
        QVERIFY2(timer.elapsed() < 5000 * test::kSanitizerSlowdown, qPrintable(QString("%1 ms").arg(timer.elapsed())));
        qInfo("10,003 layers: JSON, validation, build, forward and backward in %lld ms", timer.elapsed());
    }

    void exportsCannotBeInjectedIntoOrEscapeTheirFolder()
    {
        // Layer ids are text from a file someone sent: paths, newlines and code must stay inert.
        const std::vector<std::string> ids = {"../../escaped",
                                              "/tmp/neurite-absolute",
                                              "a\nimport os; os.system('touch pwned')",
                                              "b\\\n#include </etc/passwd>",
                                              "c\r\n\"\"\"; raise SystemExit",
                                              "d*/ int x; /*"};
        std::vector<LayerSpec> layers;
        for (std::size_t i = 0; i < ids.size(); ++i)
            layers.push_back(dense(ids[i], 3, i + 1 == ids.size() ? "softmax" : "relu"));
        const NetworkSpec spec = chainSpec(3, layers);
        QVERIFY(validate(spec).ok());
        const Weights weights = Network(spec, 1).weights();

        QTemporaryDir root;
        const QString out = root.filePath("out");
        QVERIFY(QDir().mkpath(out));
        exportTorch(spec, weights, TrainingSettings{}, (out + "/torch").toStdString());
        exportCppHeader(spec, weights, (out + "/model.h").toStdString());
        exportOnnx(spec, weights, (out + "/model.onnx").toStdString());
        QCOMPARE(filesUnder(root.path()),
                 (QStringList{"out", "out/model.h", "out/model.onnx", "out/torch", "out/torch/README.md",
                              "out/torch/model.py", "out/torch/neurite_data.py", "out/torch/train.py",
                              "out/torch/weights.npz"}));
        QVERIFY(!QFileInfo::exists("/tmp/neurite-absolute"));
        // No line of generated code starts with what an id smuggled in after a line break.
        for (const QString& file : {out + "/torch/model.py", out + "/model.h"}) {
            const QString text = QString::fromStdString(test::readBytes(file.toStdString()));
            for (const QString& line : text.split(QRegularExpression("[\r\n]"))) {
                const QString t = line.trimmed();
                QVERIFY2(!t.startsWith("import os; os.system") && !t.startsWith("#include </etc") &&
                             !t.startsWith("\"\"\"; raise"),
                         qPrintable(file + ": " + line));
            }
            // Python itself finds no trace of the payload in the code (comments are not code).
            if (file.endsWith(".py") && !QStandardPaths::findExecutable("python3").isEmpty()) {
                QProcess python;
                python.start("python3", {"-c",
                                         "import ast, sys; tree = ast.parse(open(sys.argv[1]).read()); "
                                         "sys.exit(any(isinstance(n, ast.Attribute) and n.attr == 'system' "
                                         "or isinstance(n, ast.Raise) for n in ast.walk(tree)))",
                                         file});
                QVERIFY(python.waitForFinished(60000));
                QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
            }
            // A C++ line comment ending in a backslash would swallow the next line of code.
            if (file.endsWith(".h"))
                for (const QString& line : text.split('\n'))
                    QVERIFY2(!(line.contains("//") && line.endsWith('\\')), qPrintable(line));
        }
    }

    void longAndNonUtf8FileNamesWork_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("255 bytes") << QByteArray(246, 'n') + ".neurite";
        QTest::newRow("250 bytes of UTF-8") << QByteArray("\xc3\xa9").repeated(121) + ".neurite";
        QTest::newRow("Latin-1") << QByteArray("caf\xe9 na\xefve \xff.neurite");
        QTest::newRow("spaces, quotes, newline") << QByteArray("a 'b' \"c\"\n$(d).neurite");
        QTest::newRow("leading dash") << QByteArray("-rf.neurite");
    }

    void longAndNonUtf8FileNamesWork()
    {
        QFETCH(QByteArray, name);
        const std::string path = m_dir.path().toStdString() + "/" + name.toStdString();
        const Project p = smallTrainedProject();
        saveProject(p, path);
        QCOMPARE(loadProject(path).weights, p.weights);
        saveProject(p, path); // replacing works as well as creating
        const std::string idx = path + ".idx";
        if (name.size() + 4 <= 255) {
            writeIdx(idx, {{2}, {7, 9}});
            QCOMPARE(readIdx(idx).data, (std::vector<std::uint8_t>{7, 9}));
        }
        // Only the named files exist: no temporary file was left behind.
        const QStringList entries = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(entries.filter(".tmp-").isEmpty(), qPrintable(entries.join(", ")));
        ::unlink(path.c_str());
        ::unlink(idx.c_str());
    }

    void tooLongAFileNameIsAClearError()
    {
        const std::string path = pathOf(std::string(256, 'x') + ".neurite");
        const QString error = test::errorOrNone([&] { saveProject(smallTrainedProject(), path); });
        QVERIFY2(error.contains("File name too long"), qPrintable(error));
        QVERIFY(test::errorOrNone([&] { loadProject(path); }).contains("File name too long"));
    }

    void fullDiskKeepsTheOldFile()
    {
        // Simulated with a file-size limit: write() fails with EFBIG, like ENOSPC on a full disk.
        QTemporaryDir dir;
        const std::string path = dir.filePath("big.neurite").toStdString();
        Project p = smallTrainedProject();
        saveProject(p, path);
        const std::string before = test::readBytes(path);
        Project big;
        big.spec = *preset("mlp");
        big.weights = Network(big.spec, 1).weights(); // 437 kB of weights
        QString error;
        {
            FileSizeLimit limit(64 * 1024);
            QVERIFY(limit.ok());
            error = test::errorOrNone([&] { saveProject(big, path); });
        }
        QVERIFY2(error.startsWith(QString::fromStdString("Cannot write " + path + ": write failed")),
                 qPrintable(error));
        QVERIFY(test::readBytes(path) == before);
        QCOMPARE(filesUnder(dir.path()), QStringList{"big.neurite"});
    }

    void realFullDiskKeepsTheOldFile()
    {
        // A 64 kB tmpfs where the system allows mounting one (root in a container); skipped elsewhere.
        QTemporaryDir dir;
        const QByteArray mountPoint = QFile::encodeName(dir.path());
        if (::geteuid() != 0 || ::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); the file-size-limit test covers the failure path");
        const std::string path = dir.filePath("p.neurite").toStdString();
        QString error;
        std::string before, after;
        QStringList files;
        {
            saveProject(smallTrainedProject(), path);
            before = test::readBytes(path);
            Project big;
            big.spec = *preset("mlp");
            big.weights = Network(big.spec, 1).weights();
            error = test::errorOrNone([&] { saveProject(big, path); });
            after = test::readBytes(path);
            files = filesUnder(dir.path());
        }
        ::umount2(mountPoint.constData(), MNT_DETACH);
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QVERIFY(after == before);
        QCOMPARE(files, QStringList{"p.neurite"});
    }

    void readOnlyFolderKeepsTheOldFile()
    {
        // Root ignores a folder's permissions, but not the immutable attribute (chattr +i).
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.neurite").toStdString();
        saveProject(smallTrainedProject(), path);
        const std::string before = test::readBytes(path);
        const QByteArray folder = QFile::encodeName(dir.path());
        const bool root = ::geteuid() == 0;
        const int rc = root ? std::system(("chattr +i '" + folder.toStdString() + "' 2>/dev/null").c_str())
                            : ::chmod(folder.constData(), 0555);
        if (rc != 0)
            QSKIP("cannot make a folder read-only here");
        Project changed = smallTrainedProject();
        changed.classNames = {"changed", "too"};
        const QString error = test::errorOrNone([&] { saveProject(changed, path); });
        const QString idxError = test::errorOrNone([&] { writeIdx(path + ".idx", {{1}, {1}}); });
        if (root)
            std::system(("chattr -i '" + folder.toStdString() + "'").c_str());
        else
            ::chmod(folder.constData(), 0755);
        QVERIFY2(error.startsWith(QString::fromStdString("Cannot write " + path + ": cannot create a temporary file")),
                 qPrintable(error));
        QVERIFY(idxError.contains("Cannot write"));
        QVERIFY(test::readBytes(path) == before);
        QCOMPARE(filesUnder(dir.path()), QStringList{"p.neurite"});
    }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostileinputs.moc"
