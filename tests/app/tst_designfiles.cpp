// Design JSON files on the command line: `neurite summary` and `neurite train --design` take them as they
// take .neurite projects (told apart by content), and a bad one is refused with its name and the field.
#include <neurite/DesignFile.h>
#include "FileBytes.h"
#include "CornersDataSet.h"
#include "ProcessRun.h"
#include "neurite/IdxFile.h"
#include "neurite/ProjectFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

namespace {

using Run = test::ProcessRun;
using test::runNeurite;
using test::writeCornersDataSet;

QString templatePath(const QString& name)
{
    return qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/templates/" + name + ".json";
}

// A network design with one broken spot, for the bad-file rows.
const char* kGoodDesign = R"({"format": "neurite-network", "version": 1,
  "layers": [{"id": "input", "type": "Input", "options": {"channels": 1, "height": 28, "width": 28}},
             {"id": "dense1", "type": "Dense", "options": {"units": 10}},
             {"id": "output", "type": "Output", "options": {"loss": "cross_entropy"}}],
  "connections": [{"from": "input", "to": "dense1"}, {"from": "dense1", "to": "output"}]})";

} // namespace

class TestDesignFiles : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("NEURITE_BINARY").isEmpty(), "NEURITE_BINARY not set");
        QVERIFY(m_dir.isValid());
    }

    // The templates are design files: summary reads them as it reads a project of the same design.
    void summaryOfADesignFile()
    {
        const Run run = runNeurite({"summary", templatePath("reference-mlp")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Total parameters: 109,386"), qPrintable(run.out));
        QVERIFY(run.out.contains("Dense"));
    }

    // Content decides, not the name: a design under another extension, and a bare network object.
    void designFilesAreRecognisedByContent()
    {
        const QString renamed = m_dir.filePath("mlp-design.txt");
        test::writeBytes(renamed.toStdString(), test::readBytes(templatePath("reference-mlp").toStdString()));
        const Run fromRenamed = runNeurite({"summary", renamed});
        QVERIFY2(fromRenamed.status == 0, qPrintable(fromRenamed.err));
        QVERIFY(fromRenamed.out.contains("Total parameters: 109,386"));

        const QString bare = m_dir.filePath("logistic-network.json");
        test::writeBytes(bare.toStdString(), toJson(*preset("logistic")));
        const Run fromBare = runNeurite({"summary", bare});
        QVERIFY2(fromBare.status == 0, qPrintable(fromBare.err));
        QVERIFY(fromBare.out.contains("Total parameters: 7,850"));

        // A project named .json is still a project.
        Project project;
        project.spec = *preset("logistic");
        const QString projectNamedJson = m_dir.filePath("project.json");
        saveProject(project, projectNamedJson.toStdString());
        const Run fromProject = runNeurite({"summary", projectNamedJson});
        QVERIFY2(fromProject.status == 0, qPrintable(fromProject.err));
        QVERIFY(fromProject.out.contains("Total parameters: 7,850"));
    }

    void trainADesignFile()
    {
        QTemporaryDir data;
        writeCornersDataSet(data.path());
        const QString design = m_dir.filePath("logistic.json");
        DesignFile file;
        file.name = "Logistic";
        file.spec = *preset("logistic");
        saveDesignFile(file, design.toStdString());
        const QString model = m_dir.filePath("trained.neurite");
        const Run trained = runNeurite(
            {"train", "--design", design, "--data", data.path(), "--epochs", "2", "--quiet", "--out", model});
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains("Test accuracy: "), qPrintable(trained.out));
        const Project project = loadProject(model.toStdString());
        QCOMPARE(project.spec, *preset("logistic"));
        QVERIFY(project.weights.has_value());
        QCOMPARE(project.settings.epochs, 2);
    }

    // A diagram for the documentation straight from the design kept in git.
    void exportADesignFile()
    {
        const QString svg = m_dir.filePath("lenet.svg");
        const Run run = runNeurite({"export", templatePath("lenet-cnn"), "--format", "svg", "--out", svg});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(test::readBytes(svg.toStdString()).find("<svg") != std::string::npos);
    }

    void badDesignFilesAreNamed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const QByteArray good(kGoodDesign);
        QTest::newRow("syntax") << "syntax.json" << QByteArray("{\"design\": {\"format\": ") << "invalid JSON";
        QTest::newRow("empty") << "empty.json" << QByteArray() << "invalid JSON";
        QTest::newRow("no design") << "nodesign.json" << QByteArray(R"({"name": "x"})") << "design: missing";
        QTest::newRow("name") << "name.json"
                              << "{\"name\": 3, \"design\": " + good + "}"
                              << "name: expected a string";
        QTest::newRow("ui") << "ui.json"
                            << "{\"ui\": [1], \"design\": " + good + "}"
                            << "ui: expected an object";
        QTest::newRow("layer type") << "type.json"
                                    << "{\"design\": " + QByteArray(good).replace("\"Dense\"", "7") + "}"
                                    << "design: layers[1].type: expected a string";
        QTest::newRow("format") << "format.json"
                                << "{\"design\": " + QByteArray(good).replace("neurite-network", "keras") + "}"
                                << "design: format";
        QTest::newRow("newer") << "newer.json"
                               << "{\"design\": " + QByteArray(good).replace("\"version\": 1", "\"version\": 9") + "}"
                               << "newer Neurite";
        QTest::newRow("deep") << "deep.json" << QByteArray(100000, '[') << "nested deeper";
    }

    // Each bad file: exit status 1 and a message with the file's name and what is wrong, from both commands.
    void badDesignFilesAreNamed()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(name);
        test::writeBytes(path.toStdString(), content.toStdString());
        for (const QStringList& args : {QStringList{"summary", path}, QStringList{"train", "--design", path}}) {
            const Run run = runNeurite(args);
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains(path + ": ") && run.err.contains(message), qPrintable(run.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestDesignFiles)
#include "tst_designfiles.moc"
