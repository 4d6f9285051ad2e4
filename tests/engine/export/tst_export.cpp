// Model export inside the engine: the C++ header compiled with g++ against Network::predict (MLPs and CNNs),
// the structure of the ONNX and PyTorch files of image designs, unsupported layers, nothing left behind on
// failure, and the history CSV.
#include "ErrorCapture.h"
#include "ExportDesigns.h"
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
    return chainSpec(20,
                     {dense("dense1", 16, "linear"), layer("leaky", "LeakyReLU", {{"alpha", 0.2}}),
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

// A design with a layer type no exporter knows (a type from a newer Neurite, say).
NetworkSpec unknownLayerSpec()
{
    return chainSpec(16, {layer("lstm1", "LSTM", {{"units", 8.0}}), dense("dense1", 3, "softmax")});
}

// The design of a test row: the MLP with every basic layer ("cross_entropy", "mse"), every image layer
// ("image", "image-mse") or a preset ("lenet", "resnet-small"), with trained-looking weights.
Network designNetwork(const QString& design)
{
    if (design == "cross_entropy" || design == "mse")
        return Network(everyLayerSpec(design.toStdString()), 11);
    Network net(design.startsWith("image") ? everyImageLayerSpec(design == "image-mse" ? "mse" : "cross_entropy")
                                           : *preset(design.toStdString()),
                13);
    setTrainedLikeWeights(net, 17);
    return net;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cppHeaderMatchesNetwork_data()
    {
        QTest::addColumn<QString>("design");
        QTest::newRow("every basic layer, cross-entropy") << "cross_entropy";
        QTest::newRow("every basic layer, mse") << "mse";
        QTest::newRow("every image layer, cross-entropy") << "image";
        QTest::newRow("every image layer, mse") << "image-mse";
        QTest::newRow("lenet") << "lenet";
        QTest::newRow("resnet-small") << "resnet-small";
    }

    void cppHeaderMatchesNetwork()
    {
        QFETCH(QString, design);
        Network net = designNetwork(design);
        QTemporaryDir dir;
        const std::string path = dir.filePath("every_layer.h").toStdString();
        exportCppHeader(net.spec(), net.weights(), path);

        const int inputs = int(net.inputShape().size());
        const Matrix x = randomMatrix(50, inputs, 5, 0.0f, 1.0f);
        Matrix expected;
        net.predict(x, expected);
        const Matrix actual = predictWithHeader(dir.path(), "every_layer.h", "every_layer", x, net.outputSize());
        QVERIFY2(maxAbsDiff(actual, expected) < 1e-5, qPrintable(QString::number(maxAbsDiff(actual, expected))));
        if (!design.contains("mse"))
            QVERIFY(std::abs(actual.row(0).sum() - 1.0f) < 1e-5f);
    }

    // The files of an image design say what each layer is: ONNX ops and attributes (as protobuf strings),
    // the PyTorch modules with their padding, the npz shapes, and the C++ header's kernels.
    void imageDesignFilesDescribeTheirLayers()
    {
        Network net = designNetwork("image");
        QTemporaryDir dir;
        const std::string onnxPath = dir.filePath("m.onnx").toStdString();
        exportOnnx(net.spec(), net.weights(), onnxPath);
        const std::string onnx = readFile(onnxPath);
        for (const char* op : {"Conv", "MaxPool", "AveragePool", "BatchNormalization", "Concat", "Add", "Flatten",
                               "GlobalAveragePool", "Gemm", "LeakyRelu", "count_include_pad", "pads"})
            QVERIFY2(contains(onnx, op), op);

        const fs::path folder = dir.filePath("torch").toStdString();
        exportTorch(net.spec(), net.weights(), {}, folder.string());
        const std::string module = readFile((folder / "model.py").string());
        for (const char* line : {"x = x.reshape(-1, *INPUT_SHAPE)",
                                 "self.conv_same = nn.Conv2d(1, 4, 3, stride=1, padding=(1, 1), bias=True)",
                                 "self.conv_even = nn.Conv2d(4, 4, 4, stride=2, padding=(0, 0), bias=True)",
                                 "F.leaky_relu(self.conv_even(F.pad(max, (1, 2, 1, 2))), 0.01)",
                                 "self.conv_explicit = nn.Conv2d(4, 3, 3, stride=2, padding=(1, 1), bias=True)",
                                 "self.conv_1x1 = nn.Conv2d(7, 7, 1, stride=1, padding=(0, 0), bias=False)",
                                 "self.max = nn.MaxPool2d(3, stride=2)", "self.avg = nn.AvgPool2d(2, stride=2)",
                                 "self.bn_image = nn.BatchNorm2d(7, eps=0.001, momentum=0.1)",
                                 "self.bn_flat = nn.BatchNorm1d(16, eps=1e-05, momentum=0.1)",
                                 "join = torch.cat([conv_even, conv_explicit], dim=1)", "add = bn_image + conv_1x1",
                                 "gap = add.mean(dim=(2, 3), keepdim=True)",
                                 "join_flat = torch.cat([gap.flatten(1), drop], dim=1)", "flatten = avg.flatten(1)"})
            QVERIFY2(contains(module, line), line);
        const std::string npz = readFile((folder / "weights.npz").string());
        QVERIFY(contains(npz, "'shape': (4, 4, 4, 4), }")); // conv_even.weight (out, in, kh, kw)
        QVERIFY(contains(npz, "bn_image.running_var.npy"));

        const std::string headerPath = dir.filePath("m.h").toStdString();
        exportCppHeader(net.spec(), net.weights(), headerPath);
        const std::string header = readFile(headerPath);
        QVERIFY(contains(header, "detail::conv2d(max_out, detail::Window{4, 13, 13, 4, 2, 1, 1, 7, 7}, 4, "
                                 "conv_even_weight, conv_even_bias, conv_even_out);"));
        QVERIFY(contains(header, "inline constexpr float bn_image_var[7] = {"));
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
        const NetworkSpec spec = unknownLayerSpec();
        const auto message = [](const std::function<void()>& f) {
            try {
                f();
            } catch (const NeuriteError& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        QCOMPARE(message([&] { exportCppHeader(spec, {}, header); }),
                 std::string("cannot export layer 'lstm1' (LSTM) to the C++ header format"));
        QCOMPARE(message([&] { exportOnnx(spec, {}, dir.filePath("model.onnx").toStdString()); }),
                 std::string("cannot export layer 'lstm1' (LSTM) to the ONNX format"));
        QCOMPARE(message([&] { exportTorch(spec, {}, {}, dir.filePath("torch").toStdString()); }),
                 std::string("cannot export layer 'lstm1' (LSTM) to the PyTorch format"));
        // The old file is untouched and nothing else was written.
        QCOMPARE(readFile(header), std::string("old"));
        QCOMPARE(entries(dir.path()), QStringList{"model.h"});
    }

    void nothingHalfWrittenOnFailure()
    {
        QTemporaryDir dir;
        const NetworkSpec spec = chainSpec(4, {dense("dense1", 3, "relu"), dense("dense2", 2, "softmax")});
        Weights weights = Network(spec, 1).weights();
        weights.pop_back(); // dense2.bias is missing
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
                 (QStringList{"README.md", "model.py", "neurite_data.py", "train.py", "weights.npz"}));
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
        BatchReport b{1, 1, 2, 1, 0.75f, 0.5f, 0.001f, 4000, 0.5};
        BatchReport b2{1, 2, 2, 2, 0.625f, 0.8125f, 0.001f, 5000, 1.0};
        BatchReport b3{2, 1, 2, 3, 0.1f, 1.0f, 0.0005f, 6000, 1.75};
        BatchReport stopped{3, 1, 2, 5, std::nanf(""), 0.25f, 0.0005f, 6000, 3.5}; // the run stopped in epoch 3
        h.batches = {b, b2, b3, stopped};
        QTemporaryDir dir;
        const std::string path = dir.filePath("history.csv").toStdString();
        exportHistoryCsv(h, path);
        // As QStrings, so that a failure shows both texts.
        QCOMPARE(QString::fromStdString(readFile(path)),
                 QString("kind,epoch,batch,step,loss,accuracy,validation_loss,validation_accuracy,learning_rate,"
                         "seconds,samples_per_second,best\n"
                         "batch,1,1,1,0.75,0.5,,,0.001,0.500000,4000.000000,\n"
                         "batch,1,2,2,0.625,0.8125,,,0.001,1.000000,5000.000000,\n"
                         "epoch,1,,,0.5,0.875,,,0.001,1.250000,8000.000000,1\n"
                         "batch,2,1,3,0.1,1,,,5e-04,1.750000,6000.000000,\n"
                         "epoch,2,,,0.25,0.875,0.375,0.9,0.001,1.250000,8000.000000,0\n"
                         "batch,3,1,5,,0.25,,,5e-04,3.500000,6000.000000,\n"));
        QCOMPARE(neurite::historyCsv(h), readFile(path));
        // A file that cannot be written is named in the error.
        const QString error = test::errorOrNone([&] { exportHistoryCsv(h, "/nonexistent-dir/history.csv"); });
        QVERIFY2(error.contains("/nonexistent-dir/history.csv"), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestExport)
#include "tst_export.moc"
