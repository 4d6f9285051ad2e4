// The application window: workspace tabs (Design, and Train / Predict added by others), File menu, title.
#pragma once

#include <QMainWindow>
#include <QStringList>

#include <functional>

class QLabel;
class QTabWidget;

namespace neurite::ui {

class DesignEditor;
class ProjectDocument;
class RecoveryFile;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 8;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectDocument* document() const { return m_document; }
    DesignEditor* designEditor() const { return m_editor; }
    void addWorkspaceTab(QWidget* tab, const QString& title);
    QTabWidget* workspaceTabs() const { return m_tabs; }
    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* exportMenu() const { return m_exportMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }
    RecoveryFile* recoveryFile() const { return m_recovery; }

    // Opens a .neurite project, or a design JSON file as a new, unsaved project holding that design (told
    // apart by content). A bad file shows an error naming the problem and keeps the current design.
    bool openProject(const QString& path);
    // File > Import ONNX (and an .onnx file opened or dropped): the model as a new, unsaved project with
    // its weights, laid out for the view. A model that cannot be imported shows every node that failed.
    bool importModel(const QString& path);
    // File > New from Template with the template's resource path (":/templates/reference-mlp.json").
    bool newFromTemplate(const QString& resource);
    bool saveProject();
    bool saveProjectAs();
    // File > Save Design As: the design and its layout as a design JSON file (render/DesignFile.h).
    bool saveDesign(const QString& path);
    bool saveDesignAs();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    QString lastError() const { return m_lastError; }

    static QStringList recentFiles();
    // The window's geometry, the Design tab's dock layout and the last data set as the last launch left
    // them (QSettings); from then on they are saved on close. The application calls it at start; a window
    // that does not (tests) starts as designed and leaves the settings alone.
    void restoreSession();

protected:
    void closeEvent(QCloseEvent* event) override;
    // A model, project or design file dropped anywhere on the window opens as File > Open would.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void newEmpty();
    void openWithDialog();
    void importWithDialog();
    void rebuildRecentMenu();
    void addRecentFile(const QString& path);
    void updateTitle();
    QString suggestedPath(const QString& suffix) const;
    void updateStatus();
    // At start (sayWhenNone false) and from File > Recover Unsaved Work, which says when there is none.
    void offerRecovery(bool sayWhenNone);
    bool restoreOrphan(const QString& orphan);
    void saveSession() const;
    void showError(const QString& title, const QString& message);
    // Runs `action`, showing the user error it throws (UserErrors.h) under `title`; true when it succeeded.
    bool attempt(const QString& title, const std::function<void()>& action);

    ProjectDocument* m_document;
    QTabWidget* m_tabs;
    DesignEditor* m_editor;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_validationLabel = nullptr;
    RecoveryFile* m_recovery;
    QString m_lastError;
    bool m_sessionRestored = false;
};

} // namespace neurite::ui
