// `neurite export`: every format from a saved project, usage errors, and the unsupported-layer message.
#include "Arguments.h"
#include "Commands.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"

#include <QtTest>

using namespace neurite;

class TestExportCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesEveryFormat()
    {
        QTemporaryDir dir;
        Project project;
        project.spec = *preset("logistic");
        project.weights = Network(project.spec, 4).weights();
        EpochReport epoch;
        epoch.epoch = 1;
        project.history.epochs.push_back(epoch);
        const std::string file = dir.filePath("p.neurite").toStdString();
        saveProject(project, file);
        for (const QString format : {"onnx", "torch", "cpp", "svg", "png", "csv"}) {
            const QString out = dir.filePath("out." + format);
            QCOMPARE(cli::runExport({file, "--format", format.toStdString(), "--out", out.toStdString()}), 0);
            QVERIFY2(QFileInfo(out).size() > 0 || QFileInfo(out + "/weights.npz").size() > 0, qPrintable(format));
        }
        QFile csv(dir.filePath("out.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 2); // header and one epoch
        QFile header(dir.filePath("out.cpp"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        QVERIFY(header.readAll().contains("namespace out {"));
    }

    void usageErrors()
    {
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, cli::runExport({"p.neurite", "--format", "tflite", "--out", "x"}));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, cli::runExport({"p.neurite", "--format", "onnx"}));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, cli::runExport({"--format", "onnx", "--out", "x"}));
    }

    void missingProjectNamesTheFile()
    {
        try {
            cli::runExport({"/nonexistent/p.neurite", "--format", "onnx", "--out", "/tmp/x.onnx"});
            QFAIL("no error");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("/nonexistent/p.neurite"), e.what());
        }
    }
};

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
