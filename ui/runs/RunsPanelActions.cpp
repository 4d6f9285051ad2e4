// The Runs tab's actions on the selected runs: restore, use for prediction, compare, delete, star.
#include "runs/RunsPanel.h"

#include "document/ProjectDocument.h"
#include "runs/RunCommands.h"
#include "runs/RunModelChoice.h"

#include <QPushButton>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace neurite::ui {

namespace {

QString runName(const ProjectDocument* document, int run)
{
    return QString::fromStdString(document->runs()[std::size_t(run)].name);
}

void enable(QPushButton* button, bool enabled, const QString& toolTip)
{
    button->setEnabled(enabled);
    button->setToolTip(toolTip);
}

} // namespace

// Each button says what it does, or why it cannot.
void RunsPanel::updateButtons()
{
    const std::vector<int> runs = selectedRuns();
    const bool one = runs.size() == 1;
    if (!one)
        enable(m_restore, false, tr("Select one run to put its design and settings back"));
    else if (m_document->isDesignLocked())
        enable(m_restore, false, tr("The design cannot change while a training runs"));
    else
        enable(m_restore, true,
               tr("Put %1's design and settings back into the editor and the Train tab (undoable)")
                   .arg(runName(m_document, runs.front())));
    if (!one)
        enable(m_predict, false, tr("Select one run to predict with its weights"));
    else if (!m_document->runs()[std::size_t(runs.front())].weights)
        enable(m_predict, false,
               tr("%1 kept no weights: the project keeps those of its best runs and of starred runs (star a run "
                  "before a better one replaces it)")
                   .arg(runName(m_document, runs.front())));
    else
        enable(m_predict, true, tr("Load %1's weights into the Predict tab").arg(runName(m_document, runs.front())));
    enable(m_compare, runs.size() == 2,
           runs.size() == 2 ? tr("Compare the two runs side by side") : tr("Select exactly two runs to compare them"));
    enable(m_delete, !runs.empty(),
           runs.empty() ? tr("Select the runs to delete")
                        : tr("Delete the selected runs (Edit › Undo brings them back)"));
}

void RunsPanel::restoreSelected()
{
    const std::vector<int> runs = selectedRuns();
    if (runs.size() != 1)
        return;
    commitNote();
    if (!m_document->execute(new RestoreRunCommand(m_document, runs.front()))) {
        showMessage(tr("The design cannot change while a training runs"), true);
        return;
    }
    showMessage(tr("Restored %1's design and settings (Edit › Undo puts back what was there)")
                    .arg(runName(m_document, runs.front())));
    Q_EMIT runRestored(runs.front());
}

void RunsPanel::useSelectedForPrediction()
{
    const std::vector<int> runs = selectedRuns();
    if (runs.size() != 1)
        return;
    const RunRecord& run = m_document->runs()[std::size_t(runs.front())];
    const QString name = tr("%1 (%2)").arg(QString::fromStdString(run.name), m_document->displayName());
    QString error;
    const std::optional<ModelChoice> model = modelChoiceFromRun(run, name, &error);
    if (!model) {
        showMessage(error, true);
        return;
    }
    showMessage(tr("The Predict tab uses %1's weights").arg(QString::fromStdString(run.name)));
    Q_EMIT predictionRequested(*model);
}

void RunsPanel::compareSelected()
{
    const std::vector<int> runs = selectedRuns();
    if (runs.size() == 2)
        Q_EMIT compareRequested(runs[0], runs[1]);
}

// One undo step for the whole selection; from the last run back, so that the indices stay right.
void RunsPanel::deleteSelected()
{
    std::vector<int> runs = selectedRuns();
    if (runs.empty())
        return;
    commitNote();
    m_noteRun = -1;
    std::sort(runs.begin(), runs.end(), std::greater<>());
    const QString what = runs.size() == 1 ? runName(m_document, runs.front()) : tr("%1 runs").arg(runs.size());
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Delete %1").arg(what));
    for (int run : runs)
        stack->push(new DeleteRunCommand(m_document, run));
    stack->endMacro();
    showMessage(tr("Deleted %1 (Edit › Undo brings it back)").arg(what));
}

void RunsPanel::toggleStar(int run)
{
    if (run < 0 || run >= int(m_document->runs().size()))
        return;
    m_document->setRunStarred(run, !m_document->runs()[std::size_t(run)].starred);
}

} // namespace neurite::ui
