// The `neurite` command line fed hostile inputs: tiny, gigantic and fake images, odd and long file names,
// and saves that cannot succeed. Each must end with a clear message (exit status 1) or a result, never a crash.
#include "neurite/IdxFile.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"
#include "FileBytes.h"
#include "CornersDataSet.h"
#include "ProcessRun.h"
#include "TestSupport.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sys/resource.h>
#include <unistd.h>

using namespace neurite;

namespace {

// The largest peak memory a `neurite` process may reach on these inputs (a 20000 x 20000 image decoded
// would take 400 MB to 1.6 GB; refusing it takes the usual few tens of MB). A sanitizer adds a few hundred
// MB to any process (AddressSanitizer keeps up to 256 MB of freed blocks in quarantine; the child peaked
// at 439 MB under it), so there the limit is 300 MB higher, which a decode still passes.
constexpr long kMaxChildPeakMb = test::kUnderAddressSanitizer || test::kUnderThreadSanitizer ? 700 : 400;

using Run = test::ProcessRun;
using test::runNeurite;
using test::writeCornersDataSet;

// Runs `neurite` through /bin/sh so that arguments may hold bytes that are not UTF-8: `script` is a shell
// fragment appended to "$NEURITE_BINARY".
Run runShell(const QString& script)
{
    QProcess process;
    process.start("/bin/sh", {"-c", "exec \"$NEURITE_BINARY\" " + script});
    return test::finish(process);
}

// Peak resident memory of the largest child process that has ended so far.
long childPeakMb()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}

QString quoted(const QString& path)
{
    QString escaped = path;
    return "'" + escaped.replace("'", "'\\''") + "'";
}

// A shell word for a path inside `dir` whose last component is the raw bytes `name` (printf escapes).
QString rawName(const QString& dir, const QByteArray& name)
{
    QString octal;
    for (unsigned char c : name)
        octal += QString("\\%1").arg(int(c), 3, 8, QChar('0'));
    return quoted(dir) + "/\"$(printf '" + octal + "')\"";
}

} // namespace

class TestHostileCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("NEURITE_BINARY").isEmpty(), "NEURITE_BINARY not set");
        QVERIFY(m_dir.isValid());
        // A trained project for predict: the logistic preset with its initial weights is enough.
        Project project;
        project.spec = *preset("logistic");
        project.weights = Network(project.spec, 1).weights();
        m_model = m_dir.filePath("model.neurite");
        saveProject(project, m_model.toStdString());
    }

    // First, so that the children's peak memory is this test's.
    void gigantic20000x20000ImageIsRefusedWithBoundedMemory()
    {
        {
            // 1 bit per pixel: 50 MB here, a few kB as PNG, 400 MB (grey) to 1.6 GB (RGB) if decoded.
            QImage huge(20000, 20000, QImage::Format_Mono);
            QVERIFY(!huge.isNull());
            huge.fill(0);
            for (int y = 9000; y < 11000; ++y)
                for (int x = 9500; x < 10500; ++x)
                    huge.setPixel(x, y, 1);
            QVERIFY(huge.save(m_dir.filePath("huge.png")));
        }
        QVERIFY(QFileInfo(m_dir.filePath("huge.png")).size() < 1 << 20);
        const Run run = runNeurite({"predict", m_model, m_dir.filePath("huge.png")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("huge.png") && run.err.contains("too large (20000 x 20000 pixels)"),
                 qPrintable(run.err));
        QVERIFY2(childPeakMb() < kMaxChildPeakMb, qPrintable(QString("peak %1 MB").arg(childPeakMb())));
        qInfo("neurite predict on a 20000 x 20000 PNG: refused, peak memory %ld MB", childPeakMb());
    }

    void onePixelImages()
    {
        // A lone pixel is its own border, so it counts as background (a light one is inverted): blank, said so.
        for (int level : {255, 0}) {
            QImage pixel(1, 1, QImage::Format_Grayscale8);
            pixel.fill(level);
            QVERIFY(pixel.save(m_dir.filePath(QString("pixel-%1.png").arg(level))));
        }
        // One ink pixel inside a dark border is a (tiny) digit: scaled up and classified.
        QImage dot(3, 3, QImage::Format_Grayscale8);
        dot.fill(0);
        dot.setPixel(1, 1, qRgb(255, 255, 255));
        QVERIFY(dot.save(m_dir.filePath("dot.png")));
        const Run run = runNeurite({"predict", m_model, m_dir.filePath("pixel-255.png"), m_dir.filePath("pixel-0.png"),
                                    m_dir.filePath("dot.png")});
        QCOMPARE(run.status, 1); // two of the three images failed
        QVERIFY2(run.err.contains("pixel-255.png is blank") && run.err.contains("pixel-0.png is blank"),
                 qPrintable(run.err));
        QVERIFY2(run.out.startsWith(m_dir.filePath("dot.png") + ": "), qPrintable(run.out));
    }

    void fakeAndTruncatedImagesAreNamed()
    {
        QImage digit(28, 28, QImage::Format_Grayscale8);
        digit.fill(0);
        for (int y = 5; y < 23; ++y)
            digit.setPixel(14, y, qRgb(255, 255, 255));
        QVERIFY(digit.save(m_dir.filePath("digit.png")));
        const std::string png = test::readBytes(m_dir.filePath("digit.png").toStdString());
        std::ofstream(m_dir.filePath("cut.png").toStdString(), std::ios::binary) << png.substr(0, png.size() / 2);
        std::ofstream(m_dir.filePath("fake.png").toStdString(), std::ios::binary) << "GIF89a, or not: random words";
        const Run run = runNeurite({"predict", m_model, m_dir.filePath("fake.png"), m_dir.filePath("cut.png"),
                                    m_dir.filePath("missing.png"), m_dir.filePath("digit.png")});
        QCOMPARE(run.status, 1);
        for (const char* name : {"fake.png", "cut.png", "missing.png"})
            QVERIFY2(run.err.contains(m_dir.filePath(name) + ": "), qPrintable(run.err));
        QVERIFY2(run.out.contains(m_dir.filePath("digit.png") + ": "), qPrintable(run.out)); // the good one still ran
    }

    void oddFileNamesForTrainOutAndLoad_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("250 bytes") << QByteArray(242, 'm') + ".neurite";
        QTest::newRow("Latin-1") << QByteArray("mod\xe8le \xe0 moi.neurite");
        QTest::newRow("quotes and newline") << QByteArray("it's \"my\"\nmodel.neurite");
    }

    void oddFileNamesForTrainOutAndLoad()
    {
        QFETCH(QByteArray, name);
        QTemporaryDir dir;
        writeCornersDataSet(dir.path());
        const QString out = rawName(dir.path(), name);
        const Run trained = runShell("train --preset logistic --epochs 1 --quiet --data " + quoted(dir.path()) +
                                     " --out " + out);
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        const std::string path = QFile::encodeName(dir.path()).toStdString() + "/" + name.toStdString();
        QVERIFY2(loadProject(path).weights.has_value(), path.c_str());
        const Run summary = runShell("summary " + out);
        QVERIFY2(summary.status == 0, qPrintable(summary.err));
        QVERIFY2(summary.out.contains("1,570"), qPrintable(summary.out)); // 784 x 2 + 2: fitted to the 2 classes
        const Run evaluated = runShell("eval " + out + " --data " + quoted(dir.path()));
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        const Run exported = runShell("export " + out + " --format onnx --out " + rawName(dir.path(), name + ".onnx"));
        QVERIFY2(exported.status == 0, qPrintable(exported.err));
        const QStringList temporary = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).filter(".tmp-");
        QVERIFY2(temporary.isEmpty(), qPrintable(temporary.join(", ")));
        // QTemporaryDir (Qt) cannot delete names that are not UTF-8: done here, by their bytes.
        ::unlink(path.c_str());
        ::unlink((path + ".onnx").c_str());
    }

    void imageWithANonUtf8Name()
    {
        QImage digit(28, 28, QImage::Format_Grayscale8);
        digit.fill(0);
        for (int y = 5; y < 23; ++y)
            digit.setPixel(14, y, qRgb(255, 255, 255));
        const QByteArray name("chiffre \xe9t\xe9.png");
        const std::string path = QFile::encodeName(m_dir.path()).toStdString() + "/" + name.toStdString();
        QVERIFY(digit.save(m_dir.filePath("plain-name.png")));
        std::ofstream(path, std::ios::binary) << test::readBytes(m_dir.filePath("plain-name.png").toStdString());
        const Run run = runShell("predict " + quoted(m_model) + " " + rawName(m_dir.path(), name));
        ::unlink(path.c_str());
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(".png: "), qPrintable(run.out));
    }

    void savesThatCannotHappenSaySoAndKeepTheOldFile()
    {
        QTemporaryDir dir;
        writeCornersDataSet(dir.path());
        // The folder "is" a regular file: creating anything inside it fails (even for root).
        const QString blocker = dir.filePath("not-a-folder");
        std::ofstream(blocker.toStdString()) << "x";
        const Run trained = runNeurite({"train", "--preset", "logistic", "--epochs", "1", "--quiet", "--data",
                                        dir.path(), "--out", blocker + "/model.neurite"});
        QCOMPARE(trained.status, 1);
        QVERIFY2(trained.err.contains(blocker + "/model.neurite"), qPrintable(trained.err));
        const Run exported = runNeurite({"export", m_model, "--format", "cpp", "--out", blocker + "/model.h"});
        QCOMPARE(exported.status, 1);
        QVERIFY2(exported.err.contains(blocker + "/model.h"), qPrintable(exported.err));
        QCOMPARE(test::readBytes(blocker.toStdString()), std::string("x"));

        // Saving over a folder: refused, and the folder keeps its contents.
        QVERIFY(QDir().mkpath(dir.filePath("folder.neurite/inside")));
        const Run overFolder = runNeurite({"train", "--preset", "logistic", "--epochs", "1", "--quiet", "--data",
                                           dir.path(), "--out", dir.filePath("folder.neurite")});
        QCOMPARE(overFolder.status, 1);
        QVERIFY(QFileInfo(dir.filePath("folder.neurite/inside")).isDir());
    }
};

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostilecli.moc"
