// The PyTorch export's way out to many machines: train.py under torchrun with two processes (gloo, CPU) must
// finish on both ranks, train each rank on its own shard, keep the weights identical after every epoch and
// reach the one-process run's test accuracy, and its weights come back into the project with `neurite import`;
// the command for several machines joins two nodes through torchrun's rendezvous. These tests fail (never
// skip) when Debian's python3-torch (and its torchrun) is missing.
#include "LocalPort.h"
#include "ProcessRun.h"
#include "PythonRun.h"
#include "TestSupport.h"
#include "neurite/DataSets.h"
#include "neurite/ModelExport.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace neurite;
using namespace neurite::test;

namespace {

constexpr const char* kTorchrun = "/usr/bin/torchrun";

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
        const QString out = runPython("import torch, torch.distributed, numpy; print('ok')", {});
        QVERIFY2(out.trimmed() == "ok", "Debian's python3-torch and python3-numpy are needed");
        QVERIFY2(QFile::exists(kTorchrun), "torchrun (python3-torch) is needed");
    }

    // torchrun --nproc_per_node 2 (gloo, CPU): both ranks train on their own half, the weights are identical
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

    // The command for several machines, run as two nodes of one process each on this machine: torchrun's c10d
    // rendezvous at 127.0.0.1 joins them into one group of two, and both finish an epoch with identical
    // weights.
    void twoNodesJoinThroughTheRendezvous()
    {
        QVERIFY2(mnist10kAvailable(), "mnist-10k is needed: neurite data get mnist-10k");
        const QString data = QString::fromStdString(resolveDataSetFolder("mnist-10k"));
        QTemporaryDir dir;
        const QString folder = dir.filePath("torch");
        exportReferenceMlp(dir.filePath("mlp.neurite"), folder);
        const QString endpoint = QString("127.0.0.1:%1").arg(freeLocalPort());
        std::vector<std::unique_ptr<QProcess>> nodes;
        for (int node = 0; node < 2; ++node) {
            auto process = std::make_unique<QProcess>();
            process->setWorkingDirectory(folder);
            process->start(kTorchrun, {"--nnodes",
                                       "2",
                                       "--node_rank",
                                       QString::number(node),
                                       "--nproc_per_node",
                                       "1",
                                       "--rdzv_backend",
                                       "c10d",
                                       "--rdzv_endpoint",
                                       endpoint,
                                       "--rdzv_id",
                                       "test",
                                       "--redirects",
                                       "2",
                                       "--tee",
                                       "1",
                                       "train.py",
                                       "--data",
                                       data,
                                       "--epochs",
                                       "1",
                                       "--out",
                                       dir.filePath(QString("node%1").arg(node))});
            nodes.push_back(std::move(process));
        }
        const ProcessRun first = finish(*nodes[0], 240000), second = finish(*nodes[1], 240000);
        QVERIFY2(first.status == 0 && second.status == 0, qPrintable(first.out + first.err + second.out + second.err));
        QVERIFY2(first.out.contains("weights identical on all 2 process(es) after epoch 1: yes"),
                 qPrintable(first.out));
        QVERIFY2(first.out.contains("rank 0 of 2: finished"), qPrintable(first.out));
        QVERIFY2(second.out.contains("rank 1 of 2: 4002 of the 8004 training samples in its shard"),
                 qPrintable(second.out));
        QVERIFY2(second.out.contains("rank 1 of 2: finished"), qPrintable(second.out));
    }
};

QTEST_MAIN(TestExportDistributed)
#include "tst_exportdistributed.moc"
