// The PyTorch export's way out to many machines: train.py under torchrun with two processes (gloo, CPU) must
// finish on both ranks, train each rank on its own shard, keep the weights identical after every epoch and
// reach the one-process run's test accuracy, and its weights come back into the project with `neurite import`;
// and the data it reads (neurite_data.py: tables with encoder.py,
// image folders with OpenCV) must be the samples the engine trains and tests on, value for value.
// These tests fail (never skip) when Debian's python3-torch, python3-opencv or torchrun is missing.
#include "FloatFiles.h"
#include "ImageFolderFixture.h"
#include "ImageSamples.h"
#include "ProcessRun.h"
#include "PythonRun.h"
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/DesignForData.h"
#include "neurite/ImageFolder.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::test;

namespace {

constexpr const char* kTorchrun = "/usr/bin/torchrun";

// Reads the data as train.py does and writes each part's inputs (as the model's forward() sees them:
// standardised for a table) and targets as float32 files; prints the parts' sizes.
const char* const kReadDataScript = R"PY(
import sys
import numpy as np
import torch
folder, path, split, seed, out = sys.argv[1:6]
sys.path.insert(0, folder)
import model, neurite_data
data = neurite_data.load(path, neurite_data.load_schema(folder), float(split), int(seed))
sizes = []
for part in ("train", "test", "validation"):
    if data[part] is None:
        sizes.append(f"{part} 0")
        continue
    x, y = data[part]
    if hasattr(model, "INPUT_OFFSET"):
        offset, divisor = torch.tensor(model.INPUT_OFFSET), torch.tensor(model.INPUT_DIVISOR)
        x = ((torch.from_numpy(x) - offset) / divisor).numpy()
    np.ascontiguousarray(x, dtype=np.float32).tofile(f"{out}/{part}-x.bin")
    np.asarray(y, dtype=np.float32).tofile(f"{out}/{part}-y.bin")
    sizes.append(f"{part} {len(x)}")
print(", ".join(sizes))
)PY";

// The samples and targets (class indices or standardised values) of one part.
struct Part {
    Matrix x;
    std::vector<float> y;
};

Part engineSamples(const SampleSet& set)
{
    Part part{allSamples(set), {}};
    for (std::size_t i = 0; i < set.count(); ++i)
        part.y.push_back(set.labels.empty() ? set.targets[i] : float(set.labels[i]));
    return part;
}

Part scriptSamples(const QString& dir, const QString& name, Eigen::Index rows, Eigen::Index cols)
{
    Part part{readFloats(dir + "/" + name + "-x.bin", rows, cols), {}};
    const Matrix y = readFloats(dir + "/" + name + "-y.bin", rows, 1);
    for (Eigen::Index i = 0; i < y.rows(); ++i)
        part.y.push_back(y(i, 0));
    return part;
}

// Exports a network fitted to `data` with its schema, runs the reader on `path` and compares every part:
// the largest |difference| of the inputs (targets and order must be equal), or -1 when sizes differ.
double exportedDataDifference(const Dataset& data, const QString& path, double testSplit)
{
    QTemporaryDir dir;
    const NetworkSpec spec = designForData(data);
    const Network net(spec, 3);
    const QString folder = dir.filePath("torch");
    exportTorch(spec, net.weights(), TrainingSettings{}, folder.toStdString(), &data.schema);
    const QString out = runPython(kReadDataScript,
                                  {folder, path, QString::number(testSplit, 'g', 17), "1", dir.path()});
    if (out == "FAILED")
        return -1;
    qInfo("the script read: %s", qPrintable(out.trimmed()));
    double worst = 0;
    const std::pair<const char*, const SampleSet*> parts[] = {{"train", &data.train},
                                                              {"test", &data.test},
                                                              {"validation", &data.validation}};
    for (const auto& part : parts) {
        const Part ours = engineSamples(*part.second);
        if (!out.contains(QString("%1 %2").arg(part.first).arg(ours.y.size())))
            return -1;
        if (ours.y.empty())
            continue;
        const Part theirs = scriptSamples(dir.path(), part.first, ours.x.rows(), ours.x.cols());
        if (theirs.x.rows() != ours.x.rows() || theirs.y != ours.y)
            return -1;
        worst = std::max(worst, double((theirs.x - ours.x).cwiseAbs().maxCoeff()));
    }
    return worst;
}

// A table separated by semicolons with decimal commas, a categorical column with missing values, a numeric
// column with missing values, an identifier and rows without a target (left out).
QString writeMixedTable(const QString& path, bool regression)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("id;colour;size;weight;kind\n");
    const char* const colours[] = {"red", "green", " blue", "NA", ""};
    const char* const kinds[] = {"cat", "dog", "eel"};
    for (int i = 0; i < 90; ++i) {
        const QString size = i % 11 == 3 ? "NA" : QString::number(1.25 + 0.37 * (i % 13), 'f', 2).replace('.', ',');
        const QString target = i % 17 == 5  ? QString("?")
                               : regression ? QString::number(0.5 * i - 3.25 * (i % 7), 'g', 6).replace('.', ',')
                                            : QString(kinds[(i * 7 + i / 5) % 3]);
        file.write(QString("%1;%2;%3;%4;%5\n")
                       .arg(i + 1000)
                       .arg(colours[(i * 3) % 5])
                       .arg(size)
                       .arg((i * 37) % 23)
                       .arg(target)
                       .toUtf8());
    }
    return path;
}

// Semi-transparent PNGs (28x28, alpha from 0 to 255) beside the other images of the first class: they are
// composed over black before they are converted.
void writeTranslucentImages(const QString& folder)
{
    const QString classFolder = folder + "/" + QString::fromStdString(fashionClasses().front().folder);
    for (int i = 0; i < 3; ++i) {
        QImage image = fashionImage(std::size_t(i), classTint(i), true).convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                QColor c = image.pixelColor(x, y);
                c.setAlpha((x * 9 + y * 5 + i * 40) % 256);
                image.setPixelColor(x, y, c);
            }
        image.save(QString("%1/translucent%2.png").arg(classFolder).arg(i), "PNG");
    }
}

// The percentage after "Test accuracy: " in train.py's output, or -1.
double testAccuracy(const QString& out)
{
    const QRegularExpressionMatch m = QRegularExpression(R"(Test accuracy: ([0-9.]+)%)").match(out);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

// A project of the reference MLP on mnist-10k (untrained: Neurite's initial weights, seed 5) with SGD
// settings that train it in two epochs, saved as `projectPath` and exported for PyTorch into `folder`
// (model.py, weights.npz, train.py and neurite_data.py).
void exportReferenceMlp(const QString& projectPath, const QString& folder)
{
    Project project;
    project.spec = *preset("mlp");
    project.settings.seed = 5;
    project.settings.epochs = 2;
    project.settings.batchSize = 64;
    project.settings.optimizer.kind = "sgd";
    project.settings.optimizer.learningRate = 0.05f;
    project.settings.optimizer.momentum = 0.9f;
    project.dataSetName = "mnist-10k";
    saveProject(project, projectPath.toStdString());
    const Network net = networkFromProject(project);
    exportTorch(project.spec, net.weights(), project.settings, folder.toStdString());
}

// Runs `program` with `args` in `folder`, one thread per process; its exit code and output (standard output,
// then standard error).
ProcessRun runTraining(const QString& program, const QStringList& args, const QString& folder)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("OMP_NUM_THREADS", "1");
    environment.remove("RANK"); // a one-process run starts its own group
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(folder);
    process.start(program, args);
    ProcessRun run = finish(process, 240000);
    run.out += run.err; // torchrun reports a failed rank on its standard error
    return run;
}

} // namespace

class TestExportDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString out = runPython("import torch, torch.distributed, cv2, numpy; print('ok')", {});
        QVERIFY2(out.trimmed() == "ok", "Debian's python3-torch, python3-opencv and python3-numpy are needed");
        QVERIFY2(QFile::exists(kTorchrun), "torchrun (python3-torch) is needed");
        render::installImageDecoder();
    }

    // torchrun --nproc-per-node 2 (gloo, CPU): both ranks train on their own half, the weights are identical
    // after each epoch, and the test accuracy is within a point of `python3 train.py` (one process) with the
    // same global batch. Each global batch holds the same samples in both runs (the DistributedSampler deals
    // one shuffled order out to the ranks), so the runs differ only in how the gradients are summed.
    void twoProcessesTrainLikeOne()
    {
        QVERIFY2(mnist10kAvailable(), "mnist-10k is needed: neurite data get mnist-10k");
        const QString data = QString::fromStdString(resolveDataSetFolder("mnist-10k"));
        QTemporaryDir dir;
        const QString folder = dir.filePath("torch");
        exportReferenceMlp(dir.filePath("mlp.neurite"), folder);
        QElapsedTimer clock;
        clock.start();
        const ProcessRun two = runTraining(kTorchrun,
                                           {"--standalone", "--nproc_per_node", "2", "--redirects", "2", "--tee", "1",
                                            "train.py", "--data", data, "--out", dir.filePath("two")},
                                           folder);
        const qint64 twoMs = clock.restart();
        const ProcessRun one = runTraining(kPython, {"train.py", "--data", data, "--out", dir.filePath("one")}, folder);
        qInfo("two processes: %.1f s, one process: %.1f s", double(twoMs) / 1000, double(clock.elapsed()) / 1000);
        QVERIFY2(two.status == 0, qPrintable(two.out));
        QVERIFY2(one.status == 0, qPrintable(one.out));

        // Each rank has its half of the 8,004 training samples, and both finish.
        for (const char* line : {"[default0]:rank 0 of 2: 4002 of the 8004 training samples in its shard",
                                 "[default1]:rank 1 of 2: 4002 of the 8004 training samples in its shard",
                                 "[default0]:rank 0 of 2: finished", "[default1]:rank 1 of 2: finished"})
            QVERIFY2(two.out.contains(line), qPrintable(QString(line) + " is missing from:\n" + two.out));
        QVERIFY2(two.out.contains("with 2 process(es), backend gloo, 2 epochs, global batch 64"), qPrintable(two.out));
        for (int epoch = 1; epoch <= 2; ++epoch)
            QVERIFY2(two.out.contains(QString("weights identical on all 2 process(es) after epoch %1: yes "
                                              "(max |difference| 0)")
                                          .arg(epoch)),
                     qPrintable(two.out));
        QVERIFY2(one.out.contains("rank 0 of 1: 8004 of the 8004 training samples"), qPrintable(one.out));

        const double twoAccuracy = testAccuracy(two.out), oneAccuracy = testAccuracy(one.out);
        qInfo("test accuracy: %.2f%% with two processes, %.2f%% with one", twoAccuracy, oneAccuracy);
        QVERIFY2(oneAccuracy > 85, qPrintable(one.out)); // it trained
        QVERIFY2(std::abs(twoAccuracy - oneAccuracy) <= 1.0, qPrintable(two.out));

        // The weights come back into the project, and Neurite measures the accuracy train.py printed.
        const ProcessRun imported = runNeurite({"import", dir.filePath("two/weights.npz"), "--into",
                                                dir.filePath("mlp.neurite"), "--out", dir.filePath("back.neurite")});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const ProcessRun evaluated = runNeurite({"eval", dir.filePath("back.neurite")});
        QVERIFY2(evaluated.status == 0, qPrintable(evaluated.err));
        QVERIFY2(evaluated.out.contains(QString("Test accuracy: %1%").arg(twoAccuracy, 0, 'f', 2)),
                 qPrintable(evaluated.out));
    }

    void tableDataMatchesEngine_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("iris") << "iris";
        QTest::newRow("semicolons, decimal commas, missing values, classes") << "mixed";
        QTest::newRow("semicolons, decimal commas, missing values, a value to predict") << "regression";
    }

    // Standardised inputs to float rounding; the split, the row order and the targets exactly.
    void tableDataMatchesEngine()
    {
        QFETCH(QString, table);
        QTemporaryDir dir;
        const QString path = table == "iris" ? qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/data/iris.csv"
                                             : writeMixedTable(dir.filePath("table.csv"), table == "regression");
        DataOptions options;
        options.testSplit = 0.25;
        const Dataset data = loadDataset(path.toStdString(), options);
        QCOMPARE(data.schema.task, table == "regression" ? TaskKind::Regression : TaskKind::Classification);
        QVERIFY(data.test.count() > 0);
        const double difference = exportedDataDifference(data, path, options.testSplit);
        qInfo("largest |difference| of the standardised inputs: %g", difference);
        QVERIFY2(difference >= 0, "the script's parts differ in size, order or targets (see above)");
        QVERIFY2(difference < 1e-5, qPrintable(QString::number(difference)));
    }

    void imageFolderDataMatchesEngine_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::newRow("RGB, 28x28 as most images are") << 3 << 0;
        QTest::newRow("grey, 28x28 as most images are") << 1 << 0;
        QTest::newRow("RGB, reduced to 20x20") << 3 << 20;
        QTest::newRow("grey, enlarged to 37x37") << 1 << 37;
    }

    // Pixels / 255 exactly, in the engine's order and split: decoded, composed over black, resized (the 40x36
    // JPEGs always; every image for another size), converted to grey or RGB.
    void imageFolderDataMatchesEngine()
    {
        QFETCH(int, channels);
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString folder = dir.filePath("images");
        writeFashionClasses(folder, fashionClasses(), 15);
        writeTranslucentImages(folder);
        DataOptions options;
        options.imageChannels = channels;
        options.imageRows = options.imageCols = size;
        options.dataDir = dir.filePath("data-dir").toStdString();
        const Dataset data = loadImageFolder(folder.toStdString(), options);
        QCOMPARE(data.schema.image.channels, channels);
        const double difference = exportedDataDifference(data, folder, options.testSplit);
        qInfo("largest |difference| of the pixels: %g (of 1)", difference);
        QVERIFY2(difference >= 0, "the script's parts differ in size, order or labels (see above)");
        QCOMPARE(difference, 0.0);
    }
};

QTEST_MAIN(TestExportDistributed)
#include "tst_exportdistributed.moc"
