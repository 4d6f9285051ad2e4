// `neurite import` and the commands that read an ONNX file directly, run as a user runs them: a trained
// project exported to ONNX evaluates and predicts exactly as the project itself does, imports to a
// project and a design file, and a model that cannot be imported writes nothing.
#include "CornersDataSet.h"
#include "ProcessRun.h"
#include "RecurrentOnnxModel.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::test;

namespace {

QProcessEnvironment withData(const QString& dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NEURITE_DATA_DIR", dataDir);
    return env;
}

// The lines of an eval report from the accuracy on (the timing-free part).
QString evalReport(const ProcessRun& run)
{
    return run.out.section("accuracy", 1);
}

} // namespace

class ImportCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path("corners")));
        writeCornersDataSet(path("corners"));
        const ProcessRun train = runNeurite({"train", "--preset", "lenet", "--data", path("corners"), "--epochs", "2",
                                             "--seed", "3", "--out", path("trained.neurite")});
        QVERIFY2(train.status == 0, qPrintable(train.err));
        const ProcessRun exported = runNeurite(
            {"export", path("trained.neurite"), "--format", "onnx", "--out", path("trained.onnx")});
        QVERIFY2(exported.status == 0, qPrintable(exported.err));
    }

    // eval and predict on the ONNX file give the project's own report and probabilities.
    void onnxEvaluatesAndPredictsAsTheProject()
    {
        const QProcessEnvironment env = withData(path("corners"));
        const ProcessRun project = runNeurite({"eval", path("trained.neurite"), "--data", path("corners")}, env);
        const ProcessRun onnx = runNeurite({"eval", path("trained.onnx"), "--data", path("corners")}, env);
        QVERIFY2(project.status == 0 && onnx.status == 0, qPrintable(project.err + onnx.err));
        QVERIFY(!evalReport(project).isEmpty());
        QCOMPARE(evalReport(onnx), evalReport(project));

        QImage digit(28, 28, QImage::Format_Grayscale8);
        digit.fill(0);
        for (int y = 4; y < 14; ++y)
            for (int x = 4; x < 14; ++x)
                digit.setPixel(x, y, qRgb(230, 230, 230));
        QVERIFY(digit.save(path("corner.png")));
        const ProcessRun a = runNeurite({"predict", path("trained.neurite"), path("corner.png")});
        const ProcessRun b = runNeurite({"predict", path("trained.onnx"), path("corner.png")});
        QVERIFY2(a.status == 0 && b.status == 0, qPrintable(a.err + b.err));
        QCOMPARE(b.out, a.out);
    }

    void importWritesAProjectAndADesign()
    {
        const ProcessRun run = runNeurite({"import", path("trained.onnx"), "--out", path("imported.neurite")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Conv2D 8") && run.out.contains("(conv1)") && run.out.contains("(output)"),
                 qPrintable(run.out));
        QVERIFY(QFile::exists(path("imported.neurite")));
        const ProcessRun again = runNeurite({"eval", path("imported.neurite"), "--data", path("corners")});
        const ProcessRun original = runNeurite({"eval", path("trained.neurite"), "--data", path("corners")});
        QCOMPARE(evalReport(again), evalReport(original));

        const ProcessRun design = runNeurite({"import", path("trained.onnx"), "--out", path("imported.json")});
        QVERIFY2(design.status == 0, qPrintable(design.err));
        const ProcessRun summary = runNeurite({"summary", path("imported.json")});
        QCOMPARE(summary.out, runNeurite({"summary", path("trained.onnx")}).out);
        QVERIFY(summary.out.contains("Total parameters"));
    }

    // Fine-tuning an ONNX model: --from-weights starts from its weights (a learning rate too small to move
    // them keeps its report); without it the run starts from the seed's weights.
    void trainingContinuesFromTheModelsWeights()
    {
        const QStringList still{"--data", path("corners"), "--epochs", "1", "--optimizer", "sgd", "--lr", "1e-12"};
        const ProcessRun tuned = runNeurite(
            QStringList{"train", "--design", path("trained.onnx"), "--from-weights", "--out", path("tuned.neurite")} +
            still);
        QVERIFY2(tuned.status == 0, qPrintable(tuned.err));
        const ProcessRun fresh = runNeurite(
            QStringList{"train", "--design", path("trained.onnx"), "--out", path("fresh.neurite")} + still);
        QVERIFY2(fresh.status == 0, qPrintable(fresh.err));
        const auto report = [&](const char* file) {
            return evalReport(runNeurite({"eval", path(file), "--data", path("corners")}));
        };
        QCOMPARE(report("tuned.neurite"), report("trained.neurite"));
        QVERIFY(report("fresh.neurite") != report("trained.neurite"));
        const ProcessRun nothing = runNeurite(QStringList{"train", "--preset", "lenet", "--from-weights"} + still);
        QCOMPARE(nothing.status, 2);
        QVERIFY2(nothing.err.contains("--from-weights needs --design"), qPrintable(nothing.err));
    }

    // A table model keeps its column encodings through ONNX (the schema travels in the metadata): eval and
    // predict --csv on the ONNX file give the project's own results; eval asks which table when not told.
    void tableModelsKeepTheirEncoding()
    {
        const QString iris = path("iris.csv");
        QFile table(iris);
        QVERIFY(table.open(QIODevice::WriteOnly));
        table.write("sepal_length,sepal_width,petal_length,petal_width,species\n");
        for (int i = 0; i < 60; ++i) // three separable classes
            table.write(QString("%1,%2,%3,%4,%5\n")
                            .arg(4.5 + (i % 3) * 1.5 + (i % 7) * 0.05)
                            .arg(3.0 + (i % 5) * 0.1)
                            .arg(1.0 + (i % 3) * 2.0 + (i % 4) * 0.1)
                            .arg(0.2 + (i % 3) * 0.8)
                            .arg(QStringList{"setosa", "versicolor", "virginica"}[i % 3])
                            .toUtf8());
        table.close();
        const ProcessRun train = runNeurite(
            {"train", "--data", iris, "--epochs", "20", "--seed", "2", "--quiet", "--out", path("table.neurite")});
        QVERIFY2(train.status == 0, qPrintable(train.err));
        QCOMPARE(runNeurite({"export", path("table.neurite"), "--format", "onnx", "--out", path("table.onnx")}).status,
                 0);
        const ProcessRun a = runNeurite({"predict", path("table.neurite"), "--csv", iris});
        const ProcessRun b = runNeurite({"predict", path("table.onnx"), "--csv", iris});
        QVERIFY2(a.status == 0 && b.status == 0, qPrintable(a.err + b.err));
        QVERIFY(a.out.contains("setosa"));
        QCOMPARE(b.out, a.out);
        QCOMPARE(evalReport(runNeurite({"eval", path("table.onnx"), "--data", iris})),
                 evalReport(runNeurite({"eval", path("table.neurite"), "--data", iris})));
        const ProcessRun unsaid = runNeurite({"eval", path("table.onnx")});
        QCOMPARE(unsaid.status, 2);
        QVERIFY2(unsaid.err.contains("give --data TABLE.csv"), qPrintable(unsaid.err));
    }

    void aModelThatCannotBeImportedWritesNothing()
    {
        QVERIFY(writeRecurrentOnnxModel(path("lstm.onnx")));
        const ProcessRun run = runNeurite({"import", path("lstm.onnx"), "--out", path("lstm.neurite")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("node 'lstm_1' (LSTM, opset 14): Neurite has no recurrent layers"),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(path("lstm.neurite")));
        QVERIFY(QDir(m_dir.path()).entryList({"lstm.neurite*", ".lstm*"}, QDir::Files | QDir::Hidden).isEmpty());
        const ProcessRun eval = runNeurite({"eval", path("lstm.onnx"), "--data", path("corners")});
        QCOMPARE(eval.status, 1);
        QVERIFY(eval.err.contains("lstm_1"));
    }
};

QTEST_GUILESS_MAIN(ImportCliTest)
#include "tst_importcli.moc"
