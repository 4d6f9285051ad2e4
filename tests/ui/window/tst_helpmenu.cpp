// Tests the Help menu of the assembled window: About names the version and the licences, Keyboard
// Shortcuts lists every action that has a shortcut, the User Guide shows the README, tooltips name keys.
#include "window/HelpMenu.h"
#include "window/MainWindow.h"
#include "window/ShortcutsDialog.h"
#include "window/ShortcutToolTips.h"
#include "Workspace.h"

#include <neurite/ModelExport.h>

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

QMenu* helpMenu(MainWindow& window)
{
    for (QAction* top : window.menuBar()->actions())
        if (top->menu() && top->text() == QObject::tr("&Help"))
            return top->menu();
    return nullptr;
}

QAction* helpAction(MainWindow& window, const QString& text)
{
    QMenu* help = helpMenu(window);
    for (QAction* action : help ? help->actions() : QList<QAction*>())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class TestHelpMenu : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aboutNamesTheVersionAndLicences();
    void shortcutsDialogListsEveryActionWithAShortcut();
    void userGuideShowsTheReadme();
    void toolTipsNameTheShortcut();
};

void TestHelpMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHelpMenu::aboutNamesTheVersionAndLicences()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    QAction* about = helpAction(window, QObject::tr("&About Neurite"));
    QVERIFY(about);
    about->trigger();
    auto* text = window.findChild<QLabel*>("aboutText");
    QVERIFY(text);
    QVERIFY(text->text().contains(QString::fromStdString(neuriteVersion())));
    for (const char* licence : {"Qt", "LGPLv3", "Eigen", "MPL2", "oneTBB", "Apache 2.0", "zlib", "nlohmann-json", "MIT",
                                "ONNX", "protobuf", "BSD-3"})
        QVERIFY2(text->text().contains(QLatin1String(licence)), licence);
}

void TestHelpMenu::shortcutsDialogListsEveryActionWithAShortcut()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    QAction* shortcuts = helpAction(window, QObject::tr("&Keyboard Shortcuts"));
    QVERIFY(shortcuts);
    shortcuts->trigger();
    auto* dialog = window.findChild<ShortcutsDialog*>();
    QVERIFY(dialog);
    QStringList rows;
    for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
        rows.append(dialog->list()->topLevelItem(i)->text(0) + " = " + dialog->list()->topLevelItem(i)->text(1));
    int expected = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty())
            continue;
        ++expected;
        const QString row = plainActionText(action) + " = " + shortcutText(action);
        QVERIFY2(rows.contains(row), qPrintable(row + " missing from " + rows.join("; ")));
    }
    QCOMPARE(rows.size(), expected);
    const QString redo = "Redo = " + QKeySequence("Ctrl+Shift+Z").toString(QKeySequence::NativeText) + ", " +
                         QKeySequence("Ctrl+Y").toString(QKeySequence::NativeText);
    QVERIFY2(std::any_of(rows.cbegin(), rows.cend(), [&](const QString& row) { return row.startsWith(redo); }),
             qPrintable(rows.join("; ")));
    QVERIFY(expected >= 15);
}

void TestHelpMenu::userGuideShowsTheReadme()
{
    MainWindow window;
    QAction* guide = helpAction(window, QObject::tr("&User Guide"));
    QVERIFY(guide);
    guide->trigger();
    auto* browser = window.findChild<QTextBrowser*>("userGuideText");
    QVERIFY(browser);
    const QString shown = browser->toPlainText();
    for (const char* section : {"The designer", "Training dashboard", "Draw a digit", "Export", "The command line"})
        QVERIFY2(shown.contains(QLatin1String(section)), section);
    QVERIFY(!shown.contains(QLatin1String("## The designer"))); // rendered as Markdown, not shown raw
}

void TestHelpMenu::toolTipsNameTheShortcut()
{
    MainWindow window;
    cli::assembleWorkspace(window);
    window.show();
    int checked = 0;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty())
            continue;
        const QString keys = action->shortcuts().first().toString(QKeySequence::NativeText);
        QVERIFY2(action->toolTip().contains(keys), qPrintable(action->text() + ": " + action->toolTip()));
        ++checked;
    }
    QVERIFY(checked >= 15);
    const QList<QAction*> actions = window.findChildren<QAction*>();
    const auto redo = std::find_if(actions.cbegin(), actions.cend(),
                                   [](const QAction* a) { return a->iconText() == QObject::tr("Redo"); });
    QVERIFY(redo != actions.cend());
    QVERIFY2((*redo)->toolTip().startsWith("Redo (" + QKeySequence("Ctrl+Shift+Z").toString(QKeySequence::NativeText)),
             qPrintable((*redo)->toolTip()));
}

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"
