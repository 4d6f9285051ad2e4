// The sweep window's run: start (data checked and loaded first), the queue's news into the table, the plots
// and the project, pause, resume and cancel.
#include "sweep/SweepWindow.h"

#include "document/ProjectDocument.h"
#include "sweep/ParallelCoordinatesPlot.h"
#include "sweep/SweepPlanForm.h"
#include "sweep/SweepQueue.h"
#include "sweep/SweepResultsTable.h"
#include "sweep/SweepScatterPlot.h"
#include "training/RunPreflight.h"
#include "window/UserErrors.h"

#include <neurite/SweepResults.h>

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace neurite::ui {

void SweepWindow::connectQueue()
{
    connect(m_queue, &SweepQueue::runStarted, this, [this](int index) {
        m_table->setRunning(index, 0, m_plan[std::size_t(index)].settings.epochs, 0, 0);
        showState();
    });
    connect(m_queue, &SweepQueue::runProgress, m_table, &SweepResultsTable::setRunning);
    connect(m_queue, &SweepQueue::runFinished, this, &SweepWindow::onRunFinished);
    connect(m_queue, &SweepQueue::runFailed, this, [this](int index, const QString& message) {
        ++m_failed;
        m_table->setFailed(index, message);
        showState();
    });
    connect(m_queue, &SweepQueue::sweepEnded, this, &SweepWindow::onSweepEnded);
}

bool SweepWindow::isSweeping() const
{
    return m_checking || m_queue->isRunning();
}

bool SweepWindow::startSweep()
{
    if (isSweeping())
        return false;
    if (!m_form->plan()) {
        m_status->setText(m_form->problem());
        return false;
    }
    if (!m_document->canTrain()) {
        m_status->setText(tr("The design has problems (see the Design tab): fix them first."));
        return false;
    }
    m_plan = *m_form->plan();
    m_finished.clear();
    m_projectNames.clear();
    m_failed = 0;
    m_selected = -1;
    m_detached = false;
    m_table->setPlan(m_plan, sweepPlotData(m_plan, {}).keys);
    refreshViews();
    m_scatterKey->clear();
    for (const std::string& key : m_plotData.keys)
        m_scatterKey->addItem(QString::fromStdString(key));
    m_parallel->clearBrushes();
    m_checking = true;
    showState();
    // The base design and settings load and check the data; a run whose swept values do not fit it fails
    // alone (the table says why) and the sweep goes on.
    m_preflight->check(m_document->spec(), m_document->settings(), m_override);
    return true;
}

void SweepWindow::onDataReady(const DataSetHandle& data)
{
    if (!m_checking)
        return;
    m_checking = false;
    m_queue->start(m_plan, data);
    showState();
}

void SweepWindow::onRefused(const QString& message)
{
    m_checking = false;
    m_queue->resume(); // a pause asked for while loading was for this sweep
    m_table->markQueuedAsNotRun();
    showState();
    m_status->setText(tr("The sweep could not start: %1").arg(message));
}

void SweepWindow::onRunFinished(int index, const neurite::RunRecord& run)
{
    m_finished[index] = run;
    m_table->setDone(index, run);
    if (!m_detached) {
        m_document->appendRun(run);
        m_projectNames[index] = QString::fromStdString(m_document->runs().back().name);
    }
    refreshViews();
    showState();
}

void SweepWindow::onSweepEnded()
{
    m_table->markQueuedAsNotRun();
    showState();
    Q_EMIT sweepEnded();
}

void SweepWindow::pauseSweep()
{
    m_queue->pause();
    showState();
}

void SweepWindow::resumeSweep()
{
    m_queue->resume();
    showState();
}

void SweepWindow::cancelSweep(bool stopRunning)
{
    if (m_checking) {
        m_preflight->cancel();
        onRefused(tr("cancelled"));
        return;
    }
    m_queue->cancel(stopRunning);
    m_queue->resume(); // a paused sweep's thread waits for resume; cancelled, it ends
    showState();
}

// Cancel asks whether the run that is training should stop now or finish first.
void SweepWindow::askCancel()
{
    bool running = false;
    for (int run = 0; run < int(m_plan.size()); ++run)
        running = running || m_table->status(run) == SweepResultsTable::Status::Running;
    if (!running || m_checking)
        return cancelSweep(false);
    QMessageBox box(QMessageBox::Question, tr("Cancel Sweep"),
                    tr("No new run will start, and the finished runs stay in the project. Stop the run that is "
                       "training now too?"),
                    QMessageBox::NoButton, this);
    QPushButton* stop = box.addButton(tr("Stop It Now"), QMessageBox::DestructiveRole);
    QPushButton* finish = box.addButton(tr("Let It Finish"), QMessageBox::AcceptRole);
    box.addButton(tr("Keep Sweeping"), QMessageBox::RejectRole);
    box.setDefaultButton(finish);
    box.exec();
    if (box.clickedButton() == stop || box.clickedButton() == finish)
        cancelSweep(box.clickedButton() == stop);
}

void SweepWindow::exportResults(const QString& path) const
{
    std::vector<neurite::RunRecord> runs;
    for (const auto& entry : m_finished)
        runs.push_back(entry.second);
    saveSweepResultsCsv(runs, path.toStdString());
}

void SweepWindow::askExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Sweep Results"), QStringLiteral("sweep.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        runReportingErrors(this, tr("Export Sweep Results"), [&] { exportResults(path); });
}

void SweepWindow::showState()
{
    const bool sweeping = isSweeping();
    m_form->setEnabled(!sweeping);
    m_start->setEnabled(!sweeping && m_form->plan().has_value());
    m_pause->setEnabled((m_checking || m_queue->isRunning()) && !m_queue->isCancelled());
    m_pause->setText(m_queue->isPaused() ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(sweeping && !m_queue->isCancelled());
    m_export->setEnabled(!m_finished.empty());
    const int count = int(m_plan.size());
    const int done = int(m_finished.size());
    if (m_checking)
        m_status->setText(tr("Loading %1…").arg(QString::fromStdString(m_plan.front().settings.dataSet)));
    else if (m_queue->isRunning() && m_queue->isCancelled())
        m_status->setText(tr("Cancelling: %1 of %2 runs done; waiting for the running run.").arg(done).arg(count));
    else if (m_queue->isPaused())
        m_status->setText(tr("Paused after %1 of %2 runs: the running run finishes, then no new run starts "
                             "until Resume.")
                              .arg(done)
                              .arg(count));
    else if (m_queue->isRunning())
        m_status->setText(tr("Sweeping: %1 of %2 runs done.").arg(done).arg(count));
    else if (count > 0 && (done > 0 || m_failed > 0))
        m_status->setText(tr("Sweep ended: %1 of %2 runs done (%3 failed), kept in the project's runs.")
                              .arg(done)
                              .arg(count)
                              .arg(m_failed));
    else
        m_status->clear(); // the form says what the plan lacks
}

} // namespace neurite::ui
