// The application window: workspace tabs (Design, and Train / Predict added by others), File menu, title.
#include "window/MainWindow.h"

#include "editor/DesignEditor.h"
#include "editor/DesignTemplates.h"
#include "editor/GraphView.h"
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "document/SessionSettings.h"
#include "window/HelpMenu.h"
#include "window/ModelImport.h"
#include "window/RecoveryDialog.h"
#include "window/UserErrors.h"

#include <neurite/OnnxImport.h>
#include <neurite/ProjectFile.h>

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace neurite::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kFileFilter = QObject::tr("Neurite projects (*.neurite);;All files (*)");
const QString kOpenFilter = QObject::tr("Neurite projects, designs and ONNX models (*.neurite *.json *.onnx);;"
                                        "Neurite projects (*.neurite);;Design files (*.json);;ONNX models (*.onnx);;"
                                        "All files (*)");
const QString kDesignFilter = QObject::tr("Design files (*.json);;All files (*)");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kDockStateKey = QStringLiteral("window/designDocks");
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_document(new ProjectDocument(this))
{
    // 1440 x 900, or the screen's free area where that is smaller (the layouts keep it above their minimum).
    resize(QSize(1440, 900).boundedTo(screen()->availableGeometry().size()));
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_editor = new DesignEditor(m_document, m_tabs);
    m_tabs->addTab(m_editor, tr("Design"));
    setCentralWidget(m_tabs);
    setAcceptDrops(true);
    createMenus();
    createStatusBar();

    connect(m_document, &ProjectDocument::pathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::designFileChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::validationChanged, this, &MainWindow::updateStatus);
    connect(m_editor, &DesignEditor::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 6000); });

    // A new user meets a working network, not an empty canvas.
    const QList<DesignTemplate> templates = designTemplates();
    if (!templates.isEmpty())
        newFromTemplate(templates.first().resource);
    updateTitle();
    updateStatus();
    m_recovery = new RecoveryFile(m_document, this);
    QTimer::singleShot(0, this, [this] { offerRecovery(false); });
}

// Children die in creation order, and the document came first: the tabs (editor, training panel, whose
// destructors still use the document) are deleted explicitly while it exists. The document's own last
// signal (its undo stack's cleanChanged as it dies) would reach a window already past this destructor: the
// window stops listening first.
MainWindow::~MainWindow()
{
    delete m_tabs;
    m_document->disconnect(this);
}

void MainWindow::addWorkspaceTab(QWidget* tab, const QString& title)
{
    m_tabs->addTab(tab, title);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            newEmpty();
    });
    QMenu* templates = m_fileMenu->addMenu(tr("New from &Template"));
    for (const DesignTemplate& t : designTemplates()) {
        QAction* action = templates->addAction(t.name, this, [this, resource = t.resource] {
            if (maybeSave())
                newFromTemplate(resource);
        });
        action->setStatusTip(t.description);
        action->setToolTip(t.description);
    }
    m_fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openWithDialog);
    QAction* importOnnx = m_fileMenu->addAction(tr("&Import ONNX…"), this, &MainWindow::importWithDialog);
    importOnnx->setStatusTip(
        tr("Open an ONNX model (from PyTorch, Keras, ...) as an editable design with its weights"));
    m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::saveProject);
    m_fileMenu->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveProjectAs);
    QAction* saveDesign = m_fileMenu->addAction(tr("Save &Design As…"), this, &MainWindow::saveDesignAs);
    saveDesign->setStatusTip(tr("Write the design and its layout as a JSON text file (no settings or weights)"));
    QAction* recover = m_fileMenu->addAction(tr("Recover Unsaved &Work…"), this, [this] { offerRecovery(true); });
    recover->setStatusTip(tr("Restore or discard the unsaved work that sessions which did not close properly left"));
    m_fileMenu->addSeparator();
    m_exportMenu = m_fileMenu->addMenu(tr("&Export"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions(m_editor->editActions());
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addActions(m_editor->viewActions());
    installHelpMenu(this);
}

void MainWindow::createStatusBar()
{
    m_validationLabel = new QLabel(this);
    m_validationLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_validationLabel);
}

void MainWindow::newEmpty()
{
    m_document->newDesign(NetworkSpec{});
}

bool MainWindow::newFromTemplate(const QString& resource)
{
    return attempt(tr("Cannot open template"), [&] {
        m_document->newDesign(loadTemplate(resource));
        // A design saved from a template keeps the template's name and description; a playground template
        // also brings the data and optimiser it is meant for.
        for (const DesignTemplate& t : designTemplates())
            if (t.resource == resource) {
                m_document->setDesignInfo(t.name, t.description);
                if (t.settings) {
                    m_document->setSettings(*t.settings);
                    m_document->setModified(false); // a fresh template, with what it brings, is not an edit
                }
            }
    });
}

bool MainWindow::openProject(const QString& path)
{
    if (designSourceOf(QFile::encodeName(path).toStdString()) == DesignSource::Onnx)
        return importModel(path);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const std::string file = QFile::encodeName(path).toStdString();
    const bool opened = attempt(tr("Cannot open %1").arg(QFileInfo(path).fileName()), [&] {
        if (designSourceOf(file) == DesignSource::DesignJson)
            m_document->openDesign(loadDesignFile(file), absolute);
        else
            m_document->loadProject(neurite::loadProject(file), absolute);
    });
    if (!opened)
        return false;
    addRecentFile(absolute);
    rememberFolder(FolderKind::Open, absolute);
    m_tabs->setCurrentWidget(m_editor);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void MainWindow::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString current = m_document->path().isEmpty() ? m_document->designFile() : m_document->path();
    const QString start = current.isEmpty() ? lastFolder(FolderKind::Open) : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project or Design"), start, kOpenFilter);
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::importModel(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    QString summary;
    const bool imported = attempt(tr("Cannot import %1").arg(name), [&] {
        OnnxImport model = importOnnx(QFile::encodeName(path).toStdString());
        model.project.settings.startFromWeights = true; // Train fine-tunes the model unless told otherwise
        m_document->loadProject(model.project, QString());
        m_document->setDesignInfo(QFileInfo(path).completeBaseName(), tr("Imported from %1").arg(name));
        m_document->setModified(true); // nothing saved it yet: closing asks
        summary = importSummary(name, int(model.project.spec.layers.size()), model.notes);
    });
    if (!imported)
        return false;
    rememberFolder(FolderKind::Open, QFileInfo(path).absoluteFilePath());
    m_tabs->setCurrentWidget(m_editor);
    statusBar()->showMessage(summary, 15000);
    return true;
}

void MainWindow::importWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import ONNX Model"), lastFolder(FolderKind::Open),
                                                      tr(kOnnxFilter));
    if (!path.isEmpty())
        importModel(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!openableDroppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = openableDroppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: a save question or an error box must not run inside the drag's event.
    QTimer::singleShot(0, this, [this, path] {
        if (maybeSave())
            openProject(path);
    });
}

bool MainWindow::saveProject()
{
    if (m_document->path().isEmpty())
        return saveProjectAs();
    if (!attempt(tr("Cannot save project"), [&] { m_document->save(m_document->path()); }))
        return false;
    m_recovery->discard();
    addRecentFile(m_document->path());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
    return true;
}

bool MainWindow::saveProjectAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestedPath(".neurite"), kFileFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".neurite");
    if (!attempt(tr("Cannot save project"), [&] { m_document->save(path); }))
        return false;
    m_recovery->discard();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    rememberFolder(FolderKind::Save, path);
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 4000);
    return true;
}

bool MainWindow::saveDesign(const QString& path)
{
    if (!attempt(tr("Cannot save design"), [&] { m_document->saveDesign(path); }))
        return false;
    addRecentFile(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Saved the design to %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool MainWindow::saveDesignAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Design As"), suggestedPath(".json"), kDesignFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    rememberFolder(FolderKind::Save, path);
    return saveDesign(path);
}

// Where a save dialog starts: the file of that kind the project already has, else one named after the
// project's other file (a design opened from mlp.json suggests mlp.neurite), else "network" in the folder
// last saved to.
QString MainWindow::suggestedPath(const QString& suffix) const
{
    const QString own = suffix == QLatin1String(".json") ? m_document->designFile() : m_document->path();
    if (!own.isEmpty())
        return own;
    const QString other = suffix == QLatin1String(".json") ? m_document->path() : m_document->designFile();
    if (other.isEmpty())
        return inLastFolder(FolderKind::Save, QStringLiteral("network") + suffix);
    const QFileInfo info(other);
    return info.path() + QLatin1Char('/') + info.completeBaseName() + suffix;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveProject();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_recovery->discard();
    if (m_sessionRestored)
        saveSession();
    event->accept();
}

// The data set goes into the start-up document's settings without making it "modified"; one that is gone
// (a deleted folder) is not restored.
void MainWindow::restoreSession()
{
    m_sessionRestored = true;
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    m_editor->restoreState(settings.value(kDockStateKey).toByteArray());
    const QString dataSet = lastDataSet();
    const bool exists = knownDataFacts(dataSet.toStdString()) || QFileInfo(dataSet).isDir() ||
                        QFileInfo(dataSet).isFile(); // a table
    if (!exists || dataSet.toStdString() == m_document->settings().dataSet)
        return;
    const bool modified = m_document->isModified();
    TrainingSettings training = m_document->settings();
    training.dataSet = dataSet.toStdString();
    m_document->setSettings(training);
    m_document->setModified(modified);
}

void MainWindow::saveSession() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kDockStateKey, m_editor->saveState());
    rememberDataSet(QString::fromStdString(m_document->settings().dataSet));
}

QStringList MainWindow::recentFiles()
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString& path : files) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openProject(path);
        });
        action->setStatusTip(path);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Menu"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    // A design file opened as a new project says where its design came from: saving makes a .neurite.
    if (m_document->path().isEmpty() && !m_document->designFile().isEmpty())
        setWindowTitle(tr("%1 (design from %2)[*] — Neurite")
                           .arg(m_document->displayName(), QFileInfo(m_document->designFile()).fileName()));
    else
        setWindowTitle(tr("%1[*] — Neurite").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const ValidationReport& report = m_document->validation();
    const size_t errors = report.errors().size();
    if (errors == 0) {
        m_validationLabel->setText(tr("<span style='color:#1e8e3e'>✔ Ready to train</span> · %1 parameters")
                                       .arg(QLocale().toString(qlonglong(report.totalParameters()))));
    } else {
        m_validationLabel->setText(
            (errors == 1 ? tr("<span style='color:#d93025'>✖ 1 problem</span>: see Problems")
                         : tr("<span style='color:#d93025'>✖ %1 problems</span>: see Problems").arg(errors)));
    }
}

// Offered after the window is up, without blocking: every crashed session's work, each kept until the user
// restores or discards it. File > Recover Unsaved Work offers again what was left for later.
void MainWindow::offerRecovery(bool sayWhenNone)
{
    if (auto* shown = findChild<RecoveryDialog*>(QStringLiteral("recoveryOffer")); shown && shown->isVisible()) {
        shown->raise();
        return;
    }
    const QStringList orphans = RecoveryFile::orphans();
    if (orphans.isEmpty()) {
        if (sayWhenNone)
            statusBar()->showMessage(tr("No unsaved work from an earlier session to recover"), 6000);
        return;
    }
    QList<RecoveredWork> work;
    for (const QString& orphan : orphans)
        work.append(RecoveryFile::describe(orphan));
    auto* dialog = new RecoveryDialog(
        work, [this](const QString& orphan) { return restoreOrphan(orphan); }, this);
    dialog->setObjectName(QStringLiteral("recoveryOffer"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// The recovered work then lives only in this window: it goes into this session's recovery file at once.
bool MainWindow::restoreOrphan(const QString& orphan)
{
    if (!maybeSave())
        return false;
    if (!attempt(tr("Cannot recover"), [&] { RecoveryFile::restore(orphan, m_document); }))
        return false;
    m_recovery->saveNow();
    m_tabs->setCurrentWidget(m_editor);
    return true;
}

// Non-blocking (window-modal) so that callers, scripts and tests carry on; the message names the problem.
void MainWindow::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    showUserError(this, title, message);
}

bool MainWindow::attempt(const QString& title, const std::function<void()>& action)
{
    const QString message = userErrorOf(action);
    if (!message.isEmpty())
        showError(title, message);
    return message.isEmpty();
}

} // namespace neurite::ui
