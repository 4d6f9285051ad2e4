// Models that PyTorch itself builds and exports with torch.onnx.export (torch_models.py: MLPs ending in softmax
// or logits, a CNN with its BatchNorm folded or kept as a node, a residual Add, a Concat, x.view's Shape
// subgraph, padding in a Conv, in a Pad before one and with a stride, and what else users export: more layer
// types, opsets 9 to 17, a fixed batch of 1) must, once imported, predict what PyTorch predicts: the same
// probabilities within 1e-5 on random inputs, and the same class for every mnist-10k test image for the
// models trained on it. Also what a user sees of an import: the layers, their ids from PyTorch's module
// names, the Pad merged into its Conv, and a note exactly when raw scores became probabilities.
// Fails (never skips) when Debian's python3-torch, python3-onnx, python3-numpy or mnist-10k are missing.
#include "FloatFiles.h"
#include "FileBytes.h"
#include "ProcessRun.h"
#include "PythonRun.h"
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/Error.h"
#include "neurite/Network.h"
#include "neurite/OnnxImport.h"
#include "neurite/ProjectFile.h"

#include <QtTest>

#include <cstring>
#include <fstream>
#include <iterator>

using namespace neurite;
using namespace neurite::test;

namespace {

constexpr Eigen::Index kSamples = 200; // random inputs per model (torch_models.py's SAMPLES)
constexpr Eigen::Index kFeatures = 784;
constexpr Eigen::Index kClasses = 10;
constexpr double kTolerance = 1e-5;

Eigen::Index argmaxOfRow(const Matrix& m, Eigen::Index row)
{
    Eigen::Index best = 0;
    m.row(row).maxCoeff(&best);
    return best;
}

QStringList layerTypes(const NetworkSpec& spec)
{
    QStringList types;
    for (const LayerSpec& layer : spec.layers)
        types << QString::fromStdString(layer.type);
    return types;
}

// The one layer whose id contains `module` (a PyTorch module name such as "conv2"); null when none or several.
const LayerSpec* layerOfModule(const NetworkSpec& spec, const std::string& module)
{
    const LayerSpec* found = nullptr;
    for (const LayerSpec& layer : spec.layers) {
        if (layer.id.find(module) == std::string::npos)
            continue;
        if (found)
            return nullptr;
        found = &layer;
    }
    return found;
}

QString joined(const std::vector<std::string>& lines)
{
    QStringList list;
    for (const std::string& line : lines)
        list << QString::fromStdString(line);
    return list.join("; ");
}

} // namespace

class TestOnnxTorch : public QObject {
    Q_OBJECT

    QTemporaryDir m_models; // torch_models.py's output: NAME.onnx, NAME.inputs.f32, NAME.outputs.f32, ...
    Dataset m_mnist;

    QString file(const QString& name, const QString& suffix) const { return m_models.filePath(name + suffix); }

    // The import of NAME.onnx; `error` gets the importer's own message when it throws.
    bool importModel(const QString& name, OnnxImport& imported, QString& error) const
    {
        try {
            imported = importOnnx(file(name, ".onnx").toStdString());
            return true;
        } catch (const NeuriteError& e) {
            error = QString::fromUtf8(e.what()); // the importer names the file
            return false;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess probe;
        probe.start(kPython, {"-c", "import torch, onnx, numpy"});
        QVERIFY2(finish(probe).status == 0, "Debian's python3-torch, python3-onnx and python3-numpy are needed "
                                            "(test.sh installs them; or apt-get install them)");
        if (!mnist10kAvailable())
            QFAIL("mnist-10k is not prepared: run ./test.sh (it prepares the data set) first");
        m_mnist = loadDataset("mnist-10k");
        QVERIFY(m_models.isValid());

        // CTest sets NEURITE_SOURCE_DIR; by hand, run from the source folder.
        const QString root = qEnvironmentVariable("NEURITE_SOURCE_DIR", QStringLiteral("."));
        QProcess python;
        python.start(kPython, {root + "/tests/engine/import/torch_models.py", m_models.path(),
                               QString::fromStdString(resolveDataSetFolder("mnist-10k"))});
        const ProcessRun run = finish(python, 300000 * kSanitizerSlowdown);
        QVERIFY2(run.status == 0, qPrintable("torch_models.py failed:\n" + run.out + run.err));
        qInfo("%s", qPrintable(run.out.trimmed())); // the ops of each export and PyTorch's accuracies
    }

    void importedModelPredictsWhatTorchPredicts_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("logits"); // whether the PyTorch model ends in raw scores rather than a softmax
        QTest::newRow("MLP, F.softmax") << "mlp_softmax" << false;
        QTest::newRow("MLP, logits") << "mlp_logits" << true;
        QTest::newRow("CNN, BatchNorm folded") << "cnn_folded" << true;
        QTest::newRow("CNN, BatchNorm kept") << "cnn_batchnorm" << true;
        QTest::newRow("residual Add, nn.Softmax") << "residual" << false;
        QTest::newRow("torch.cat") << "concat" << true;
        QTest::newRow("x.view, F.softmax") << "view" << false;
        QTest::newRow("Linear without bias, BatchNorm1d, Dropout, activations") << "mlp_layers" << true;
        QTest::newRow("AvgPool2d, AdaptiveAvgPool2d(1), conv without bias") << "cnn_pools" << true;
        QTest::newRow("F.pad on the right and bottom") << "pad_asymmetric" << true;
        QTest::newRow("MLP, opset 9") << "mlp_opset9" << false;
        QTest::newRow("CNN, opset 11") << "cnn_opset11" << true;
        QTest::newRow("CNN, opset 17") << "cnn_opset17" << true;
        QTest::newRow("CNN, opset 9, weights as inputs") << "cnn_opset9_weight_inputs" << true;
        QTest::newRow("x.view, fixed batch of 1") << "view_static" << false;
        QTest::newRow("nn.Sequential in modules") << "nested" << true;
        QTest::newRow("strided residual block with a 1x1 shortcut") << "downsample" << true;
        QTest::newRow("BatchNorm after ReLU") << "relu_batchnorm" << true;
        QTest::newRow("torch.cat of two Linear") << "dense_concat" << true;
        QTest::newRow("MLP, F.log_softmax") << "mlp_log_softmax" << false;
    }

    // Probabilities for 200 random inputs (logits models softmaxed by the script), as PyTorch computes them;
    // the notes tell the user when the model's raw scores became probabilities, and only then.
    void importedModelPredictsWhatTorchPredicts()
    {
        QFETCH(QString, model);
        QFETCH(bool, logits);
        OnnxImport imported;
        QString error;
        QVERIFY2(importModel(model, imported, error), qPrintable(error));
        Network net = networkFromProject(imported.project);

        const Matrix x = readFloats(file(model, ".inputs.f32"), kSamples, kFeatures);
        const Matrix expected = readFloats(file(model, ".outputs.f32"), kSamples, kClasses);
        QVERIFY(x.size() > 0 && expected.size() > 0);
        Matrix y;
        net.predict(x, y);
        QCOMPARE(y.rows(), kSamples);
        QCOMPARE(y.cols(), kClasses);
        QVERIFY(y.allFinite()); // a NaN would not show in the largest difference
        const double diff = double((y - expected).cwiseAbs().maxCoeff());
        qInfo("%s: largest difference from PyTorch %.3g (notes: %s)", qPrintable(model), diff,
              qPrintable(joined(imported.notes)));
        QVERIFY2(diff <= kTolerance, qPrintable(QString::number(diff)));
        QVERIFY2(joined(imported.notes).contains("logits") == logits, qPrintable(joined(imported.notes)));
    }

    void testSetPredictionsAreTorchs_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("reference"); // whose PyTorch predictions (the same trained network)
        QTest::newRow("trained MLP") << "mlp_softmax"
                                     << "mlp_softmax";
        QTest::newRow("trained CNN, BatchNorm folded") << "cnn_folded"
                                                       << "cnn_folded";
        QTest::newRow("trained CNN, BatchNorm kept") << "cnn_batchnorm"
                                                     << "cnn_folded";
        QTest::newRow("trained MLP, opset 9") << "mlp_opset9"
                                              << "mlp_softmax";
        QTest::newRow("trained CNN, opset 11") << "cnn_opset11"
                                               << "cnn_folded";
        QTest::newRow("trained CNN, opset 17") << "cnn_opset17"
                                               << "cnn_folded";
    }

    // The same class for every mnist-10k test image, hence the same accuracy. Neurite reads the images
    // through its own data set loader; the script reads the IDX files with numpy.
    void testSetPredictionsAreTorchs()
    {
        QFETCH(QString, model);
        QFETCH(QString, reference);
        OnnxImport imported;
        QString error;
        QVERIFY2(importModel(model, imported, error), qPrintable(error));
        Network net = networkFromProject(imported.project);

        const SampleSet& test = m_mnist.test;
        const auto count = Eigen::Index(test.count());
        const Matrix expected = readFloats(file(reference, ".test.f32"), count, kClasses);
        const std::string torchClasses = readBytes(file(reference, ".test.u8").toStdString());
        QVERIFY(expected.size() > 0);
        QCOMPARE(torchClasses.size(), test.count());
        Matrix y;
        net.predict(allSamples(test), y);
        QCOMPARE(y.rows(), count);
        QVERIFY(y.allFinite());

        int differing = 0, neuriteCorrect = 0, torchCorrect = 0;
        for (Eigen::Index i = 0; i < count; ++i) {
            const Eigen::Index ours = argmaxOfRow(y, i), theirs = std::uint8_t(torchClasses[std::size_t(i)]);
            differing += ours != theirs;
            neuriteCorrect += ours == test.labels[std::size_t(i)];
            torchCorrect += theirs == test.labels[std::size_t(i)];
        }
        const double diff = double((y - expected).cwiseAbs().maxCoeff());
        qInfo("%s on %d test images: accuracy %.2f%% in Neurite, %.2f%% in PyTorch; %d predictions differ; "
              "largest probability difference %.3g",
              qPrintable(model), int(count), 100.0 * neuriteCorrect / double(count),
              100.0 * torchCorrect / double(count), differing, diff);
        QCOMPARE(differing, 0);
        QCOMPARE(neuriteCorrect, torchCorrect);
        QVERIFY2(diff <= kTolerance, qPrintable(QString::number(diff)));
    }

    // The design a user opens: PyTorch's layers in order, with ids from its module names.
    void designShowsTheTorchModules()
    {
        OnnxImport imported;
        QString error;
        QVERIFY2(importModel("cnn_batchnorm", imported, error), qPrintable(error));
        const NetworkSpec& spec = imported.project.spec;
        QCOMPARE(layerTypes(spec), QStringList({"Input", "Conv2D", "BatchNorm", "ReLU", "MaxPool2D", "Conv2D", "ReLU",
                                                "Flatten", "Dense", "Output"}));
        for (const char* module : {"conv1", "bn1", "pool", "conv2", "fc"})
            QVERIFY2(layerOfModule(spec, module), module);
        QCOMPARE(layerOfModule(spec, "conv1")->type, std::string("Conv2D"));
        QCOMPARE(layerOfModule(spec, "bn1")->type, std::string("BatchNorm"));
        QCOMPARE(layerOfModule(spec, "fc")->type, std::string("Dense"));
        const LayerSpec& input = spec.layers.front();
        QCOMPARE(input.number("channels", 0), 1.0);
        QCOMPARE(input.number("height", 0), 28.0);
        QCOMPARE(input.number("width", 0), 28.0);

        QVERIFY2(importModel("mlp_softmax", imported, error), qPrintable(error));
        QVERIFY2(layerOfModule(imported.project.spec, "fc1"), qPrintable(layerTypes(imported.project.spec).join(" ")));
        QCOMPARE(layerOfModule(imported.project.spec, "fc1")->type, std::string("Dense"));
        QCOMPARE(layerOfModule(imported.project.spec, "fc2")->type, std::string("Dense"));

        // The node "/features/features.0/Conv" is module features.0 (its scope names every parent again).
        QVERIFY2(importModel("nested", imported, error), qPrintable(error));
        const LayerSpec& conv = imported.project.spec.layers.at(1);
        QCOMPARE(conv.type, std::string("Conv2D"));
        const QString id = QString::fromStdString(conv.id);
        QVERIFY2(id.startsWith("features") && id.endsWith("0") && id.count("features") == 1, qPrintable(id));
    }

    // nn.ZeroPad2d(1) before conv2 (3x3, stride 2) becomes conv2's own padding, and conv1's padding=1 stays.
    void padBeforeAConvIsMergedIntoIt()
    {
        OnnxImport imported;
        QString error;
        QVERIFY2(importModel("cnn_folded", imported, error), qPrintable(error));
        const NetworkSpec& spec = imported.project.spec;
        QCOMPARE(layerTypes(spec), QStringList({"Input", "Conv2D", "ReLU", "MaxPool2D", "Conv2D", "ReLU", "Flatten",
                                                "Dense", "Output"})); // BatchNorm folded, no layer for the Pad
        for (const LayerSpec& layer : spec.layers)
            QVERIFY2(layer.id.find("pad") == std::string::npos, layer.id.c_str());

        const LayerSpec* conv2 = layerOfModule(spec, "conv2");
        QVERIFY(conv2);
        QCOMPARE(conv2->text("padding", ""), std::string("explicit"));
        QCOMPARE(conv2->number("pad", -1), 1.0);
        QCOMPARE(conv2->number("stride", -1), 2.0);
        QCOMPARE(conv2->number("kernel", -1), 3.0);

        // 3x3 with 1 on every side: "same" and "explicit" with pad 1 say the same at stride 1.
        const LayerSpec* conv1 = layerOfModule(spec, "conv1");
        QVERIFY(conv1);
        const std::string padding = conv1->text("padding", "");
        QVERIFY2(padding == "same" || (padding == "explicit" && conv1->number("pad", -1) == 1.0), padding.c_str());
        QVERIFY2(joined(imported.notes).contains("Pad"), qPrintable(joined(imported.notes)));
    }

    // A model with several nodes Neurite has no layer for is refused with one error naming every one of
    // them (the script finds them in the file: a grouped and a dilated Conv, a reflection Pad, a Resize).
    void unsupportedNodesAreNamedAtOnce()
    {
        const QStringList nodes = QString::fromStdString(readBytes(file("unsupported", ".nodes").toStdString()))
                                      .split('\n', Qt::SkipEmptyParts);
        QCOMPARE(nodes.size(), 4);
        OnnxImport imported;
        QString error;
        QVERIFY2(!importModel("unsupported", imported, error), "a model with a grouped conv imported");
        qInfo("%s", qPrintable(error));
        QVERIFY2(error.contains("unsupported.onnx"), qPrintable(error)); // the file, as the importer names it
        for (const QString& node : nodes)
            QVERIFY2(error.contains("'" + node + "'"), qPrintable(node + " is not named in: " + error));
    }
};

QTEST_APPLESS_MAIN(TestOnnxTorch)
#include "tst_onnxtorch.moc"
