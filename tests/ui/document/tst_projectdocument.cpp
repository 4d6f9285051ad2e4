// Tests the open project: templates, save/load round trips, the modified flag, canTrain and the design lock.
#include "editor/DesignTemplates.h"
#include "editor/GraphCommands.h"
#include "editor/GraphScene.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "ErrorCapture.h"

#include <neurite/Network.h>
#include <neurite/ProjectFile.h>

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestProjectDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void referenceTemplateIsTheMlpPreset();
    void everyTemplateIsValid();
    void saveThenLoadGivesTheSameGraph();
    void modifiedFollowsEditsSavesAndUndo();
    void canTrainFollowsValidation();
    void lockRefusesStructuralEdits();
    void designChangeDropsStaleWeights();
    void malformedFileKeepsTheCurrentDesign();
    void windowTitleShowsNameAndModifiedMark();

private:
    QTemporaryDir m_dir;
};

void TestProjectDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recovery files and settings stay out of the user's folders
    QVERIFY(m_dir.isValid());
}

void TestProjectDocument::referenceTemplateIsTheMlpPreset()
{
    const QList<DesignTemplate> templates = designTemplates();
    // reference MLP, logistic, deep MLP with dropout, LeNet CNN, residual CNN, the two playground MLPs
    QCOMPARE(templates.size(), 7);
    QCOMPARE(templates.first().resource, QString(":/templates/reference-mlp.json"));
    QCOMPARE(loadTemplate(templates.first().resource), *preset("mlp"));
    QCOMPARE(loadTemplate(":/templates/logistic-regression.json"), *preset("logistic"));
    QCOMPARE(loadTemplate(":/templates/lenet-cnn.json"), *preset("lenet"));
    QCOMPARE(loadTemplate(":/templates/residual-cnn.json"), *preset("resnet-small"));
}

void TestProjectDocument::everyTemplateIsValid()
{
    for (const DesignTemplate& t : designTemplates()) {
        const ValidationReport report = validate(loadTemplate(t.resource));
        QVERIFY2(report.ok(), qPrintable(t.name + ": " + QString::fromStdString(report.errorSummary())));
    }
}

void TestProjectDocument::saveThenLoadGivesTheSameGraph()
{
    ProjectDocument document;
    document.newDesign(loadTemplate(":/templates/deep-mlp-dropout.json"));
    document.execute(new MoveCommand(document.model(), {{"dense2", document.model()->node("dense2").position}},
                                     {{"dense2", QPointF(333, -77)}}));
    document.execute(new SetOptionCommand(document.model(), "dropout1", "rate", 0.35));
    document.setTrainedWeights(Network(document.spec(), 7).weights());
    TrainingSettings settings;
    settings.epochs = 3;
    document.setSettings(settings);
    const QString path = m_dir.filePath("roundtrip.neurite");
    const QString error = test::errorOf([&] { document.save(path); });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(document.path(), path);
    QVERIFY(!document.isModified());

    ProjectDocument reopened;
    reopened.loadProject(neurite::loadProject(path.toStdString()), path);
    QCOMPARE(reopened.model()->toJson(), document.model()->toJson()); // ids, options, wires, positions
    QCOMPARE(reopened.model()->node("dense2").position, QPointF(333, -77));
    QCOMPARE(reopened.spec(), document.spec());
    QVERIFY(reopened.trainedWeights().has_value());
    QCOMPARE(*reopened.trainedWeights(), *document.trainedWeights());
    QCOMPARE(reopened.settings().epochs, 3);
    QVERIFY(!reopened.isModified());
    QCOMPARE(reopened.undoStack()->count(), 0);
}

void TestProjectDocument::modifiedFollowsEditsSavesAndUndo()
{
    ProjectDocument document;
    document.newDesign(*preset("logistic"));
    QVERIFY(!document.isModified());
    QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
    document.execute(new SetOptionCommand(document.model(), "dense1", "units", 12.0));
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);
    QVERIFY(test::errorOf([&] { document.save(m_dir.filePath("modified.neurite")); }).isEmpty());
    QVERIFY(!document.isModified());
    document.undoStack()->undo(); // back to before the save: differs from the file
    QVERIFY(document.isModified());
    document.undoStack()->redo();
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 4);
}

void TestProjectDocument::canTrainFollowsValidation()
{
    ProjectDocument document;
    document.newDesign(*preset("mlp"));
    QVERIFY(document.canTrain());
    QSignalSpy changed(&document, &ProjectDocument::canTrainChanged);
    const ConnectionId wire{"dense3", "output", 0};
    document.execute(new RemoveCommand(document.model(), document.model()->fragment({}, {wire}), "unwire"));
    QVERIFY(!document.canTrain());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toBool(), false);
    bool outputNamed = false;
    for (const ValidationIssue& issue : document.validation().errors())
        outputNamed = outputNamed || issue.layerId == "output";
    QVERIFY(outputNamed);
    document.undoStack()->undo();
    QVERIFY(document.canTrain());
    QCOMPARE(changed.count(), 2);
    // An empty design cannot be trained either.
    document.newDesign(NetworkSpec{});
    QVERIFY(!document.canTrain());
}

void TestProjectDocument::lockRefusesStructuralEdits()
{
    ProjectDocument document;
    document.newDesign(*preset("mlp"));
    document.setDesignLocked(true);
    QVERIFY(!document.canTrain());
    QVERIFY(!document.execute(new SetOptionCommand(document.model(), "dense1", "units", 5.0)));
    QCOMPARE(document.spec(), *preset("mlp"));
    GraphScene scene(&document);
    QVERIFY(scene.addNode("Dense", {0, 0}).isEmpty());
    QCOMPARE(document.model()->nodeIds().size(), 5);
    // Moving nodes is harmless and stays allowed.
    QVERIFY(document.execute(new MoveCommand(document.model(), {{"dense1", document.model()->node("dense1").position}},
                                             {{"dense1", QPointF(1, 2)}})));
    document.setDesignLocked(false);
    QVERIFY(document.canTrain());
    QVERIFY(document.execute(new SetOptionCommand(document.model(), "dense1", "units", 5.0)));
}

void TestProjectDocument::designChangeDropsStaleWeights()
{
    ProjectDocument document;
    document.newDesign(*preset("logistic"));
    document.setTrainedWeights(Network(document.spec(), 1).weights());
    QSignalSpy weights(&document, &ProjectDocument::weightsChanged);
    document.execute(new MoveCommand(document.model(), {{"dense1", QPointF()}}, {{"dense1", QPointF(5, 5)}}));
    QVERIFY(document.trainedWeights().has_value()); // a move leaves the network as it was
    document.execute(new SetOptionCommand(document.model(), "dense1", "units", 11.0));
    QVERIFY(!document.trainedWeights().has_value());
    QCOMPARE(weights.count(), 1);
}

void TestProjectDocument::malformedFileKeepsTheCurrentDesign()
{
    MainWindow window;
    ProjectDocument* document = window.document();
    QCOMPARE(document->spec(), *preset("mlp")); // the first-launch design
    document->execute(new SetOptionCommand(document->model(), "dense2", "units", 48.0));
    const NetworkSpec before = document->spec();

    const QString garbage = m_dir.filePath("garbage.neurite");
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a neurite project");
    file.close();
    QVERIFY(!window.openProject(garbage));
    QVERIFY2(window.lastError().contains("garbage.neurite"), qPrintable(window.lastError()));
    QCOMPARE(document->spec(), before);
    QVERIFY(document->isModified());

    // A real project cut short is refused as well.
    ProjectDocument other;
    other.newDesign(*preset("logistic"));
    const QString good = m_dir.filePath("good.neurite");
    QVERIFY(test::errorOf([&] { other.save(good); }).isEmpty());
    QFile whole(good);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    whole.close();
    const QString truncated = m_dir.filePath("truncated.neurite");
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    QVERIFY(!window.openProject(truncated));
    QCOMPARE(document->spec(), before);
    QVERIFY(window.openProject(good));
    QCOMPARE(document->spec(), *preset("logistic"));
    QVERIFY(!document->isModified());
}

void TestProjectDocument::windowTitleShowsNameAndModifiedMark()
{
    MainWindow window;
    QVERIFY(window.windowTitle().startsWith("Untitled"));
    QVERIFY(!window.isWindowModified());
    window.document()->execute(new SetOptionCommand(window.document()->model(), "dense1", "units", 3.0));
    QVERIFY(window.isWindowModified());
    QVERIFY(test::errorOf([&] { window.document()->save(m_dir.filePath("titled.neurite")); }).isEmpty());
    QVERIFY(window.windowTitle().startsWith("titled.neurite"));
    QVERIFY(!window.isWindowModified());
}

QTEST_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
