// The Train tab's run buttons: Start (once the data set is loaded and fits), Pause / Resume and the steps of
// one batch or one epoch.
#include "training/TrainingPanel.h"

#include "health/LayerHealthView.h"
#include "charts/AccuracyChart.h"
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "training/LiveTextLabel.h"
#include "training/RunPreflight.h"
#include "training/TrainingSettingsForm.h"

#include <QLabel>
#include <QProgressBar>
#include <QTabWidget>

namespace neurite::ui {

void TrainingPanel::start()
{
    beginRun(std::nullopt);
}

bool TrainingPanel::isCheckingData() const
{
    return m_preflight->isChecking();
}

// Nothing is logged yet: the run counts only once its data set has been loaded and found to fit (launch).
void TrainingPanel::beginRun(std::optional<StepUnit> firstStep)
{
    if (isTraining() || isCheckingData())
        return;
    if (!m_document->canTrain()) {
        showBanner(tr("The design has problems (see the Design tab); fix them to train."), true);
        return;
    }
    m_runSettings = m_form->settings();
    m_document->setSettings(m_runSettings);
    m_firstStep = firstStep;
    m_banner->setVisible(false);
    m_speed->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Checking the data set %1…").arg(QString::fromStdString(m_runSettings.dataSet)));
    m_document->setDesignLocked(true); // the design checked is the design trained
    m_preflight->check(m_document->spec(), m_runSettings, m_override);
    updateButtons();
}

void TrainingPanel::launch(const DataSetHandle& data)
{
    // Fine-tuning starts from the weights the document holds: an imported model's, or the last run's.
    const std::optional<Weights> startWeights = m_runSettings.startFromWeights ? m_document->trainedWeights()
                                                                               : std::nullopt;
    if (m_runSettings.startFromWeights && !startWeights)
        showBanner(tr("There are no weights to start from (the design is new or has changed): this run starts "
                      "from new weights from the seed."),
                   false);
    m_startedFromWeights = startWeights.has_value();
    if (!m_controller->start(m_document->spec(), m_runSettings, data, m_firstStep, startWeights)) {
        m_document->setDesignLocked(false);
        return;
    }
    ++m_runNumber;
    m_runEpochs.clear();
    m_stopKept.reset();
    m_lossChart->reset(m_runSettings.epochs);
    m_accuracyChart->reset(m_runSettings.epochs);
    m_layerHealth->startRun(m_document->spec());
    m_lastBatch = {};
    m_progress->setFormat(m_firstStep ? tr("Paused — stepping…") : tr("Starting…"));
    m_speed->clear();
    m_tabs->setCurrentIndex(0);
    const QString start = m_startedFromWeights ? tr(" · from the current weights") : QString();
    appendLog(tr("— Run %1: %2%3").arg(m_runNumber).arg(RunComparison::describeSettings(m_runSettings), start));
    Q_EMIT statusMessage(tr("Training started."));
}

void TrainingPanel::refuseStart(const QString& message)
{
    m_document->setDesignLocked(false);
    m_progress->setFormat(tr("Not started"));
    showBanner(tr("Training cannot start: %1").arg(message), true);
    Q_EMIT statusMessage(tr("Training cannot start: %1").arg(message));
    updateButtons();
}

void TrainingPanel::togglePause()
{
    if (m_controller->isPaused()) {
        m_controller->resume();
        appendLog(tr("Resumed."));
    } else if (m_controller->state() == TrainingController::State::Running) {
        m_controller->pause();
        m_controller->settlePaused(kSettleMs); // the batch under way when Pause was pressed is shown too
        appendLog(tr("Paused at epoch %1, batch %2.").arg(m_lastBatch.epoch).arg(m_lastBatch.batch));
    }
}

void TrainingPanel::step(StepUnit unit)
{
    if (m_controller->state() == TrainingController::State::Idle)
        beginRun(unit);
    else
        m_controller->step(unit);
}

} // namespace neurite::ui
