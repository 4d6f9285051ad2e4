// Weights trained in PyTorch back into Neurite: a design exported for PyTorch, its weights changed in PyTorch
// (model.load, then every parameter and running statistic doubled, save_weights) and imported must equal the
// exported weights doubled, value for value, and Neurite must then predict what PyTorch predicts; weights of
// another design are refused, naming the array.
#include "ExportDesigns.h"
#include "FloatFiles.h"
#include "PythonRun.h"
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/TorchWeightsImport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

// Doubles every float of the state dict in PyTorch (running variances too, which stay positive), saves them
// with save_weights and writes the changed model's predictions for the inputs.
const char* const kChangeInTorch = R"PY(
import sys
import numpy as np
import torch
folder, out, inputs, rows, outputs = sys.argv[1:6]
sys.path.insert(0, folder)
import model
net = model.load()
with torch.no_grad():
    for value in net.state_dict().values():
        if value.is_floating_point():
            value.mul_(2)
model.save_weights(net, out)
x = torch.from_numpy(np.fromfile(inputs, dtype=np.float32).reshape(int(rows), model.INPUT_SIZE))
net.predict(x).numpy().astype(np.float32).tofile(outputs)
print("ok")
)PY";

Network designNetwork(const QString& design)
{
    Network net(design == "image" ? everyImageLayerSpec() : *preset(design.toStdString()), 7);
    setTrainedLikeWeights(net, 11);
    return net;
}

} // namespace

class TestTorchWeightsImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsWeightsChangedInTorch_data()
    {
        QTest::addColumn<QString>("design");
        QTest::newRow("reference MLP") << "mlp";
        QTest::newRow("lenet") << "lenet";
        QTest::newRow("resnet-small (BatchNorm, Add)") << "resnet-small";
        QTest::newRow("every image layer") << "image";
    }

    void importsWeightsChangedInTorch()
    {
        QFETCH(QString, design);
        Network net = designNetwork(design);
        QTemporaryDir dir;
        const QString folder = dir.filePath("torch");
        exportTorch(net.spec(), net.weights(), TrainingSettings{}, folder.toStdString());
        const Matrix x = allSamples(blobs(5, 10, 784, 3).test);
        writeFloats(dir.filePath("x.bin"), x);
        const QString out = runPython(kChangeInTorch, {folder, dir.filePath("changed.npz"), dir.filePath("x.bin"),
                                                       QString::number(x.rows()), dir.filePath("y.bin")});
        QCOMPARE(out.trimmed(), QString("ok"));

        const Weights imported = importTorchWeights(net.spec(), net.weights(),
                                                    dir.filePath("changed.npz").toStdString());
        Weights expected = net.weights();
        for (NamedTensor& tensor : expected)
            for (float& value : tensor.values)
                value *= 2.0f;
        QCOMPARE(imported.size(), expected.size());
        for (std::size_t t = 0; t < expected.size(); ++t) {
            QCOMPARE(imported[t].name, expected[t].name);
            QVERIFY2(imported[t].values == expected[t].values, expected[t].name.c_str());
        }

        net.setWeights(imported);
        Matrix ours;
        net.predict(x, ours);
        const Matrix theirs = readFloats(dir.filePath("y.bin"), x.rows(), net.outputSize());
        QCOMPARE(theirs.rows(), x.rows());
        const double difference = double((ours - theirs).cwiseAbs().maxCoeff());
        QVERIFY2(difference < 1e-4, qPrintable(QString::number(difference)));
    }

    void refusesWeightsOfAnotherDesign()
    {
        const Network mlp = designNetwork("mlp"), lenet = designNetwork("lenet");
        QTemporaryDir dir;
        exportTorch(mlp.spec(), mlp.weights(), TrainingSettings{}, dir.filePath("torch").toStdString());
        const std::string npz = dir.filePath("torch/weights.npz").toStdString();
        try {
            importTorchWeights(lenet.spec(), lenet.weights(), npz);
            QFAIL("the MLP's weights were taken by LeNet");
        } catch (const NeuriteError& e) {
            const QString message = e.what();
            QVERIFY2(message.contains(QString::fromStdString(npz)) && message.contains("another design"),
                     qPrintable(message));
        }
    }
};

QTEST_MAIN(TestTorchWeightsImport)
#include "tst_torchweightsimport.moc"
