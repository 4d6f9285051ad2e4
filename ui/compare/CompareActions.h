// The window's ways into comparing: View › Compare Runs… (two of the project's runs side by side),
// View › Compare Design With File… (a project, design file or ONNX model) and Compare Design With Run…
// (the design diff in the editor), and compareRuns(a, b) for the Runs list's Compare button.
#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace neurite {
struct NetworkSpec;
} // namespace neurite

namespace neurite::ui {

class DesignDiffMode;
class MainWindow;
class RunCompareDialog;

class CompareActions : public QObject {
    Q_OBJECT
public:
    // Adds the actions to the window's View menu.
    explicit CompareActions(MainWindow* window);

    DesignDiffMode* diffMode() const { return m_diffMode; }
    QAction* compareRunsAction() const { return m_compareRuns; }
    QAction* compareWithFileAction() const { return m_withFile; }
    QAction* compareWithRunAction() const { return m_withRun; }
    // The comparison opened last, while it is open.
    RunCompareDialog* compareDialog() const;

    // Opens the comparison of the document's runs `a` and `b` (indices into ProjectDocument::runs()).
    void compareRuns(int a, int b);
    // Asks which two runs, then compares them.
    void chooseRunsToCompare();
    // The current design against the design in `path`; an empty path asks for one. False (with the
    // error shown) when the file cannot be read.
    bool compareDesignWithFile(const QString& path = QString());
    // The current design against run `index`'s; -1 asks which run.
    void compareDesignWithRun(int index = -1);
    // Any two designs in the editor's diff mode (the comparison dialog's Show Design Diff).
    void showDesignDiff(const neurite::NetworkSpec& before, const neurite::NetworkSpec& after,
                        const QString& beforeName, const QString& afterName);

private:
    void updateActions();

    MainWindow* m_window;
    DesignDiffMode* m_diffMode;
    QAction* m_compareRuns;
    QAction* m_withFile;
    QAction* m_withRun;
    QPointer<RunCompareDialog> m_dialog;
};

} // namespace neurite::ui
