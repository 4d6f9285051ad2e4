// Exports read by independent tools (Debian's python3-onnx, python3-opencv, python3-torch): ONNX's checker,
// OpenCV's dnn and PyTorch must give Neurite's predictions (MLPs, the CNN presets and a graph with every
// image layer), and train.py must train with DDP.
// These tests fail (never skip) when the Python packages are missing: test.sh installs them.
#include "ExportDesigns.h"
#include "FloatFiles.h"
#include "LocalPort.h"
#include "PythonRun.h"
#include "TestSupport.h"
#include "neurite/IdxFile.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cstring>
#include <fstream>

using namespace neurite;
using namespace neurite::test;

namespace {

const char* const kOnnxScript = R"PY(
import sys
import numpy as np
import onnx
import cv2
path, inputs, rows, shape, outputs, version = sys.argv[1:7]
rows, shape = int(rows), [int(d) for d in shape.split(",")]  # "784" or "1,28,28"
model = onnx.load(path)
onnx.checker.check_model(model)
onnx.shape_inference.infer_shapes(model, strict_mode=True)
assert model.producer_name == "Neurite", model.producer_name
assert model.producer_version == version, model.producer_version
assert [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")] == [13]
graph_input = model.graph.input[0]
dims = graph_input.type.tensor_type.shape.dim
assert graph_input.name == "input" and dims[0].dim_param == "N", graph_input
assert [d.dim_value for d in dims[1:]] == shape, graph_input
assert model.graph.output[0].name == "probabilities"
for node in model.graph.node:
    if node.op_type == "Gemm":
        assert any(a.name == "transB" and a.i == 1 for a in node.attribute), node
x = np.fromfile(inputs, dtype=np.float32).reshape(rows, *shape)
net = cv2.dnn.readNetFromONNX(path)
net.setInput(x)
np.ascontiguousarray(net.forward(), dtype=np.float32).tofile(outputs)
pads = {n.name: ",".join(map(str, a.ints)) if a.name == "pads" else a.s.decode()
        for n in model.graph.node if n.op_type == "Conv" for a in n.attribute if a.name in ("pads", "auto_pad")}
print(" ".join(sorted({node.op_type for node in model.graph.node})))
print(" ".join(f"{name}={p}" for name, p in sorted(pads.items())))
)PY";

const char* const kTorchScript = R"PY(
import sys
import numpy as np
import torch
folder, weights, inputs, rows, features, outputs = sys.argv[1:7]
sys.path.insert(0, folder)
import model
net = model.load(weights)
x = torch.from_numpy(np.fromfile(inputs, dtype=np.float32).reshape(int(rows), int(features)))
y = net.predict(x)
assert torch.equal(y, net.predict(x.reshape(len(x), *model.INPUT_SHAPE))), "(N, C, H, W) input differs"
y.numpy().astype(np.float32).tofile(outputs)
print(type(net).__name__, sum(p.numel() for p in net.parameters()))
)PY";

// 200 test images (20 per class) of synthetic 28 x 28 digits-like blobs, and 200 for training.
Dataset testData()
{
    Dataset data = blobs(20, 10, 784, 42);
    for (SampleSet* set : {&data.train, &data.test}) {
        set->rows = 28;
        set->cols = 28;
    }
    return data;
}

// The reference MLP trained for one epoch: real trained weights in a few hundred milliseconds.
Network trainedMlp(const Dataset& data)
{
    Network net(*preset("mlp"), 5);
    TrainingSettings settings;
    settings.epochs = 1;
    settings.batchSize = 16;
    settings.threads = 1;
    train(net, data, settings);
    return net;
}

LayerSpec layer(const std::string& id, const std::string& type, LayerOptions options = {})
{
    return {id, type, std::move(options)};
}

// Every layer type the exporters know, a Dense without bias, and a final Softmax layer folded into the loss.
// Each activation sees negative inputs (so a wrong slope or a missing ReLU shows).
NetworkSpec everyLayerSpec(const std::string& loss)
{
    LayerSpec noBias = dense("dense3", 16, "sigmoid");
    noBias.options["bias"] = 0.0;
    NetworkSpec spec = chainSpec(1,
                                 {dense("dense1", 32, "linear"), layer("leaky", "LeakyReLU", {{"alpha", 0.2}}),
                                  dense("dense2", 24, "tanh"), layer("drop", "Dropout", {{"rate", 0.3}}), noBias,
                                  layer("sig", "Sigmoid"), layer("tanh", "Tanh"), dense("dense4", 12, "leaky_relu"),
                                  dense("dense5", 12, "linear"), layer("relu", "ReLU"), dense("dense6", 10, "linear"),
                                  layer("soft", "Softmax")},
                                 loss);
    spec.layers.front().options = {{"channels", 1.0}, {"height", 28.0}, {"width", 28.0}};
    return spec;
}

// The network of a test row: the trained MLP, the MLP with every basic layer ("cross_entropy", "mse"),
// every image layer ("image", "image-mse") or a CNN preset ("lenet", "resnet-small"); the image designs
// get trained-looking weights (biases and BatchNorm statistics that are not the initial ones).
Network designNetwork(const QString& design, const Dataset& data)
{
    if (design == "mlp")
        return trainedMlp(data);
    if (design == "cross_entropy" || design == "mse")
        return Network(everyLayerSpec(design.toStdString()), 9);
    Network net(design.startsWith("image") ? everyImageLayerSpec(design == "image-mse" ? "mse" : "cross_entropy")
                                           : *preset(design.toStdString()),
                21);
    setTrainedLikeWeights(net, 23);
    return net;
}

void addDesignRows()
{
    QTest::addColumn<QString>("design");
    QTest::newRow("trained reference MLP") << "mlp";
    QTest::newRow("every layer, cross-entropy") << "cross_entropy";
    QTest::newRow("every layer, mse") << "mse";
    QTest::newRow("lenet") << "lenet";
    QTest::newRow("resnet-small") << "resnet-small";
    QTest::newRow("every image layer, cross-entropy") << "image";
    QTest::newRow("every image layer, mse") << "image-mse";
}

// The ONNX ops each test design must use (sorted, as the script prints them).
QString expectedOps(const QString& design)
{
    if (design == "cross_entropy")
        return "Dropout Gemm LeakyRelu Relu Sigmoid Softmax Tanh";
    if (design == "mse")
        return "Dropout Gemm Identity LeakyRelu Relu Sigmoid Softmax Tanh";
    if (design == "lenet")
        return "Conv Flatten Gemm MaxPool Relu Softmax";
    if (design == "resnet-small")
        return "Add BatchNormalization Conv Flatten Gemm GlobalAveragePool MaxPool Relu Softmax";
    if (design == "image")
        return "Add AveragePool BatchNormalization Concat Conv Dropout Flatten Gemm GlobalAveragePool LeakyRelu "
               "MaxPool Relu Sigmoid Softmax Tanh";
    return "Add AveragePool BatchNormalization Concat Conv Dropout Flatten Gemm GlobalAveragePool Identity LeakyRelu "
           "MaxPool Relu Sigmoid Tanh";
}

double maxAbsDiff(const Matrix& a, const Matrix& b)
{
    return double((a - b).cwiseAbs().maxCoeff());
}

} // namespace

class TestExportInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString out = runPython("import onnx, cv2, torch, numpy; print('ok')", {});
        QVERIFY2(out.trimmed() == "ok", "Debian's python3-onnx, python3-opencv, python3-torch and python3-numpy are "
                                        "needed (test.sh installs them; or apt-get install them)");
    }

    void onnxMatchesOpenCv_data() { addDesignRows(); }

    // Image designs take (N, C, H, W); MLPs keep (N, C*H*W) even when their Input is an image.
    void onnxMatchesOpenCv()
    {
        QFETCH(QString, design);
        const Dataset data = testData();
        Network net = designNetwork(design, data);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.onnx");
        exportOnnx(net.spec(), net.weights(), path.toStdString());

        const Matrix x = allSamples(data.test);
        QCOMPARE(x.rows(), Eigen::Index(200));
        writeFloats(dir.filePath("x.bin"), x);
        const bool image = design == "lenet" || design == "resnet-small" || design.startsWith("image");
        const QString out = runPython(kOnnxScript, {path, dir.filePath("x.bin"), "200", image ? "1,28,28" : "784",
                                                    dir.filePath("y.bin"), QString::fromStdString(neuriteVersion())});
        QVERIFY2(out != "FAILED", "onnx.checker or OpenCV dnn failed (see the warning above)");
        const QStringList lines = out.split('\n');
        if (design != "mlp")
            QCOMPARE(lines.value(0), expectedOps(design));
        // [top, left, bottom, right], and "same" as ONNX's SAME_UPPER (with a 4x4 kernel and stride 2 it pads
        // one more at the bottom and right, as the engine does: OpenCV's outputs below agree).
        if (design.startsWith("image"))
            QCOMPARE(lines.value(1), QString("conv_1x1/Conv=0,0,0,0 conv_even/Conv=SAME_UPPER "
                                             "conv_explicit/Conv=1,1,1,1 conv_same/Conv=SAME_UPPER"));
        Matrix expected;
        net.predict(x, expected);
        const Matrix actual = readFloats(dir.filePath("y.bin"), x.rows(), net.outputSize());
        QCOMPARE(actual.rows(), Eigen::Index(200));
        QVERIFY2(maxAbsDiff(actual, expected) < 1e-4, qPrintable(QString::number(maxAbsDiff(actual, expected))));
    }

    void torchModuleMatchesNetwork_data() { addDesignRows(); }

    // (N, C*H*W) and (N, C, H, W) inputs give the same predictions (the script checks that too).
    void torchModuleMatchesNetwork()
    {
        QFETCH(QString, design);
        const Dataset data = testData();
        Network net = designNetwork(design, data);
        QTemporaryDir dir;
        const QString folder = dir.filePath("torch");
        exportTorch(net.spec(), net.weights(), TrainingSettings{}, folder.toStdString());

        const Matrix x = allSamples(data.test);
        writeFloats(dir.filePath("x.bin"), x);
        const QString out = runPython(kTorchScript, {folder, folder + "/weights.npz", dir.filePath("x.bin"), "200",
                                                     "784", dir.filePath("y.bin")});
        QVERIFY2(out != "FAILED", "model.py failed (see the warning above)");
        QCOMPARE(out.trimmed(), QString("NeuriteNet %1").arg(net.parameterCount()));
        Matrix expected;
        net.predict(x, expected);
        const Matrix actual = readFloats(dir.filePath("y.bin"), x.rows(), net.outputSize());
        QCOMPARE(actual.rows(), Eigen::Index(200));
        QVERIFY2(maxAbsDiff(actual, expected) < 1e-4, qPrintable(QString::number(maxAbsDiff(actual, expected))));
    }

    void torchTrainingScriptRunsOneEpochWithDdp()
    {
        const Dataset data = testData();
        QTemporaryDir dir;
        const QString idx = dir.filePath("idx");
        QDir().mkpath(idx);
        const auto write = [&](const QString& name, const SampleSet& set) {
            writeIdx((idx + "/" + name + "-images-idx3-ubyte.gz").toStdString(),
                     {{std::uint32_t(set.count()), 28u, 28u}, set.pixels});
            writeIdx((idx + "/" + name + "-labels-idx1-ubyte.gz").toStdString(),
                     {{std::uint32_t(set.count())}, set.labels});
        };
        write("train", data.train);
        write("t10k", data.test);

        Network net(*preset("mlp"), 5);
        TrainingSettings settings;
        settings.optimizer.kind = "sgd";
        settings.optimizer.learningRate = 0.05f;
        settings.optimizer.momentum = 0.9f;
        settings.batchSize = 20;
        settings.validationSplit = 0.1f;
        const QString folder = dir.filePath("torch");
        exportTorch(net.spec(), net.weights(), settings, folder.toStdString());

        // One process as torchrun would start it: world size 1, the gloo backend, a free local port.
        const QString out = runPython(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            {folder + "/train.py", "--data", idx, "--epochs", "1", "--out", dir.filePath("trained")},
            {"OMP_NUM_THREADS=1", "MASTER_ADDR=127.0.0.1", QString("MASTER_PORT=%1").arg(freeLocalPort()), "RANK=0",
             "WORLD_SIZE=1", "LOCAL_RANK=0"},
            300000);
        QVERIFY2(out != "FAILED", "train.py failed (see the warning above)");
        QVERIFY2(out.contains("1 process(es), backend gloo"), qPrintable(out));
        QVERIFY2(out.contains("epoch 1/1") && out.contains("validation loss"), qPrintable(out));
        QVERIFY2(out.contains("sgd lr 0.05") && out.contains("global batch 20"), qPrintable(out));
        QVERIFY2(out.contains("Test accuracy:") && out.contains("on 200 test samples"), qPrintable(out));

        // The trained weights load into the module and differ from the exported ones: training happened.
        const QString check = runPython(
            "import sys, numpy as np; sys.path.insert(0, sys.argv[1]); import model\n"
            "net = model.load(sys.argv[2]); a = np.load(sys.argv[2]); b = np.load(sys.argv[3])\n"
            "print(sorted(a.files) == sorted(b.files), float(np.abs(a['dense1.weight'] - b['dense1.weight']).max()) > "
            "0)",
            {folder, dir.filePath("trained/weights.npz"), folder + "/weights.npz"});
        QCOMPARE(check.trimmed(), QString("True True"));
        QVERIFY(QFile::exists(dir.filePath("trained/weights.pt")));
    }
};

QTEST_MAIN(TestExportInterop)
#include "tst_exportinterop.moc"
