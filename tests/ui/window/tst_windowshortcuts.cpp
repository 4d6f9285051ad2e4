// Tests the real window's shortcuts: redo by keyboard (Ctrl+Shift+Z and Ctrl+Y after Ctrl+Z), and no key
// owned twice anywhere in the assembled window (menus, toolbars, the Train and Predict tabs).
#include "editor/DesignEditor.h"
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "Workspace.h"

#include <QAction>
#include <QStandardPaths>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestWindowShortcuts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void undoAndRedoByKeyboard();
    void noTwoActionsShareAShortcut();
    void distinctShortcutsDropsRepeats();
};

void TestWindowShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recovery and recent files stay out of the user's folders
}

void TestWindowShortcuts::undoAndRedoByKeyboard()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    GraphModel* model = window.document()->model();
    const int before = model->nodeIds().size();
    const QString id = window.designEditor()->scene()->addNode("Dense", QPointF(0, 300));
    QVERIFY(model->hasNode(id));
    QWidget* view = window.designEditor()->view();
    view->setFocus();

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model->nodeIds().size(), before);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(model->hasNode(id), "Ctrl+Shift+Z did not redo");
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!model->hasNode(id));
    QTest::keyClick(view, Qt::Key_Y, Qt::ControlModifier);
    QVERIFY2(model->hasNode(id), "Ctrl+Y did not redo");
}

// Qt runs neither action when two own a key, nor the one action that holds a key twice.
void TestWindowShortcuts::noTwoActionsShareAShortcut()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    QHash<QKeySequence, QString> owners;
    int withShortcut = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        QList<QKeySequence> own;
        for (const QKeySequence& key : action->shortcuts()) {
            const QString name = key.toString() + ": " + action->text();
            QVERIFY2(!own.contains(key), qPrintable(name + " holds it twice"));
            QVERIFY2(!owners.contains(key), qPrintable(name + " and " + owners.value(key)));
            own.append(key);
            owners.insert(key, action->text());
        }
        withShortcut += own.isEmpty() ? 0 : 1;
    }
    QVERIFY(owners.contains(QKeySequence(QStringLiteral("Ctrl+Shift+Z"))));
    QVERIFY(owners.contains(QKeySequence(QStringLiteral("Ctrl+Y"))));
    QVERIFY(withShortcut >= 15);
}

void TestWindowShortcuts::distinctShortcutsDropsRepeats()
{
    const QKeySequence shiftZ(QStringLiteral("Ctrl+Shift+Z"));
    const QList<QKeySequence> keys = distinctShortcuts({shiftZ, shiftZ, QKeySequence(QStringLiteral("Ctrl+Y"))},
                                                       QKeySequence::Redo);
    QCOMPARE(keys.count(shiftZ), 1);
    QCOMPARE(keys.value(0), shiftZ);
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo))
        QVERIFY(keys.contains(key));
}

QTEST_MAIN(TestWindowShortcuts)
#include "tst_windowshortcuts.moc"
