// Tests design JSON files through the real window and document: File > Save Design As then File > Open
// gives the same design and layout, re-saving gives the same bytes, and bad files are refused by name.
#include "editor/DesignTemplates.h"
#include "editor/GraphCommands.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "FileBytes.h"

#include <neurite/ProjectFile.h>

#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestDesignFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saveThenOpenGivesTheSameDesignAndLayout();
    void resavingGivesTheSameBytes();
    void templateReadersTakeASavedDesign();
    void openingAProjectAfterADesignShowsTheProject();
    void badDesignFilesKeepTheCurrentDesign_data();
    void badDesignFilesKeepTheCurrentDesign();
    void aSaveThatCannotHappenSaysWhere();
    void fileMenuOffersDesignFilesWithoutShortcutClashes();

private:
    // A saved design with a moved node and a changed option, opened in a second window.
    QString saveEditedDesign(MainWindow& window, const QString& name);

    QTemporaryDir m_dir;
};

void TestDesignFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recovery files and recent files stay out of the user's folders
    QVERIFY(m_dir.isValid());
}

QString TestDesignFiles::saveEditedDesign(MainWindow& window, const QString& name)
{
    ProjectDocument* document = window.document();
    document->newDesign(loadTemplate(":/templates/deep-mlp-dropout.json"));
    document->execute(new MoveCommand(document->model(), {{"dense2", document->model()->node("dense2").position}},
                                      {{"dense2", QPointF(333.5, -77)}}));
    document->execute(new SetOptionCommand(document->model(), "dropout1", "rate", 0.35));
    const QString path = m_dir.filePath(name);
    if (!window.saveDesign(path))
        qWarning("%s", qPrintable(window.lastError()));
    return path;
}

void TestDesignFiles::saveThenOpenGivesTheSameDesignAndLayout()
{
    MainWindow window;
    const QString path = saveEditedDesign(window, "edited.json");
    QVERIFY(QFile::exists(path));
    QVERIFY(window.document()->isModified()); // a design file is not the project: settings, weights are not in it

    MainWindow reopened;
    QVERIFY2(reopened.openProject(path), qPrintable(reopened.lastError()));
    ProjectDocument* document = reopened.document();
    QCOMPARE(document->model()->toJson(), window.document()->model()->toJson()); // ids, options, wires, positions
    QCOMPARE(document->model()->node("dense2").position, QPointF(333.5, -77));
    QCOMPARE(document->spec(), window.document()->spec());
    // A new, unsaved project holding the design; the title says where the design came from.
    QVERIFY(document->path().isEmpty());
    QCOMPARE(document->designFile(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!document->isModified());
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY2(reopened.windowTitle().startsWith("Untitled (design from edited.json)"),
             qPrintable(reopened.windowTitle()));
}

void TestDesignFiles::resavingGivesTheSameBytes()
{
    MainWindow window;
    const QString path = saveEditedDesign(window, "stable.json");
    const std::string first = test::readBytes(path.toStdString());
    QVERIFY(first.ends_with("}\n"));
    QVERIFY(first.find("\n  \"design\": {\n    \"format\": \"neurite-network\",") != std::string::npos);

    MainWindow reopened;
    QVERIFY(reopened.openProject(path));
    QVERIFY2(reopened.saveDesign(path), qPrintable(reopened.lastError()));
    QCOMPARE(test::readBytes(path.toStdString()), first);
    // Under another name too: the design keeps the name it was first saved with.
    const QString copy = m_dir.filePath("copy.json");
    QVERIFY(reopened.saveDesign(copy));
    QCOMPARE(test::readBytes(copy.toStdString()), first);
    QCOMPARE(reopened.document()->designFile(), copy);
    const QStringList temporaries = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter("stable.json.");
    QVERIFY2(temporaries.isEmpty(), qPrintable(temporaries.join(", ")));
}

// The file is a template: the template reader (which knows only "design") takes it, and the template's
// name and description travel with it.
void TestDesignFiles::templateReadersTakeASavedDesign()
{
    MainWindow window; // opens the reference MLP template
    const QString path = m_dir.filePath("reference.json");
    QVERIFY(window.saveDesign(path));
    QCOMPARE(loadTemplate(path), *preset("mlp"));
    const QString text = QString::fromStdString(test::readBytes(path.toStdString()));
    QVERIFY2(text.startsWith("{\n  \"name\": \"" + designTemplates().first().name + "\",\n  \"description\": "),
             qPrintable(text.left(200)));
    QVERIFY(text.contains("\n  \"ui\": {\n    \"positions\": {"));
}

void TestDesignFiles::openingAProjectAfterADesignShowsTheProject()
{
    MainWindow window;
    const QString design = saveEditedDesign(window, "then-project.json");
    Project project;
    project.spec = *preset("logistic");
    const QString projectPath = m_dir.filePath("logistic.neurite");
    saveProject(project, projectPath.toStdString());
    QVERIFY(window.openProject(design));
    QVERIFY(window.openProject(projectPath));
    QCOMPARE(window.document()->spec(), *preset("logistic"));
    QVERIFY(window.document()->designFile().isEmpty());
    QVERIFY2(window.windowTitle().startsWith("logistic.neurite"), qPrintable(window.windowTitle()));
}

void TestDesignFiles::badDesignFilesKeepTheCurrentDesign_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray network = QByteArray::fromStdString(toJson(*preset("logistic")));
    QTest::newRow("syntax") << "syntax.json" << QByteArray("{\"design\": [") << "invalid JSON";
    QTest::newRow("no design") << "nodesign.json" << QByteArray("{\"name\": \"x\"}") << "design: missing";
    const QByteArray numericId = QByteArray(network).replace("\"id\": \"dense1\"", "\"id\": 1");
    QTest::newRow("layer id") << "id.json"
                              << "{\"design\": " + numericId + "}"
                              << "design: layers[1].id: expected a string";
    QTest::newRow("ui") << "ui.json"
                        << "{\"ui\": 5, \"design\": " + network + "}"
                        << "ui: expected an object";
}

void TestDesignFiles::badDesignFilesKeepTheCurrentDesign()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    MainWindow window;
    ProjectDocument* document = window.document();
    document->execute(new SetOptionCommand(document->model(), "dense2", "units", 48.0));
    const NetworkSpec before = document->spec();
    const QString path = m_dir.filePath(name);
    test::writeBytes(path.toStdString(), content.toStdString());
    QVERIFY(!window.openProject(path));
    QVERIFY2(window.lastError().contains(path + ": ") && window.lastError().contains(message),
             qPrintable(window.lastError()));
    QCOMPARE(document->spec(), before);
    QVERIFY(document->isModified());
    QVERIFY(document->designFile().isEmpty());
}

void TestDesignFiles::aSaveThatCannotHappenSaysWhere()
{
    MainWindow window;
    const QString blocker = m_dir.filePath("not-a-folder");
    test::writeBytes(blocker.toStdString(), "x");
    QVERIFY(!window.saveDesign(blocker + "/design.json"));
    QVERIFY2(window.lastError().contains(blocker + "/design.json"), qPrintable(window.lastError()));
    QVERIFY(window.document()->designFile().isEmpty());
    QCOMPARE(test::readBytes(blocker.toStdString()), std::string("x"));
}

// Save Design As sits in the File menu next to Save As, and takes no shortcut another action already has.
void TestDesignFiles::fileMenuOffersDesignFilesWithoutShortcutClashes()
{
    MainWindow window;
    QStringList fileActions;
    for (const QAction* action : window.fileMenu()->actions())
        fileActions.append(action->text());
    const qsizetype saveAs = fileActions.indexOf(QStringLiteral("Save &As…"));
    QVERIFY(saveAs >= 0);
    QCOMPARE(fileActions.value(saveAs + 1), QStringLiteral("Save &Design As…"));

    QHash<QString, QString> owners; // shortcut -> the action that has it
    QList<const QMenu*> menus;
    for (const QAction* top : window.menuBar()->actions())
        if (top->menu())
            menus.append(top->menu());
    while (!menus.isEmpty()) {
        const QMenu* menu = menus.takeFirst();
        for (const QAction* action : menu->actions()) {
            if (action->menu())
                menus.append(action->menu());
            for (const QKeySequence& key : action->shortcuts()) {
                const QString text = key.toString();
                QVERIFY2(!owners.contains(text),
                         qPrintable(text + ": " + owners.value(text) + " and " + action->text()));
                owners.insert(text, action->text());
            }
        }
    }
    QVERIFY(owners.contains(QKeySequence(QKeySequence::Open).toString()));
}

QTEST_MAIN(TestDesignFiles)
#include "tst_designfiles.moc"
