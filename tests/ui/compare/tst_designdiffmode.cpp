// Tests the editor's design diff mode as the window offers it: View › Compare Design With Run… and With
// File… show the diff in the canvas's place with editing at rest, leaving (the button or Esc) restores the
// editor unchanged (its canvas, actions, design, positions, undo history), opening another design leaves the
// mode, an unreadable file leaves the editor alone, and the two-run comparison's Show Design Diff lands here.
#include "compare/CompareActions.h"
#include "compare/DesignDiffMode.h"
#include "compare/DesignDiffScene.h"
#include "compare/DesignDiffView.h"
#include "compare/RunCompareDialog.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "editor/GraphView.h"
#include "editor/LayerPalette.h"
#include "IsolatedUserState.h"
#include "TestSupport.h"
#include "window/MainWindow.h"

#include <neurite/DesignFile.h>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// The mlp preset with dense1 narrowed and a dropout in place of dense2.
NetworkSpec editedMlp()
{
    NetworkSpec after = *preset("mlp");
    after.find("dense1")->options["units"] = 64.0;
    after.layers.erase(after.layers.begin() + 2); // dense2
    after.layers.insert(after.layers.begin() + 2, LayerSpec{"dropout1", "Dropout", {{"rate", 0.5}}});
    after.connections = {
        {"input", "dense1", 0}, {"dense1", "dropout1", 0}, {"dropout1", "dense3", 0}, {"dense3", "output", 0}};
    return after;
}

neurite::RunRecord runOf(const std::string& name, const NetworkSpec& design)
{
    neurite::RunRecord run;
    run.name = name;
    run.design = design;
    run.test.accuracy = 0.9f;
    run.test.loss = 0.3f;
    return run;
}

QList<bool> enabledStates(const QList<QAction*>& actions)
{
    QList<bool> states;
    for (const QAction* action : actions)
        states << action->isEnabled();
    return states;
}

} // namespace

class TestDesignDiffMode : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    CompareActions* m_compare = nullptr;

    DesignEditor* editor() const { return m_window->designEditor(); }
    // The diff showing over the canvas, or null.
    DesignDiffView* shownDiff() const
    {
        DesignDiffView* diff = m_compare->diffMode()->diffView();
        return diff && diff->isVisible() && diff->geometry() == editor()->view()->geometry() ? diff : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { test::isolateUserState(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_compare = new CompareActions(m_window.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_window->document()->newDesign(*preset("mlp"));
    }

    void cleanup() { m_window.reset(); }

    void leavingTheDiffRestoresTheEditorUnchanged()
    {
        ProjectDocument* document = m_window->document();
        QVERIFY(!m_compare->compareWithRunAction()->isEnabled());
        document->appendRun(runOf("run 1", editedMlp()));
        QVERIFY(m_compare->compareWithRunAction()->isEnabled());
        QVERIFY(!m_compare->compareRunsAction()->isEnabled()); // one run: nothing to compare it with
        const QJsonObject graph = document->model()->toJson();
        const int undoIndex = document->undoStack()->index();
        const bool modified = document->isModified();
        const QList<bool> actions = enabledStates(editor()->editActions());
        GraphView* canvas = editor()->view();
        const QSize canvasSize = canvas->size();
        QCOMPARE(editor()->centralWidget(), canvas);

        m_compare->compareDesignWithRun(0);
        QVERIFY(m_compare->diffMode()->isActive());
        QVERIFY(shownDiff());
        // The current design is drawn: against the run's, it adds dense2 back and drops the dropout.
        const DesignDiffScene* scene = shownDiff()->scene();
        QCOMPARE(scene->status("dense2"), DiffStatus::Added);
        QCOMPARE(scene->status("dropout1"), DiffStatus::Removed);
        QCOMPARE(scene->status("dense1"), DiffStatus::Changed);
        QCOMPARE(scene->status("dense3"), DiffStatus::Same);
        // Nothing edits the hidden design meanwhile.
        for (const QAction* action : editor()->editActions())
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
        QVERIFY(!editor()->palette()->isEnabled());

        QTest::keyClick(shownDiff()->view(), Qt::Key_Escape);
        QVERIFY(!m_compare->diffMode()->isActive());
        QCOMPARE(editor()->centralWidget(), canvas);
        QVERIFY(canvas->isVisible());
        QVERIFY(!shownDiff());
        QCOMPARE(canvas->size(), canvasSize);
        QCOMPARE(enabledStates(editor()->editActions()), actions);
        QVERIFY(editor()->palette()->isEnabled());
        QCOMPARE(document->model()->toJson(), graph);
        QCOMPARE(document->undoStack()->index(), undoIndex);
        QCOMPARE(document->isModified(), modified);
    }

    void aDesignFileIsComparedAndABadOneRefused()
    {
        const QString good = m_dir.filePath("edited.json");
        DesignFile file;
        file.name = "edited";
        file.spec = editedMlp();
        saveDesignFile(file, good.toStdString());
        QVERIFY(m_compare->compareDesignWithFile(good));
        QVERIFY(shownDiff());
        QCOMPARE(shownDiff()->scene()->status("dropout1"), DiffStatus::Removed);
        QVERIFY(shownDiff()->banner()->text().contains("edited.json"));
        QTest::mouseClick(shownDiff()->leaveButton(), Qt::LeftButton);
        QVERIFY(!shownDiff() && !m_compare->diffMode()->isActive());

        const QString bad = m_dir.filePath("broken.json");
        QFile broken(bad);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"layers\": [");
        broken.close();
        QVERIFY(!m_compare->compareDesignWithFile(bad));
        QVERIFY(!m_compare->diffMode()->isActive());
        QVERIFY(!shownDiff() && !m_compare->diffMode()->isActive());
    }

    void openingAnotherDesignLeavesTheDiff()
    {
        m_window->document()->appendRun(runOf("run 1", editedMlp()));
        m_compare->compareDesignWithRun(0);
        QVERIFY(m_compare->diffMode()->isActive());
        m_window->document()->newDesign(*preset("lenet"));
        QVERIFY(!m_compare->diffMode()->isActive());
        QVERIFY(!shownDiff() && !m_compare->diffMode()->isActive());
    }

    void theRunComparisonShowsItsDesignsDiff()
    {
        ProjectDocument* document = m_window->document();
        document->appendRun(runOf("run 1", *preset("mlp")));
        document->appendRun(runOf("run 2", editedMlp()));
        QVERIFY(m_compare->compareRunsAction()->isEnabled());
        m_compare->compareRuns(0, 1);
        RunCompareDialog* dialog = m_compare->compareDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains("run 1") && dialog->windowTitle().contains("run 2"));
        QTest::mouseClick(dialog->designDiffButton(), Qt::LeftButton);
        QVERIFY(shownDiff());
        // Run 1 is the "before": run 2 drops dense2 and adds the dropout.
        QCOMPARE(shownDiff()->scene()->status("dense2"), DiffStatus::Removed);
        QCOMPARE(shownDiff()->scene()->status("dropout1"), DiffStatus::Added);
        QCOMPARE(m_window->workspaceTabs()->currentIndex(), 0);
        dialog->close();
        m_compare->diffMode()->leave();
        QVERIFY(!shownDiff() && !m_compare->diffMode()->isActive());
    }
};

QTEST_MAIN(TestDesignDiffMode)
#include "tst_designdiffmode.moc"
