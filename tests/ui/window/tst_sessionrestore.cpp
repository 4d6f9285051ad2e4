// What the window remembers: exports are confirmed like Save and their dialog starts in the last export
// folder (in this session and the next); a launch restores the geometry, the Design tab's docks, the data
// set and the folder of the last opened file. Settings live in a temporary folder (QSettings::setPath).
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"
#include "Workspace.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QScreen>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Answers the next file dialog: notes the folder it starts in, then picks `answer` (or cancels when empty).
class FileDialogAnswerer : public QObject {
public:
    explicit FileDialogAnswerer(const QString& answer) : m_answer(answer)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            m_timer.stop();
            m_startFolder = dialog->directory().absolutePath();
            if (m_answer.isEmpty()) {
                dialog->reject();
                return;
            }
            // selectFile leaves the name field alone while that field has the focus (as it may once the
            // dialog is active), so the name is typed into the field itself.
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            if (name)
                name->setText(m_answer);
            else
                dialog->selectFile(m_answer);
            static_cast<QDialog*>(dialog)->accept(); // QFileDialog makes it protected
        });
        m_timer.start(10);
    }
    QString startFolder() const { return m_startFolder; }

private:
    QTimer m_timer;
    QString m_answer;
    QString m_startFolder;
};

QAction* actionNamed(QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions())
        if (action->text().remove('&') == text)
            return action;
    return nullptr;
}

// Runs one export through the File > Export menu, answering its dialog with `path`; returns its start folder.
QString exportThroughTheMenu(MainWindow& window, const QString& label, const QString& path)
{
    FileDialogAnswerer answerer(path);
    QAction* action = actionNamed(window.exportMenu(), label);
    if (!action)
        return QStringLiteral("no action %1").arg(label);
    action->trigger();
    return answerer.startFolder();
}

QDockWidget* problemsDock(MainWindow& window)
{
    return window.designEditor()->findChild<QDockWidget*>(QStringLiteral("Problems"));
}

} // namespace

class TestSessionRestore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void exportsAreConfirmedAndStartInTheLastExportFolder();
    void aLaunchRestoresGeometryDocksAndDataSet();
    void theOpenDialogStartsInTheLastOpenedFolder();

private:
    QTemporaryDir m_dir;
};

void TestSessionRestore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserState(m_dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
}

void TestSessionRestore::init()
{
    QSettings().clear();
}

void TestSessionRestore::exportsAreConfirmedAndStartInTheLastExportFolder()
{
    QDir(m_dir.path()).mkpath("exports");
    const QString exports = m_dir.filePath("exports");
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        window.show();
        const QString first = exportThroughTheMenu(window, "ONNX Model…", exports + "/model.onnx");
        QVERIFY2(first != exports, qPrintable(first)); // nothing remembered yet
        QVERIFY(QFile::exists(exports + "/model.onnx"));
        QCOMPARE(window.statusBar()->currentMessage(), QString("Exported model.onnx"));
        QCOMPARE(exportThroughTheMenu(window, "Diagram (SVG)…", exports + "/diagram.svg"), exports);
        QCOMPARE(window.statusBar()->currentMessage(), QString("Exported diagram.svg"));
        window.document()->setModified(false);
    }
    // The next launch remembers it too.
    MainWindow window;
    cli::assembleWorkspace(window);
    window.show();
    QCOMPARE(exportThroughTheMenu(window, "C++ Header…", QString()), exports);
    window.document()->setModified(false);
}

void TestSessionRestore::aLaunchRestoresGeometryDocksAndDataSet()
{
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        window.restoreSession();
        window.show();
        window.resize(1300, 950);
        problemsDock(window)->hide();
        TrainingSettings settings = window.document()->settings();
        settings.dataSet = "fashion-mnist";
        window.document()->setSettings(settings);
        window.document()->setModified(false);
        QVERIFY(window.close());
    }
    MainWindow window;
    cli::assembleWorkspace(window);
    window.restoreSession();
    window.show();
    QCOMPARE(window.size(), QSize(1300, 950));
    QVERIFY(problemsDock(window)->isHidden());
    QCOMPARE(window.document()->settings().dataSet, std::string("fashion-mnist"));
    QCOMPARE(window.findChild<TrainingPanel*>()->settingsForm()->dataSetName(), QString("fashion-mnist"));
    QVERIFY(!window.document()->isModified());
    // A window that does not restore (a test's, a tool's) starts as designed: 1440 x 900 where the screen
    // has room for it.
    MainWindow fresh;
    QCOMPARE(fresh.size(), QSize(1440, 900).boundedTo(fresh.screen()->availableGeometry().size()));
    QCOMPARE(fresh.document()->settings().dataSet, std::string("mnist-10k"));
    window.document()->setModified(false);
    fresh.document()->setModified(false);
}

void TestSessionRestore::theOpenDialogStartsInTheLastOpenedFolder()
{
    QDir(m_dir.path()).mkpath("projects");
    const QString projects = m_dir.filePath("projects");
    {
        MainWindow window;
        window.document()->save(projects + "/a.neurite");
        QVERIFY(window.openProject(projects + "/a.neurite"));
    }
    MainWindow window; // an untitled template: no file of its own to start from
    QAction* open = nullptr;
    QStringList texts;
    for (QAction* action : window.fileMenu()->actions()) {
        texts << action->text();
        if (action->text().remove('&') == QString::fromUtf8("Open…"))
            open = action;
    }
    QVERIFY2(open, qPrintable(texts.join(", ")));
    FileDialogAnswerer answerer{QString()};
    open->trigger();
    QCOMPARE(answerer.startFolder(), projects);
}

QTEST_MAIN(TestSessionRestore)
#include "tst_sessionrestore.moc"
