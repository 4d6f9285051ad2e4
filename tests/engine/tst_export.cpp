// Model export inside the engine: the C++ header compiled with g++ against Network::predict, unsupported
// layers, nothing left behind on failure, and the history CSV.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace neurite;
using namespace neurite::test;

namespace {

namespace fs = std::filesystem;

LayerSpec layer(const std::string& id, const std::string& type, LayerOptions options = {})
{
    return {id, type, std::move(options)};
}

// Every layer type the exporters know, a Dense without bias, and a final Dense softmax folded into the loss.
// Each activation sees negative inputs (so a wrong slope or a missing ReLU shows).
NetworkSpec everyLayerSpec(const std::string& loss)
{
    LayerSpec noBias = dense("dense3", 8, "sigmoid");
    noBias.options["bias"] = 0.0;
    return chainSpec(20, {dense("dense1", 16, "linear"), layer("leaky", "LeakyReLU", {{"alpha", 0.2}}),
                          dense("dense2", 12, "tanh"), layer("drop", "Dropout", {{"rate", 0.3}}), noBias,
                          layer("sig", "Sigmoid"), layer("tanh", "Tanh"), dense("dense4", 10, "leaky_relu"),
                          dense("dense5", 9, "linear"), layer("relu", "ReLU"), dense("dense6", 6, "softmax"),
                          layer("soft", "Softmax")},
                     loss);
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden, QDir::Name);
}

// Compiles a program around `header` with g++ and returns its predictions for the rows of `x`.
Matrix predictWithHeader(const QString& dir, const QString& header, const QString& ns, const Matrix& x, int outputs)
{
    const QString source = dir + "/main.cpp";
    std::ofstream(source.toStdString())
        << "#include \"" << header.toStdString() << "\"\n#include <cstdio>\n"
        << "int main(int, char** argv) {\n"
        << "    std::FILE* in = std::fopen(argv[1], \"rb\");\n    std::FILE* out = std::fopen(argv[2], \"wb\");\n"
        << "    float x[" << ns.toStdString() << "::kInputSize], y[" << ns.toStdString() << "::kOutputSize];\n"
        << "    while (std::fread(x, sizeof x, 1, in) == 1) {\n"
        << "        " << ns.toStdString() << "::predict(x, y);\n        std::fwrite(y, sizeof y, 1, out);\n    }\n"
        << "    return std::fclose(out) == 0 ? 0 : 1;\n}\n";
    QProcess gxx;
    gxx.start("g++", {"-std=c++17", "-O1", "-Wall", "-Wextra", "-pedantic", "-Werror", "-I", dir, source, "-o",
                      dir + "/predict"});
    if (!gxx.waitForFinished(120000) || gxx.exitCode() != 0)
        qFatal("g++ failed: %s", gxx.readAllStandardError().constData());
    std::ofstream(dir.toStdString() + "/in.bin", std::ios::binary)
        .write(reinterpret_cast<const char*>(x.data()), std::streamsize(x.size() * sizeof(float)));
    QProcess run;
    run.start(dir + "/predict", {dir + "/in.bin", dir + "/out.bin"});
    if (!run.waitForFinished(60000) || run.exitCode() != 0)
        qFatal("the compiled program failed");
    const std::string bytes = readFile(dir.toStdString() + "/out.bin");
    Matrix y(x.rows(), outputs);
    if (bytes.size() != std::size_t(y.size()) * sizeof(float))
        qFatal("the compiled program wrote %zu bytes", bytes.size());
    std::memcpy(y.data(), bytes.data(), bytes.size());
    return y;
}

double maxAbsDiff(const Matrix& a, const Matrix& b)
{
    return double((a - b).cwiseAbs().maxCoeff());
}

// A design with a layer type no exporter knows yet (as Conv2D is until the exporters learn it).
NetworkSpec convSpec()
{
    return chainSpec(16, {layer("conv1", "Conv2D", {{"filters", 8.0}}), dense("dense1", 3, "softmax")});
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cppHeaderMatchesNetwork_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::newRow("cross-entropy") << "cross_entropy";
        QTest::newRow("mse") << "mse";
    }

    void cppHeaderMatchesNetwork()
    {
        QFETCH(QString, loss);
        Network net(everyLayerSpec(loss.toStdString()), 11);
        QTemporaryDir dir;
        const std::string path = dir.filePath("every_layer.h").toStdString();
        exportCppHeader(net.spec(), net.weights(), path);

        const Matrix x = randomMatrix(50, 20, 5, 0.0f, 1.0f);
        Matrix expected;
        net.predict(x, expected);
        const Matrix actual = predictWithHeader(dir.path(), "every_layer.h", "every_layer", x, 6);
        QVERIFY2(maxAbsDiff(actual, expected) < 1e-5, qPrintable(QString::number(maxAbsDiff(actual, expected))));
        if (loss == "cross_entropy")
            QVERIFY(std::abs(actual.row(0).sum() - 1.0f) < 1e-5f);
    }

    void cppHeaderOfTrainedLogisticPreset()
    {
        Network net(*preset("logistic"), 3);
        TrainingSettings settings;
        settings.epochs = 1;
        settings.threads = 1;
        const Dataset data = blobs(10, 10, 784, 7);
        train(net, data, settings);
        QTemporaryDir dir;
        exportCppHeader(net.spec(), net.weights(), dir.filePath("digits.h").toStdString());
        const std::string text = readFile(dir.filePath("digits.h").toStdString());
        QVERIFY(text.find("inline constexpr float dense1_weight[7840]") != std::string::npos);
        QVERIFY(text.find("namespace digits {") != std::string::npos);

        Matrix x(50, 784);
        std::vector<std::uint32_t> indices(50);
        for (std::uint32_t i = 0; i < 50; ++i)
            indices[i] = i * 2;
        gatherBatch(data.test, indices.data(), 50, x);
        Matrix expected;
        net.predict(x, expected);
        const Matrix actual = predictWithHeader(dir.path(), "digits.h", "digits", x, 10);
        QVERIFY2(maxAbsDiff(actual, expected) < 1e-5, qPrintable(QString::number(maxAbsDiff(actual, expected))));
    }

    void unsupportedLayerNamesLayerAndFormat()
    {
        QTemporaryDir dir;
        const std::string header = dir.filePath("model.h").toStdString();
        std::ofstream(header) << "old";
        const NetworkSpec spec = convSpec();
        const auto message = [](const std::function<void()>& f) {
            try {
                f();
            } catch (const NeuriteError& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        QCOMPARE(message([&] { exportCppHeader(spec, {}, header); }),
                 std::string("cannot export layer 'conv1' (Conv2D) to the C++ header format"));
        QCOMPARE(message([&] { exportOnnx(spec, {}, dir.filePath("model.onnx").toStdString()); }),
                 std::string("cannot export layer 'conv1' (Conv2D) to the ONNX format"));
        QCOMPARE(message([&] { exportTorch(spec, {}, {}, dir.filePath("torch").toStdString()); }),
                 std::string("cannot export layer 'conv1' (Conv2D) to the PyTorch format"));
        // The old file is untouched and nothing else was written.
        QCOMPARE(readFile(header), std::string("old"));
        QCOMPARE(entries(dir.path()), QStringList{"model.h"});
    }

    void nothingHalfWrittenOnFailure()
    {
        QTemporaryDir dir;
        const NetworkSpec spec = chainSpec(4, {dense("dense1", 3, "relu"), dense("dense2", 2, "softmax")});
        Weights weights = Network(spec, 1).weights();
        weights.pop_back();  // dense2.bias is missing
        const fs::path folder = dir.filePath("torch").toStdString();
        fs::create_directories(folder);
        std::ofstream(folder / "model.py") << "previous export";
        for (const auto& exportTo : std::vector<std::function<void()>>{
                 [&] { exportCppHeader(spec, weights, dir.filePath("m.h").toStdString()); },
                 [&] { exportOnnx(spec, weights, dir.filePath("m.onnx").toStdString()); },
                 [&] { exportTorch(spec, weights, {}, folder.string()); }}) {
            try {
                exportTo();
                QFAIL("an export with a missing tensor succeeded");
            } catch (const NeuriteError& e) {
                QVERIFY2(std::string(e.what()).find("'dense2.bias'") != std::string::npos, e.what());
            }
        }
        QCOMPARE(entries(dir.path()), QStringList{"torch"});
        QCOMPARE(entries(QString::fromStdString(folder.string())), QStringList{"model.py"});
        QCOMPARE(readFile((folder / "model.py").string()), std::string("previous export"));
    }

    void torchFolderReplacesOldExportWhole()
    {
        QTemporaryDir dir;
        const NetworkSpec spec = chainSpec(4, {dense("dense1", 2, "softmax")});
        const fs::path folder = dir.filePath("torch").toStdString();
        fs::create_directories(folder);
        std::ofstream(folder / "stale.txt") << "from an older export";
        exportTorch(spec, Network(spec, 1).weights(), {}, folder.string());
        QCOMPARE(entries(QString::fromStdString(folder.string())),
                 (QStringList{"README.md", "model.py", "train.py", "weights.npz"}));
        QCOMPARE(entries(dir.path()), QStringList{"torch"});
        const std::string npz = readFile((folder / "weights.npz").string());
        QCOMPARE(npz.substr(0, 4), std::string("PK\x03\x04", 4));
        // dense1.weight is stored (out, in) = (2, 4) for nn.Linear.
        QVERIFY(npz.find("'shape': (2, 4), }") != std::string::npos);
        QVERIFY(npz.find("'shape': (2,), }") != std::string::npos);
    }

    void historyCsv()
    {
        TrainingHistory h;
        EpochReport e1;
        e1.epoch = 1;
        e1.epochs = 2;
        e1.trainLoss = 0.5f;
        e1.trainAccuracy = 0.875f;
        e1.learningRate = 0.001f;
        e1.seconds = 1.25;
        e1.samplesPerSecond = 8000;
        e1.best = true;
        EpochReport e2 = e1;
        e2.epoch = 2;
        e2.trainLoss = 0.25f;
        e2.validationLoss = 0.375f;
        e2.validationAccuracy = 0.9f;
        e2.best = false;
        h.epochs = {e1, e2};
        QTemporaryDir dir;
        const std::string path = dir.filePath("history.csv").toStdString();
        exportHistoryCsv(h, path);
        QCOMPARE(readFile(path),
                 std::string("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,"
                             "seconds,samples_per_second,best\n"
                             "1,0.5,0.875,,,0.001,1.250000,8000.000000,1\n"
                             "2,0.25,0.875,0.375,0.9,0.001,1.250000,8000.000000,0\n"));
    }
};

QTEST_APPLESS_MAIN(TestExport)
#include "tst_export.moc"
