// The compare actions of the View menu and what they open.
#include "compare/CompareActions.h"

#include "compare/DesignDiffMode.h"
#include "compare/RunCompareDialog.h"
#include "compare/RunPairDialog.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "window/MainWindow.h"
#include "window/UserErrors.h"

#include <neurite/DesignFile.h>
#include <neurite/ProjectFile.h>

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QTabWidget>

namespace neurite::ui {

namespace {
const QString kDesignSources = QObject::tr("Neurite projects, designs and ONNX models (*.neurite *.json *.onnx);;"
                                           "All files (*)");
} // namespace

CompareActions::CompareActions(MainWindow* window)
    : QObject(window), m_window(window), m_diffMode(new DesignDiffMode(window->designEditor(), window->document()))
{
    QMenu* menu = window->viewMenu();
    menu->addSeparator();
    m_compareRuns = menu->addAction(tr("Compare &Runs…"), this, &CompareActions::chooseRunsToCompare);
    m_compareRuns->setToolTip(tr("Two runs side by side: settings, curves, test results"));
    m_withFile = menu->addAction(tr("Compare Design With &File…"), this, [this] { compareDesignWithFile(); });
    m_withRun = menu->addAction(tr("Compare Design With R&un…"), this, [this] { compareDesignWithRun(); });
    connect(window->document(), &ProjectDocument::runsChanged, this, &CompareActions::updateActions);
    connect(window->document(), &ProjectDocument::documentReset, this, &CompareActions::updateActions);
    updateActions();
}

void CompareActions::updateActions()
{
    const std::size_t runs = m_window->document()->runs().size();
    m_compareRuns->setEnabled(runs >= 2);
    m_withRun->setEnabled(runs >= 1);
}

RunCompareDialog* CompareActions::compareDialog() const
{
    return m_dialog;
}

void CompareActions::compareRuns(int a, int b)
{
    const std::vector<RunRecord>& runs = m_window->document()->runs();
    if (a < 0 || b < 0 || a >= int(runs.size()) || b >= int(runs.size()))
        return;
    if (m_dialog)
        m_dialog->close();
    auto* dialog = new RunCompareDialog(runs[std::size_t(a)], runs[std::size_t(b)], m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunCompareDialog::designDiffRequested, this, &CompareActions::showDesignDiff);
    m_dialog = dialog;
    dialog->show();
}

void CompareActions::chooseRunsToCompare()
{
    if (m_window->document()->runs().size() < 2)
        return;
    auto* chooser = new RunPairDialog(m_window->document()->runs(), m_window);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser] { compareRuns(chooser->first(), chooser->second()); });
    chooser->open();
}

bool CompareActions::compareDesignWithFile(const QString& chosen)
{
    const QString path = chosen.isEmpty() ? QFileDialog::getOpenFileName(m_window, tr("Compare Design With"), QString(),
                                                                         kDesignSources)
                                          : chosen;
    if (path.isEmpty())
        return false;
    const QString name = QFileInfo(path).fileName();
    NetworkSpec other;
    const bool read = runReportingErrors(m_window, tr("Cannot compare with %1").arg(name), [&] {
        other = loadProjectOrDesign(QFile::encodeName(path).toStdString()).spec;
    });
    if (!read)
        return false;
    m_window->workspaceTabs()->setCurrentIndex(0);
    m_diffMode->compareWithCurrent(other, name);
    return true;
}

void CompareActions::compareDesignWithRun(int index)
{
    const std::vector<RunRecord>& runs = m_window->document()->runs();
    if (index < 0) {
        QStringList names;
        for (const RunRecord& run : runs)
            names << RunPairDialog::runChoiceText(run);
        bool chosen = false;
        const QString name = QInputDialog::getItem(m_window, tr("Compare Design With Run"),
                                                   tr("Compare this design with the design of"), names,
                                                   int(names.size()) - 1, false, &chosen);
        index = chosen ? int(names.indexOf(name)) : -1;
    }
    if (index < 0 || index >= int(runs.size()))
        return;
    const RunRecord& run = runs[std::size_t(index)];
    m_window->workspaceTabs()->setCurrentIndex(0);
    m_diffMode->compareWithCurrent(run.design, QString::fromStdString(run.name));
}

void CompareActions::showDesignDiff(const NetworkSpec& before, const NetworkSpec& after, const QString& beforeName,
                                    const QString& afterName)
{
    m_window->workspaceTabs()->setCurrentIndex(0);
    m_diffMode->show(before, after, beforeName, afterName);
    m_window->raise();
    m_window->activateWindow();
}

} // namespace neurite::ui
