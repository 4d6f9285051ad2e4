// Tests the .neurite project file: exact round trips, the byte layout, and refusal of damaged files.
#include "neurite/Error.h"
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

#include <QtTest>

#include <bit>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace neurite;

namespace {

// CRC-32 (IEEE, reflected, as zlib computes it), bit by bit: an independent check of the file's checksum.
std::uint32_t referenceCrc32(const std::string& bytes, std::size_t count)
{
    std::uint32_t crc = 0xffffffffu;
    for (std::size_t i = 0; i < count; ++i) {
        crc ^= static_cast<unsigned char>(bytes[i]);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::uint32_t u32At(const std::string& bytes, std::size_t offset)
{
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return value;
}

void appendU32(std::string& bytes, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes.push_back(char(value >> (8 * i)));
}

std::string floatBytes(std::initializer_list<float> values)
{
    std::string bytes;
    for (float v : values)
        appendU32(bytes, std::bit_cast<std::uint32_t>(v));
    return bytes;
}

// A project file assembled by hand, with a correct checksum, to test what the reader makes of odd contents.
std::string handMadeFile(const std::string& header, const std::string& data, std::uint32_t version = 1)
{
    std::string bytes("NEURITE\0", 8);
    appendU32(bytes, version);
    appendU32(bytes, std::uint32_t(header.size()));
    bytes += header;
    bytes += data;
    appendU32(bytes, referenceCrc32(bytes, bytes.size()));
    return bytes;
}

const char* kDesign = R"({"format": "neurite-network", "version": 1, "layers": [], "connections": []})";

std::string headerWithTensors(const std::string& tensors)
{
    return std::string(R"({"design": )") + kDesign + R"(, "tensors": )" + tensors + "}";
}

NamedTensor randomTensor(const std::string& name, int rows, int cols, std::mt19937& random)
{
    std::normal_distribution<float> normal(0.0f, 0.1f);
    NamedTensor t{name, rows, cols, std::vector<float>(std::size_t(rows) * cols)};
    for (float& v : t.values)
        v = normal(random);
    return t;
}

TrainingHistory sampleHistory(int batchCount)
{
    TrainingHistory history;
    for (int i = 0; i < batchCount; ++i) {
        BatchReport b;
        b.epoch = 1 + i / 100;
        b.batch = 1 + i % 100;
        b.batchesPerEpoch = 100;
        b.step = 5000000000LL + i; // beyond 32 bits
        b.loss = 2.3f * std::exp(-0.001f * float(i)) + 1e-7f * float(i % 13);
        b.accuracy = float(i % 33) / 32.0f;
        b.learningRate = 1e-3f * std::pow(0.5f, float(i / 300));
        b.samplesPerSecond = 12345.678901234 + 0.1 * i;
        b.elapsedSeconds = 0.0123456789 * i;
        history.batches.push_back(b);
    }
    if (batchCount > 8) {
        history.batches[5].loss = kNoValue;
        history.batches[6].loss = std::numeric_limits<float>::infinity();
        history.batches[7].accuracy = -std::numeric_limits<float>::infinity();
        history.batches[8].elapsedSeconds = std::numeric_limits<double>::quiet_NaN();
    }
    for (int e = 1; e <= 3; ++e) {
        EpochReport r;
        r.epoch = e;
        r.epochs = 3;
        r.trainLoss = 1.0f / float(e * 7);
        r.trainAccuracy = 0.9f + 0.01f * float(e);
        r.validationLoss = e == 2 ? kNoValue : 0.1f * float(e);
        r.validationAccuracy = e == 2 ? kNoValue : 0.95f;
        r.learningRate = 1e-3f / float(e);
        r.seconds = 1.0 / 3.0 * e;
        r.samplesPerSecond = 98765.4321;
        r.best = e == 3;
        history.epochs.push_back(r);
    }
    history.bestEpoch = 3;
    history.testLoss = kNoValue;
    history.testAccuracy = 0.9765f;
    return history;
}

TrainingSettings unusualSettings()
{
    TrainingSettings s;
    s.dataSet = "fashion-mnist";
    s.epochs = 17;
    s.batchSize = 48;
    s.optimizer = {"sgd", 0.1f, 0.9f, true, 0.8f, 0.95f, 1e-7f, 0.9f, 5e-4f};
    s.schedule = {"cosine", 3, 0.25f, 1e-5f};
    s.validationSplit = 0.1f;
    s.seed = 0x8000000000000005ULL; // needs all 64 bits
    s.threads = 3;
    s.earlyStoppingPatience = 4;
    s.image = {24, 32, 3, 0.25f};
    s.plane = {1234, 0.15, 0.3, 0x8000000000000007ULL, 5};
    s.augmentation = {true, 0.125f, 7.5f, 0.2f, true, 0.05f, 0.3f, 1.0f / 3.0f}; // 1/3: all of a float's digits
    return s;
}

// The reference design with its weights, settings and history, all away from their defaults.
Project sampleProject()
{
    std::mt19937 random(42);
    Project p;
    p.spec = *preset("mlp");
    // (Not a raw string: moc misreads \" inside one.)
    p.uiStateJson = "{\"nodes\":{\"dense1\":{\"x\":12.5,\"y\":-3}},\"zoom\":1.25,\"title\":\"Größe \\\"✓\\\"\"}";
    p.settings = unusualSettings();
    p.weights = Weights{randomTensor("dense1.weight", 784, 128, random), randomTensor("dense1.bias", 1, 128, random),
                        randomTensor("dense2.weight", 128, 64, random),  randomTensor("dense2.bias", 1, 64, random),
                        randomTensor("dense3.weight", 64, 10, random),   randomTensor("dense3.bias", 1, 10, random)};
    // Values whose bits are easy to lose: signed zero, subnormals, extremes.
    auto& first = (*p.weights)[0].values;
    first[0] = -0.0f;
    first[1] = std::numeric_limits<float>::denorm_min();
    first[2] = std::numeric_limits<float>::max();
    first[3] = -std::numeric_limits<float>::min();
    p.history = sampleHistory(1000);
    p.dataSetName = "fashion-mnist";
    p.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot ✓"};
    return p;
}

// A small trained project for the damage tests, which load the file once per byte.
Project smallProject()
{
    Project p;
    p.spec = *preset("logistic");
    p.weights = Weights{{"dense1.weight", 3, 2, {1.5f, -2.0f, 0.25f, 3.0f, -0.0f, 1e-3f}},
                        {"dense1.bias", 1, 2, {0.5f, -0.5f}}};
    p.history = sampleHistory(3);
    p.classNames = {"a", "b"};
    return p;
}

bool sameBits(float a, float b)
{
    return (std::isnan(a) && std::isnan(b)) || std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

bool sameBits(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

void compareHistories(const TrainingHistory& a, const TrainingHistory& b)
{
    QCOMPARE(a.bestEpoch, b.bestEpoch);
    QVERIFY(sameBits(a.testLoss, b.testLoss));
    QVERIFY(sameBits(a.testAccuracy, b.testAccuracy));
    QCOMPARE(a.batches.size(), b.batches.size());
    for (std::size_t i = 0; i < a.batches.size(); ++i) {
        const BatchReport &x = a.batches[i], &y = b.batches[i];
        QVERIFY2(x.epoch == y.epoch && x.batch == y.batch && x.batchesPerEpoch == y.batchesPerEpoch &&
                     x.step == y.step && sameBits(x.loss, y.loss) && sameBits(x.accuracy, y.accuracy) &&
                     sameBits(x.learningRate, y.learningRate) && sameBits(x.samplesPerSecond, y.samplesPerSecond) &&
                     sameBits(x.elapsedSeconds, y.elapsedSeconds),
                 qPrintable(QString("batch %1 differs").arg(i)));
    }
    QCOMPARE(a.epochs.size(), b.epochs.size());
    for (std::size_t i = 0; i < a.epochs.size(); ++i) {
        const EpochReport &x = a.epochs[i], &y = b.epochs[i];
        QVERIFY2(x.epoch == y.epoch && x.epochs == y.epochs && sameBits(x.trainLoss, y.trainLoss) &&
                     sameBits(x.trainAccuracy, y.trainAccuracy) && sameBits(x.validationLoss, y.validationLoss) &&
                     sameBits(x.validationAccuracy, y.validationAccuracy) && sameBits(x.learningRate, y.learningRate) &&
                     sameBits(x.seconds, y.seconds) && sameBits(x.samplesPerSecond, y.samplesPerSecond) &&
                     x.best == y.best,
                 qPrintable(QString("epoch %1 differs").arg(i)));
    }
}

void compareWeightsBitwise(const Weights& a, const Weights& b)
{
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].name, b[i].name);
        QCOMPARE(a[i].rows, b[i].rows);
        QCOMPARE(a[i].cols, b[i].cols);
        QCOMPARE(a[i].values.size(), b[i].values.size());
        QVERIFY(std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(float)) == 0);
    }
}

QJsonObject parseObject(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string pathOf(const char* name) const { return m_dir.filePath(name).toStdString(); }

    // Writes `bytes` as a file and returns the error loading it gives.
    QString loadError(const std::string& bytes, const char* name = "damaged.neurite")
    {
        const std::string path = pathOf(name);
        test::writeBytes(path, bytes);
        return test::errorOrNone([&] { loadProject(path); });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripIsExact()
    {
        const Project saved = sampleProject();
        const std::string path = pathOf("round trip.neurite");
        saveProject(saved, path);
        const Project loaded = loadProject(path);
        QCOMPARE(loaded.spec, saved.spec);
        QCOMPARE(loaded.settings, saved.settings);
        QCOMPARE(loaded.settings.seed, std::uint64_t(0x8000000000000005ULL));
        QCOMPARE(parseObject(loaded.uiStateJson), parseObject(saved.uiStateJson));
        QVERIFY(!parseObject(loaded.uiStateJson).isEmpty());
        QCOMPARE(loaded.dataSetName, saved.dataSetName);
        QCOMPARE(loaded.classNames, saved.classNames);
        QVERIFY(loaded.weights.has_value());
        compareWeightsBitwise(*loaded.weights, *saved.weights);
        QVERIFY(std::signbit((*loaded.weights)[0].values[0]));
        compareHistories(loaded.history, saved.history);
        QVERIFY(std::isnan(loaded.history.batches[5].loss));
        QVERIFY(std::isinf(loaded.history.batches[6].loss) && loaded.history.batches[6].loss > 0);
        QVERIFY(std::isinf(loaded.history.batches[7].accuracy) && loaded.history.batches[7].accuracy < 0);
        QVERIFY(std::isnan(loaded.history.epochs[1].validationLoss));
        QVERIFY(std::isnan(loaded.history.testLoss));
        // Saving what was loaded gives the same bytes.
        const std::string again = pathOf("again.neurite");
        saveProject(loaded, again);
        QVERIFY(test::readBytes(again) == test::readBytes(path));
    }

    void untrainedProjectHasNoWeights()
    {
        Project p;
        p.spec = *preset("logistic");
        p.uiStateJson = "";
        const std::string path = pathOf("untrained.neurite");
        saveProject(p, path);
        const std::string bytes = test::readBytes(path);
        const QJsonObject header = parseObject(bytes.substr(16, u32At(bytes, 12)));
        QVERIFY(!header.contains("tensors"));
        QCOMPARE(bytes.size(), 16 + std::size_t(u32At(bytes, 12)) + 4);
        const Project loaded = loadProject(path);
        QVERIFY(!loaded.weights.has_value());
        QCOMPARE(loaded.spec, p.spec);
        QCOMPARE(loaded.settings, TrainingSettings());
        QCOMPARE(parseObject(loaded.uiStateJson), QJsonObject());
        QVERIFY(loaded.history.batches.empty() && loaded.history.epochs.empty());
        QVERIFY(std::isnan(loaded.history.testLoss));
    }

    void fileLayoutIsAsDocumented()
    {
        const Project p = sampleProject();
        const std::string path = pathOf("layout.neurite");
        saveProject(p, path);
        const std::string bytes = test::readBytes(path);
        QCOMPARE(bytes.substr(0, 8), std::string("NEURITE\0", 8));
        QCOMPARE(u32At(bytes, 8), 2u);
        const std::size_t headerLength = u32At(bytes, 12);
        long floats = 0;
        for (const NamedTensor& t : *p.weights)
            floats += long(t.values.size());
        QCOMPARE(bytes.size(), 16 + headerLength + std::size_t(floats) * 4 + 4);
        QCOMPARE(u32At(bytes, bytes.size() - 4), referenceCrc32(bytes, bytes.size() - 4));

        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(bytes.substr(16, headerLength)),
                                                          &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject header = doc.object();
        QCOMPARE(header.value("design").toObject().value("format").toString(), QString("neurite-network"));
        QCOMPARE(header.value("ui").toObject().value("zoom").toDouble(), 1.25);
        QCOMPARE(header.value("dataSet").toString(), QString("fashion-mnist"));
        QCOMPARE(header.value("classNames").toArray().size(), 10);
        const QJsonObject settings = header.value("settings").toObject();
        QCOMPARE(settings.value("batchSize").toInt(), 48);
        QCOMPARE(settings.value("optimizer").toObject().value("kind").toString(), QString("sgd"));
        QCOMPARE(settings.value("schedule").toObject().value("kind").toString(), QString("cosine"));
        const QJsonObject image = settings.value("image").toObject();
        QCOMPARE(image.value("rows").toInt(), 24);
        QCOMPARE(image.value("cols").toInt(), 32);
        QCOMPARE(image.value("channels").toInt(), 3);
        QCOMPARE(image.value("testSplit").toDouble(), 0.25);
        const QJsonObject plane = settings.value("plane").toObject();
        QCOMPARE(plane.value("points").toInt(), 1234);
        QCOMPARE(plane.value("noise").toDouble(), 0.15);
        QCOMPARE(plane.value("testRatio").toDouble(), 0.3);
        QCOMPARE(plane.value("classes").toInt(), 5);
        const QJsonObject augmentation = settings.value("augmentation").toObject();
        QCOMPARE(augmentation.value("enabled").toBool(), true);
        QCOMPARE(augmentation.value("rotation").toDouble(), 7.5);
        QCOMPARE(augmentation.value("horizontalFlip").toBool(), true);
        // Floats are written in their short form (0.1, not 0.10000000149011612).
        QVERIFY(bytes.find("\"learningRate\":0.1,") != std::string::npos);
        const QJsonObject history = header.value("history").toObject();
        const QJsonObject batches = history.value("batches").toObject();
        QCOMPARE(batches.value("loss").toArray().size(), 1000);
        QVERIFY(batches.value("loss").toArray().at(5).isNull());
        QCOMPARE(batches.value("loss").toArray().at(6).toString(), QString("Infinity"));
        QCOMPARE(batches.value("step").toArray().at(1).toDouble(), 5000000001.0);
        QCOMPARE(history.value("epochs").toArray().size(), 3);
        QVERIFY(history.value("epochs").toArray().at(1).toObject().value("validationLoss").isNull());
        const QJsonArray tensors = header.value("tensors").toArray();
        QCOMPARE(tensors.size(), 6);
        QCOMPARE(tensors.at(0).toObject().value("name").toString(), QString("dense1.weight"));
        QCOMPARE(tensors.at(0).toObject().value("rows").toInt(), 784);
        QCOMPARE(tensors.at(0).toObject().value("cols").toInt(), 128);
        // The data follows the header, little-endian float32, tensor after tensor.
        const auto& w = *p.weights;
        QCOMPARE(u32At(bytes, 16 + headerLength + 4 * 5), std::bit_cast<std::uint32_t>(w[0].values[5]));
        const std::size_t secondTensor = 16 + headerLength + 4 * w[0].values.size();
        QCOMPARE(u32At(bytes, secondTensor + 4 * 7), std::bit_cast<std::uint32_t>(w[1].values[7]));
    }

    void longHistoryStaysCompactAndQuick()
    {
        Project p;
        p.spec = *preset("mlp");
        p.history = sampleHistory(200000);
        const std::string path = pathOf("long.neurite");
        QElapsedTimer timer;
        timer.start();
        saveProject(p, path);
        const qint64 saveMs = timer.restart();
        const Project loaded = loadProject(path);
        const qint64 loadMs = timer.elapsed();
        const auto size = test::readBytes(path).size();
        qInfo("200,000 batches: %zu bytes, saved in %lld ms, loaded in %lld ms", size, saveMs, loadMs);
        QVERIFY(size < std::size_t(25) << 20);
        compareHistories(loaded.history, p.history);
    }

    void truncatedFilesAreRefusedAtEveryLength()
    {
        const std::string path = pathOf("small.neurite");
        saveProject(smallProject(), path);
        const std::string bytes = test::readBytes(path);
        QVERIFY(bytes.size() > 100);
        const std::string cutPath = pathOf("cut.neurite");
        for (std::size_t length = 0; length < bytes.size(); ++length) {
            test::writeBytes(cutPath, bytes.substr(0, length));
            try {
                loadProject(cutPath);
                QFAIL(qPrintable(QString("a file cut to %1 bytes was accepted").arg(length)));
            } catch (const NeuriteError& e) {
                QVERIFY2(std::string(e.what()).rfind(cutPath + ": ", 0) == 0, e.what());
            }
        }
        // Cut inside the weights, it says so.
        QVERIFY(loadError(bytes.substr(0, bytes.size() - 6)).contains("checksum mismatch: the file is truncated"));
        QVERIFY(loadError(bytes.substr(0, 10)).contains("truncated"));
    }

    void everyFlippedByteIsDetected()
    {
        const std::string path = pathOf("flip.neurite");
        saveProject(smallProject(), path);
        const std::string bytes = test::readBytes(path);
        QCOMPARE(loadError(bytes), QString("<no error>"));
        for (std::size_t offset = 0; offset < bytes.size(); ++offset) {
            std::string damaged = bytes;
            damaged[offset] = char(damaged[offset] ^ 0xff);
            const QString error = loadError(damaged);
            const char* expected = offset < 8    ? "not a Neurite project file"
                                   : offset < 12 ? "was written by a newer Neurite"
                                                 : "checksum mismatch";
            QVERIFY2(error.contains(expected), qPrintable(QString("offset %1: %2").arg(offset).arg(error)));
        }
        // Inside the weights, the message is the plain one.
        std::string damaged = bytes;
        damaged[bytes.size() - 8] ^= 0x01;
        QCOMPARE(loadError(damaged, "d.neurite"),
                 QString::fromStdString(pathOf("d.neurite") + ": checksum mismatch: the file is corrupt"));
    }

    void otherFilesAreNotProjects()
    {
        QCOMPARE(loadError("", "empty.neurite"),
                 QString::fromStdString(pathOf("empty.neurite") + ": not a Neurite project file"));
        QVERIFY(loadError("GIF89a and then some more bytes").endsWith(": not a Neurite project file"));
        QVERIFY(loadError(toJson(*preset("mlp"))).endsWith(": not a Neurite project file"));
        QVERIFY(loadError(std::string("NEURITE", 7)).contains("truncated"));
        const std::string missing = pathOf("missing.neurite");
        QVERIFY(test::errorOrNone([&] {
                    loadProject(missing);
                }).startsWith(QString::fromStdString(missing + ": cannot open")));
        QVERIFY(test::errorOrNone([&] { loadProject(m_dir.path().toStdString()); }).contains("not a regular file"));
    }

    void newerVersionsAreNamed()
    {
        QCOMPARE(loadError(handMadeFile(headerWithTensors("[]"), "", 7), "future.neurite"),
                 QString::fromStdString(
                     pathOf("future.neurite") +
                     ": was written by a newer Neurite (project format 7; this version reads up to 2)"));
        QVERIFY(loadError(handMadeFile(headerWithTensors("[]"), "", 0)).contains("unsupported project format 0"));
        // A handmade file of the current version is fine, and is what the other tests modify.
        QCOMPARE(loadError(handMadeFile(headerWithTensors("[]"), "")), QString("<no error>"));
    }

    void tensorListMustMatchTheData_data()
    {
        QTest::addColumn<QByteArray>("tensors");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        const QByteArray four = QByteArray::fromStdString(floatBytes({1, 2, 3, 4}));
        QTest::newRow("too few bytes") << QByteArray(R"([{"name": "a", "rows": 2, "cols": 2}])") << four.left(12)
                                       << "does not match the weight data (it describes 16 bytes; the file holds 12)";
        QTest::newRow("too many bytes") << QByteArray(R"([{"name": "a", "rows": 1, "cols": 2}])") << four
                                        << "does not match the weight data (it describes 8 bytes; the file holds 16)";
        QTest::newRow("data without tensors") << QByteArray("[]") << four << "does not match the weight data";
        QTest::newRow("enormous") << QByteArray(R"([{"name": "a", "rows": 200000000, "cols": 200000000}])") << four
                                  << "does not match the weight data (it describes over 2 GB; the file holds 16)";
        QTest::newRow("zero rows") << QByteArray(R"([{"name": "a", "rows": 0, "cols": 4}])") << four
                                   << "tensors[0].rows: expected a whole number from 1";
        QTest::newRow("beyond bounds") << QByteArray(R"([{"name": "a", "rows": 1e12, "cols": 1}])") << four
                                       << "tensors[0].rows: expected a whole number from 1";
        QTest::newRow("fractional") << QByteArray(R"([{"name": "a", "rows": 2.5, "cols": 1}])") << four
                                    << "tensors[0].rows: expected a whole number";
        QTest::newRow("no name") << QByteArray(R"([{"rows": 1, "cols": 4}])") << four << "tensors[0]: missing \"name\"";
        QTest::newRow("twice") << QByteArray(
                                      R"([{"name": "a", "rows": 1, "cols": 2}, {"name": "a", "rows": 1, "cols": 2}])")
                               << four << "tensors[1].name: \"a\" is listed twice";
        QTest::newRow("not a list") << QByteArray(R"({"a": 1})") << four << "tensors: expected an array";
        QTest::newRow("NaN") << QByteArray(R"([{"name": "dense1.weight", "rows": 2, "cols": 2}])")
                             << QByteArray::fromStdString(floatBytes({1, std::nanf(""), 3, 4}))
                             << "dense1.weight contains NaN/inf values";
        QTest::newRow("infinity")
            << QByteArray(R"([{"name": "a", "rows": 1, "cols": 1}, {"name": "b", "rows": 1, "cols": 1}])")
            << QByteArray::fromStdString(floatBytes({1, -std::numeric_limits<float>::infinity()}))
            << "b contains NaN/inf values";
    }

    void tensorListMustMatchTheData()
    {
        QFETCH(QByteArray, tensors);
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const QString error = loadError(handMadeFile(headerWithTensors(tensors.toStdString()), data.toStdString()));
        QVERIFY2(error.startsWith(QString::fromStdString(pathOf("damaged.neurite") + ": ")), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void headerProblemsAreNamed_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("message");
        const std::string design = kDesign;
        auto add = [](const char* name, const std::string& header, const char* message) {
            QTest::newRow(name) << QByteArray::fromStdString(header) << QString::fromUtf8(message);
        };
        add("syntax", R"({"design": )", "invalid JSON: parse error at line 1, column 12");
        add("not an object", "[1, 2]", "expected an object");
        add("no design", R"({"ui": {}})", "missing \"design\"");
        add("bad option",
            R"({"design": {"format": "neurite-network", "version": 1, "layers": [{"id": "d", "type": "Dense", "options": {"units": true}}], "connections": []}})",
            "design.layers[0].options.units: expected a number or a string");
        add("newer design",
            R"({"design": {"format": "neurite-network", "version": 2, "layers": [], "connections": []}})",
            "design: was written by a newer Neurite (network format 2; this version reads up to 1)");
        add("batch size text", R"({"design": )" + design + R"(, "settings": {"batchSize": "x"}})",
            "settings.batchSize: expected a whole number");
        add("optimizer bool", R"({"design": )" + design + R"(, "settings": {"optimizer": {"nesterov": 1}}})",
            "settings.optimizer.nesterov: expected true or false");
        add("negative seed", R"({"design": )" + design + R"(, "settings": {"seed": -1}})",
            "settings.seed: expected a whole number from 0");
        add("image channels text", R"({"design": )" + design + R"(, "settings": {"image": {"channels": "rgb"}}})",
            "settings.image.channels: expected a whole number");
        add("augmentation flag", R"({"design": )" + design + R"(, "settings": {"augmentation": {"enabled": 1}}})",
            "settings.augmentation.enabled: expected true or false");
        add("augmentation range", R"({"design": )" + design + R"(, "settings": {"augmentation": {"shift": "x"}}})",
            "settings.augmentation.shift: expected a number or null");
        add("class names", R"({"design": )" + design + R"(, "classNames": ["a", 2]})",
            "classNames[1]: expected a string");
        add("columns differ",
            R"({"design": )" + design + R"(, "history": {"batches": {"loss": [1, 2], "accuracy": [0.5]}}})",
            "history.batches.accuracy: has 1 values but \"loss\" has 2");
        add("epoch field",
            R"({"design": )" + design + R"(, "history": {"epochs": [{"epoch": 1}, {"trainLoss": "low"}]}})",
            "history.epochs[1].trainLoss: expected a number or null");
        add("deep ui", R"({"design": )" + design + R"(, "ui": )" + std::string(100000, '['),
            "JSON is nested deeper than 64 levels");
    }

    void headerProblemsAreNamed()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, message);
        const QString error = loadError(handMadeFile(header.toStdString(), ""));
        const QString expected = QString::fromStdString(pathOf("damaged.neurite") + ": ") + message;
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void unknownAndMissingFieldsAreTolerated()
    {
        const std::string header = R"({"design": )" + std::string(kDesign) +
                                   R"(, "future": {"x": [1]}, "settings": {"epochs": 3, "colour": "red"},
                                         "history": {"batches": {"loss": [0.5, null]}}})";
        test::writeBytes(pathOf("tolerant.neurite"), handMadeFile(header, ""));
        const Project p = loadProject(pathOf("tolerant.neurite"));
        TrainingSettings expected;
        expected.epochs = 3;
        QCOMPARE(p.settings, expected);
        QCOMPARE(p.history.batches.size(), std::size_t(2));
        QCOMPARE(p.history.batches[0].loss, 0.5f);
        QVERIFY(std::isnan(p.history.batches[1].loss));
        QCOMPARE(p.history.batches[1].accuracy, 0.0f);
        QCOMPARE(p.uiStateJson, std::string("{}"));
    }

    void savingReplacesTheFileWithoutLeftovers()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.neurite").toStdString();
        Project p = smallProject();
        saveProject(p, path);
        p.classNames = {"replaced"};
        saveProject(p, path);
        QCOMPARE(entriesOf(dir.path()), QStringList{"p.neurite"});
        QCOMPARE(loadProject(path).classNames, std::vector<std::string>{"replaced"});
    }

    void failedSavesLeaveTheOldFileIntact()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.neurite").toStdString();
        saveProject(smallProject(), path);
        const std::string before = test::readBytes(path);

        Project bad = sampleProject();
        (*bad.weights)[2].values[3] = std::nanf("");
        QVERIFY(test::errorOrNone([&] { saveProject(bad, path); }).contains("dense2.weight"));
        Project badUi = smallProject();
        badUi.uiStateJson = "{not json";
        QVERIFY(test::errorOrNone([&] { saveProject(badUi, path); }).contains("UI state: invalid JSON"));
        QVERIFY(test::readBytes(path) == before);

        // The target is a directory: the rename fails after the data was written.
        const QString blocked = dir.filePath("blocked.neurite");
        QVERIFY(QDir().mkpath(blocked + "/inside"));
        QVERIFY(test::errorOrNone([&] { saveProject(smallProject(), blocked.toStdString()); }).contains(blocked));
        QVERIFY(QFileInfo(blocked + "/inside").isDir());
        QCOMPARE(entriesOf(dir.path()), (QStringList{"blocked.neurite", "p.neurite"}));
        QVERIFY(test::readBytes(path) == before);
    }

    void savingIntoAMissingDirectoryFails()
    {
        QTemporaryDir dir;
        const std::string missing = dir.filePath("no/such/dir/p.neurite").toStdString();
        QVERIFY(
            test::errorOrNone([&] { saveProject(smallProject(), missing); }).contains(QString::fromStdString(missing)));
        const std::string underFile = dir.filePath("file.txt/p.neurite").toStdString();
        test::writeBytes(dir.filePath("file.txt").toStdString(), "x");
        QVERIFY(test::errorOrNone([&] {
                    saveProject(smallProject(), underFile);
                }).contains(QString::fromStdString(underFile)));
        QCOMPARE(entriesOf(dir.path()), QStringList{"file.txt"});
    }

    void savingIntoAReadOnlyDirectoryFails()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.neurite").toStdString();
        saveProject(smallProject(), path);
        const std::string before = test::readBytes(path);
        const QByteArray dirPath = QFile::encodeName(dir.path());
        QCOMPARE(::chmod(dirPath.constData(), 0555), 0);
        const bool writable = ::access(dirPath.constData(), W_OK) == 0;
        QString error;
        if (!writable)
            error = test::errorOrNone([&] { saveProject(sampleProject(), path); });
        ::chmod(dirPath.constData(), 0755);
        if (writable)
            QSKIP("this user (root) may write into read-only directories");
        QVERIFY2(error.contains(QString::fromStdString(path)), qPrintable(error));
        QVERIFY(test::readBytes(path) == before);
        QCOMPARE(entriesOf(dir.path()), QStringList{"p.neurite"});
    }

    void networkFromProjectPredictsIdentically()
    {
        Network trained(*preset("mlp"), 7);
        Project p;
        p.spec = *preset("mlp");
        p.settings.seed = 12345; // a different seed: the loaded network must take the file's weights
        p.weights = trained.weights();
        const std::string path = pathOf("trained.neurite");
        saveProject(p, path);
        Network loaded = networkFromProject(loadProject(path));
        compareWeightsBitwise(loaded.weights(), trained.weights());

        std::mt19937 random(3);
        std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
        Matrix x(5, 784);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x.data()[i] = pixel(random);
        Matrix expected, actual, fresh;
        trained.predict(x, expected);
        loaded.predict(x, actual);
        QCOMPARE(actual.rows(), 5);
        QCOMPARE(actual.cols(), 10);
        QVERIFY(std::memcmp(actual.data(), expected.data(), sizeof(float) * expected.size()) == 0);
        Network seeded(*preset("mlp"), 12345);
        seeded.predict(x, fresh);
        QVERIFY(std::memcmp(fresh.data(), expected.data(), sizeof(float) * expected.size()) != 0);

        // Without weights, the network is the one the settings' seed initialises.
        p.weights.reset();
        Matrix untrained;
        networkFromProject(p).predict(x, untrained);
        QVERIFY(std::memcmp(untrained.data(), fresh.data(), sizeof(float) * fresh.size()) == 0);

        // Weights that do not fit the design are refused, naming the tensor.
        p.weights = Weights{{"dense1.weight", 3, 2, std::vector<float>(6, 0.0f)}};
        QVERIFY(test::errorOrNone([&] { networkFromProject(p); }).contains("dense1.weight"));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
