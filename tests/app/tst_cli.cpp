// The `neurite` command line run as a user runs it: help, bad arguments, and train -> eval -> predict ->
// summary on a small data set written by the test.
#include "ProcessRun.h"
#include "TestSupport.h"
#include "neurite/IdxFile.h"
#include "neurite/ProjectFile.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

namespace {

using Run = test::ProcessRun;

Run runNeurite(const QStringList& args, const QString& dataDir = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!dataDir.isEmpty())
        env.insert("NEURITE_DATA_DIR", dataDir);
    return test::runNeurite(args, env);
}

// Two classes of 28x28 images: a bright square in the top-left or the bottom-right corner.
void writeCornersDataSet(const QString& folder)
{
    for (const char* prefix : {"train", "t10k"}) {
        const int count = std::string(prefix) == "train" ? 200 : 40;
        IdxArray images{{std::uint32_t(count), 28, 28}, std::vector<std::uint8_t>(std::size_t(count) * 784, 0)};
        IdxArray labels{{std::uint32_t(count)}, std::vector<std::uint8_t>(std::size_t(count), 0)};
        for (int i = 0; i < count; ++i) {
            const int label = i % 2;
            labels.data[std::size_t(i)] = std::uint8_t(label);
            const int offset = label == 0 ? 3 : 15;
            for (int y = offset; y < offset + 10; ++y)
                for (int x = offset; x < offset + 10; ++x)
                    images.data[std::size_t(i) * 784 + std::size_t(y * 28 + x)] = std::uint8_t(150 + (i * 7) % 100);
        }
        writeIdx((folder + "/" + prefix + "-images-idx3-ubyte.gz").toStdString(), images);
        writeIdx((folder + "/" + prefix + "-labels-idx1-ubyte.gz").toStdString(), labels);
    }
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("NEURITE_BINARY").isEmpty(), "NEURITE_BINARY not set"); }

    void helpEverywhere()
    {
        const Run overview = runNeurite({"--help"});
        QCOMPARE(overview.status, 0);
        QVERIFY(overview.out.contains("Commands:"));
        for (const QString command : {"train", "eval", "predict", "summary", "bench", "data"}) {
            const Run run = runNeurite({command, "--help"});
            QCOMPARE(run.status, 0);
            QVERIFY2(run.out.contains("Usage: neurite " + command), qPrintable(command));
        }
    }

    // The overview, the dispatch and `neurite help COMMAND` come from one table: every command the overview
    // lists runs, and `help COMMAND` is that command's --help.
    void helpOverviewAndDispatchAgree()
    {
        const Run overview = runNeurite({"help"});
        QCOMPARE(overview.status, 0);
        QCOMPARE(runNeurite({"--help"}).out, overview.out);
        const QString listed = overview.out.section("Commands:\n", 1).section("\n\n", 0, 0);
        QStringList names;
        for (const QString& line : listed.split('\n', Qt::SkipEmptyParts))
            names.append(line.trimmed().section(' ', 0, 0));
        QCOMPARE(names, QStringList({"train", "lr-find", "sweep", "runs", "diff", "eval", "predict", "summary", "bench",
                                     "data", "export", "import"}));
        for (const QString& name : names) {
            const Run help = runNeurite({"help", name});
            QCOMPARE(help.status, 0);
            QVERIFY2(help.out.startsWith("Usage: neurite " + name), qPrintable(help.out));
            QCOMPARE(help.out, runNeurite({name, "--help"}).out);
        }
        const Run unknown = runNeurite({"help", "trian"});
        QCOMPARE(unknown.status, 2);
        QVERIFY2(unknown.err.contains("unknown command 'trian'"), qPrintable(unknown.err));
    }

    void badArgumentsExitWithStatus2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{"trian"} << "unknown command 'trian'";
        QTest::newRow("unknown option") << QStringList{"train", "--epoch", "3"} << "unknown option --epoch";
        QTest::newRow("not a number") << QStringList{"train", "--epochs", "ten"} << "--epochs expects a whole number";
        QTest::newRow("out of range") << QStringList{"train", "--lr", "-1"} << "--lr must be between";
        QTest::newRow("missing value") << QStringList{"train", "--batch"} << "--batch needs a value";
        QTest::newRow("unknown preset") << QStringList{"train", "--preset", "vgg"} << "unknown preset 'vgg'";
        QTest::newRow("missing file argument") << QStringList{"eval"} << "missing argument";
        QTest::newRow("bad optimizer") << QStringList{"train", "--optimizer", "adamx"} << "adamx";
        QTest::newRow("shift too large") << QStringList{"train", "--shift", "0.7"}
                                         << "--shift must be between 0 and 0.5";
        QTest::newRow("augment both ways")
            << QStringList{"train", "--augment", "--no-augment"} << "give either --augment or --no-augment";
        QTest::newRow("ranges without augmentation")
            << QStringList{"train", "--no-augment", "--rotate", "5"} << "--no-augment turns augmentation off";
    }

    void badArgumentsExitWithStatus2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runNeurite(args);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void trainEvalPredictSummary()
    {
        QTemporaryDir dir;
        writeCornersDataSet(dir.path());
        const QString model = dir.filePath("corners.neurite");
        const Run trained = runNeurite(
            {"train", "--preset", "mlp", "--data", dir.path(), "--epochs", "3", "--seed", "2", "--out", model});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QVERIFY(trained.out.contains("Epoch 3/3"));
        QVERIFY(trained.out.contains("Test accuracy: 100.00%"));

        const Run evaluated = runNeurite({"eval", model, "--data", dir.path()});
        QCOMPARE(evaluated.status, 0);
        QVERIFY(evaluated.out.contains("Test accuracy: 100.00%"));
        QVERIFY(evaluated.out.contains("Confusion matrix"));

        // A dark square on white paper in the bottom-right corner: inverted, cropped, centred -> still a
        // square; the corner information is gone after centring, so only check that a class is printed.
        QImage image(56, 56, QImage::Format_Grayscale8);
        image.fill(255);
        for (int y = 30; y < 50; ++y)
            for (int x = 30; x < 50; ++x)
                image.setPixel(x, y, qRgb(0, 0, 0));
        const QString png = dir.filePath("square.png");
        QVERIFY(image.save(png));
        const Run predicted = runNeurite({"predict", model, png});
        QVERIFY2(predicted.status == 0, qPrintable(predicted.err));
        QVERIFY(predicted.out.startsWith(png + ": "));

        const Run summary = runNeurite({"summary", model});
        QCOMPARE(summary.status, 0);
        // --preset fits the last Dense layer to the data's 2 classes: 784-128-64-2.
        QVERIFY2(summary.out.contains("Total parameters: 108,866"), qPrintable(summary.out));
    }

    // The augmentation flags reach the saved project; --no-augment turns a project's augmentation off and
    // keeps its ranges; a table is refused.
    void augmentationFlagsAreSavedAndTablesRefused()
    {
        QTemporaryDir dir;
        writeCornersDataSet(dir.path());
        const QString model = dir.filePath("augmented.neurite");
        const Run trained = runNeurite({"train", "--preset", "mlp", "--data", dir.path(), "--epochs", "1", "--rotate",
                                        "12", "--flip", "--noise", "0", "--out", model});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        AugmentationSettings expected;
        expected.enabled = true;
        expected.rotation = 12.0f;
        expected.horizontalFlip = true;
        expected.noise = 0.0f;
        QVERIFY(loadProject(model.toStdString()).settings.augmentation == expected);

        const QString plain = dir.filePath("plain.neurite");
        const Run again = runNeurite(
            {"train", "--design", model, "--data", dir.path(), "--epochs", "1", "--no-augment", "--out", plain});
        QVERIFY2(again.status == 0, qPrintable(again.err));
        expected.enabled = false;
        QVERIFY(loadProject(plain.toStdString()).settings.augmentation == expected);

        const Run table = runNeurite({"train", "--data", "iris", "--augment", "--epochs", "1"});
        QCOMPARE(table.status, 1);
        QVERIFY2(table.err.contains("Augmentation works on images only, and 'iris' is a table"), qPrintable(table.err));
    }

    void brokenFilesAreNamed()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath("broken.neurite");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a project");
        file.close();
        const Run run = runNeurite({"eval", bad});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("broken.neurite"), qPrintable(run.err));
        const Run missingData = runNeurite({"train", "--data", dir.filePath("nowhere"), "--epochs", "1"});
        QCOMPARE(missingData.status, 1);
        QVERIFY2(missingData.err.contains("nowhere"), qPrintable(missingData.err));
    }

    void dataPathFollowsTheDataDirectory()
    {
        QTemporaryDir dir;
        const Run run = runNeurite({"data", "path", "mnist-10k"}, dir.path());
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out.trimmed(), dir.path() + "/datasets/mnist-10k");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
