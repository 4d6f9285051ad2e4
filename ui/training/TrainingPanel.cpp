// The Train tab: settings, Start / Pause / Resume / Stop, live loss and accuracy charts, results, run comparison.
#include "training/TrainingPanel.h"
#include "training/RunRecordOfOutcome.h"

#include "health/LayerHealthView.h"
#include "charts/AccuracyChart.h"
#include "training/DataSetPreview.h"
#include "training/DesignFitBar.h"
#include "playground/PlanePanel.h"
#include "training/TablePreview.h"
#include "training/PaceBox.h"
#include "training/PlaneOptionRows.h"
#include "training/DesignSummary.h"
#include "charts/LossChart.h"
#include "training/EpochLog.h"
#include "training/LiveTextLabel.h"
#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "results/TrainingResultsView.h"
#include "training/RunControls.h"
#include "training/RunPreflight.h"
#include "training/RunReportText.h"
#include "training/TrainingSettingsForm.h"
#include "insight/LearningRateFinderLauncher.h"

#include <neurite/DataSets.h>
#include <neurite/Error.h>
#include <neurite/ModelExport.h>

#include <QCheckBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace neurite::ui {

TrainingPanel::TrainingPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_controller(new TrainingController(this)),
      m_preflight(new RunPreflight(m_controller, this)),
      m_stopQuestion([this](const StopOffer& offer) { return neurite::ui::askWhichWeightsToKeep(this, offer); }),
      m_testAccuracy(std::numeric_limits<double>::quiet_NaN())
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildSidebar());
    m_tabs = new QTabWidget(splitter);
    m_tabs->addTab(buildLiveTab(), tr("Live"));
    buildLayersTab();
    m_results = new TrainingResultsView(m_tabs);
    m_tabs->addTab(m_results, tr("Results"));
    m_comparison = new RunComparison(m_tabs);
    m_tabs->addTab(m_comparison, tr("Compare runs"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 1000});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    connectController();
    connectSettings();
    syncFromDocument();
    updateButtons();
}

// The controller's reports arrive here, on the GUI thread, as values.
void TrainingPanel::connectController()
{
    connect(m_controller, &TrainingController::batchesReported, this, &TrainingPanel::onBatches);
    connect(m_controller, &TrainingController::epochReported, this, &TrainingPanel::onEpoch);
    connect(m_controller, &TrainingController::finished, this, &TrainingPanel::onFinished);
    connect(m_controller, &TrainingController::failed, this, &TrainingPanel::onFailed);
    connect(m_controller, &TrainingController::stateChanged, this, &TrainingPanel::updateButtons);
    connect(m_controller, &TrainingController::runStarted, this, &TrainingPanel::onRunData);
    connect(m_controller, &TrainingController::dataSetLoaded, this, &TrainingPanel::onDataSetLoaded);
    connect(m_controller, &TrainingController::dataSetFailed, this,
            [this](const QString&, const QString& message) { m_preview->showError(message); });
    connect(m_controller, &TrainingController::dataSetProgress, this,
            [this](qulonglong done, qulonglong total) { m_preview->showProgress(done, total); });
    connect(m_controller, &TrainingController::evaluated, this, &TrainingPanel::onEvaluated);
    connect(m_results, &TrainingResultsView::keptWeightsChanged, this, &TrainingPanel::onKeptWeightsChanged);
    connect(m_preflight, &RunPreflight::passed, this, &TrainingPanel::launch);
    connect(m_preflight, &RunPreflight::refused, this, &TrainingPanel::refuseStart);
}

// The form and the document keep each other's settings in step.
void TrainingPanel::connectSettings()
{
    m_lrFinder = new LearningRateFinderLauncher(m_document, m_controller, m_form, this);
    connect(m_form, &TrainingSettingsForm::settingsEdited, this, [this] {
        m_document->setSettings(m_form->settings());
        m_preview->setValidationSplit(m_form->settings().validationSplit);
        m_preview->setAugmentation(m_form->settings().augmentation);
    });
    connect(m_form, &TrainingSettingsForm::dataSetChosen, this, [this] { loadPreview(); });
    connect(m_form->planeRows(), &PlaneOptionRows::featuresEdited, this, [this] { m_adaptDesignOnLoad = true; });
    connect(m_preview->tablePreview(), &TablePreview::tableSettingsEdited, this, &TrainingPanel::onTableSettingsEdited);
    connect(m_document, &ProjectDocument::canTrainChanged, this, &TrainingPanel::updateButtons);
    connect(m_document, &ProjectDocument::documentReset, this, &TrainingPanel::syncFromDocument);
    connect(m_document, &ProjectDocument::settingsChanged, this, [this] {
        if (m_form->settings() != m_document->settings())
            m_form->setSettings(m_document->settings());
        m_preview->setAugmentation(m_document->settings().augmentation);
    });
}

TrainingPanel::~TrainingPanel()
{
    // The controller (a child) stops and joins its thread; the design must not stay locked.
    if (isTraining())
        m_document->setDesignLocked(false);
}

QWidget* TrainingPanel::buildSidebar()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    auto* design = new DesignSummary(m_document, content);
    connect(design, &DesignSummary::editRequested, this, &TrainingPanel::designEditRequested);
    layout->addWidget(design);
    m_fitBar = new DesignFitBar(m_document, content);
    layout->addWidget(m_fitBar);

    auto* settingsBox = new QGroupBox(tr("Training settings"), content);
    auto* settingsLayout = new QVBoxLayout(settingsBox);
    m_form = new TrainingSettingsForm(settingsBox);
    settingsLayout->addWidget(m_form);
    layout->addWidget(settingsBox);

    auto* dataBox = new QGroupBox(tr("Data set"), content);
    auto* dataLayout = new QVBoxLayout(dataBox);
    m_preview = new DataSetPreview(dataBox);
    dataLayout->addWidget(m_preview);
    layout->addWidget(dataBox);
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Exactly as wide as the settings beside a vertical scroll bar (which a 700-pixel-high window needs):
    // with no horizontal scroll bar, anything narrower cuts the fields' right edges off, and anything
    // wider takes room the run controls need in a 1024-pixel window.
    const int scrollBar = scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, scroll);
    scroll->setMinimumWidth(content->minimumSizeHint().width() + scrollBar + 2 * scroll->frameWidth());
    return scroll;
}

QWidget* TrainingPanel::buildLiveTab()
{
    auto* tab = new QWidget;
    m_controls = new RunControls(tab);
    connect(m_controls->startButton(), &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_controls->pauseButton(), &QPushButton::clicked, this, &TrainingPanel::togglePause);
    connect(m_controls->stopButton(), &QPushButton::clicked, this, &TrainingPanel::stop);
    connect(m_controls, &RunControls::learningRateRequested, this, &TrainingPanel::changeLearningRate);
    connect(m_controls->stepBatchButton(), &QPushButton::clicked, this, [this] { step(StepUnit::Batch); });
    connect(m_controls->stepEpochButton(), &QPushButton::clicked, this, [this] { step(StepUnit::Epoch); });
    connect(m_controls->resetButton(), &QPushButton::clicked, this, &TrainingPanel::reset);
    connect(m_controls->paceBox(), &PaceBox::paceChosen, m_controller, &TrainingController::setPace);
    buildExportMenu(m_controls->exportButton());

    m_progress = new QProgressBar(tab);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Not started"));
    m_progress->setTextVisible(true);
    m_speed = new LiveTextLabel(tab);
    m_speed->setMinimumWidth(320);
    auto* status = new QHBoxLayout;
    status->addWidget(m_progress, 1);
    status->addWidget(m_speed);

    m_banner = new QLabel(tab);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_controls);
    layout->addLayout(status);
    layout->addWidget(m_banner);
    layout->addWidget(buildChartsAndLog(tab), 1);
    return tab;
}

// The loss and accuracy charts side by side above the epoch log.
QWidget* TrainingPanel::buildChartsAndLog(QWidget* tab)
{
    m_lossChart = new LossChart(tab);
    m_accuracyChart = new AccuracyChart(tab);
    connect(m_controls->logScale(), &QCheckBox::toggled, m_lossChart, &LossChart::setLogScale);
    m_charts = new QSplitter(Qt::Horizontal);
    m_charts->addWidget(m_lossChart);
    m_charts->addWidget(m_accuracyChart);
    m_log = new EpochLog(tab);
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(m_charts);
    vertical->addWidget(m_log);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({620, 150}); // the charts are the point of this tab
    // Two-dimensional data: the decision plane on the left, as large as the tab's height allows.
    buildPlane(tab);
    auto* live = new QSplitter(Qt::Horizontal);
    live->addWidget(m_planePanel);
    live->addWidget(vertical);
    live->setStretchFactor(0, 3);
    live->setStretchFactor(1, 2);
    return live;
}

bool TrainingPanel::isTraining() const
{
    return m_controller->isRunning();
}

bool TrainingPanel::confirmStopForClose()
{
    if (!isTraining())
        return true;
    const auto answer = QMessageBox::question(this, tr("Training is running"),
                                              tr("A training run is still going. Stop it and close?"),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    m_controller->stop();
    m_controller->waitUntilIdle(60000);
    return true;
}

void TrainingPanel::changeLearningRate(float learningRate)
{
    if (!isTraining() || !(learningRate > 0.0f))
        return;
    m_controller->setLearningRate(learningRate);
    const double x = m_lastBatch.batchesPerEpoch ? epochPosition(m_lastBatch) : 0.0;
    m_lossChart->markLearningRateChange(x, learningRate);
    m_accuracyChart->markLearningRateChange(x, learningRate);
    appendLog(tr("Learning rate set to %1 at epoch %2.").arg(double(learningRate), 0, 'g', 4).arg(x, 0, 'f', 2));
}

void TrainingPanel::updateButtons()
{
    const auto state = m_controller->state();
    m_controls->showState(state, m_document->canTrain()); // the design is locked while its data is checked
    m_form->setEnabled(state == TrainingController::State::Idle && !isCheckingData());
    m_planePanel->setEditable(state == TrainingController::State::Idle && !isCheckingData());
    if (state == TrainingController::State::Paused)
        m_progress->setFormat(tr("Paused — epoch %1, batch %2").arg(m_lastBatch.epoch).arg(m_lastBatch.batch));
}

void TrainingPanel::onBatches(const BatchReports& batches)
{
    if (batches.empty())
        return;
    m_lossChart->addBatches(batches);
    m_accuracyChart->addBatches(batches);
    m_lastBatch = batches.back();
    const BatchReport& b = m_lastBatch;
    const long total = long(m_runSettings.epochs) * b.batchesPerEpoch;
    const long done = long(b.epoch - 1) * b.batchesPerEpoch + b.batch;
    m_progress->setRange(0, int(std::min<long>(total, std::numeric_limits<int>::max())));
    m_progress->setValue(int(done));
    if (m_controller->state() == TrainingController::State::Running)
        m_progress->setFormat(
            tr("Epoch %1/%2 · batch %3/%4").arg(b.epoch).arg(m_runSettings.epochs).arg(b.batch).arg(b.batchesPerEpoch));
    else if (m_controller->isPaused())
        m_progress->setFormat(tr("Paused — epoch %1, batch %2").arg(b.epoch).arg(b.batch));
    m_speed->setText(speedLine(b, done, total, m_controller->pace()));
}

void TrainingPanel::onEpoch(const EpochReport& e)
{
    m_lossChart->addEpoch(e);
    m_accuracyChart->addEpoch(e);
    m_runEpochs.push_back(e);
    appendLog(epochLogLine(e));
}

void TrainingPanel::onFinished(const TrainingOutcome& outcome)
{
    m_document->setDesignLocked(false);
    m_outcome = outcome;
    m_testAccuracy = outcome.test.valid ? double(outcome.test.metrics.accuracy) : std::nan("");
    // One copy of the history for the document and one shared by the run comparison and its chart: a long
    // run's history is megabytes, and on a busy machine each copy into fresh memory costs milliseconds of
    // page faults, all of them on this thread in the moment after Stop.
    auto history = std::make_shared<TrainingHistory>(outcome.history);
    if (outcome.test.valid) { // the history's test values describe the weights that are kept
        history->testAccuracy = outcome.test.metrics.accuracy;
        history->testLoss = outcome.test.metrics.loss;
    }
    m_document->setHistory(*history);
    m_layerHealth->showRun(outcome.history.health, outcome.spec);
    if (m_runData)
        m_document->setDataSet(m_runData->name, m_runData->classNames, m_runData->schema);
    m_document->setTrainedWeights(outcome.keptWeights);
    m_document->appendRun(runRecordOfOutcome(outcome, m_runData));

    m_comparison->addRun({tr("Run %1").arg(m_runNumber), outcome.settings, std::move(history), outcome.outcome});
    m_results->setOutcome(outcome, m_runData, classNames());
    // Stop asked for the best epoch but the run ended by itself first: its choice still holds.
    if (m_stopKept == KeptWeights::Best && !outcome.keptBest && !outcome.bestWeights.empty() &&
        outcome.bestWeights != outcome.lastWeights)
        m_results->setKeptWeights(TrainingResultsView::KeptWeights::Best);
    const bool diverged = outcome.outcome == TrainingResult::Outcome::Diverged;
    const QString summary = outcome.test.valid
                                ? tr("%1. %2.").arg(outcomeName(outcome.outcome), testResultText(outcome.test))
                                : outcomeName(outcome.outcome) + QLatin1Char('.');
    // Early stopping says itself which weights it restored; a stop says it here.
    const bool stoppedForBest = outcome.keptBest && outcome.outcome == TrainingResult::Outcome::Stopped;
    const QString kept = stoppedForBest ? tr(" The weights of epoch %1 were kept.").arg(outcome.history.bestEpoch)
                                        : QString();
    appendLog(summary + (outcome.message.isEmpty() ? QString() : QLatin1Char(' ') + outcome.message) + kept);
    m_progress->setFormat(summary);
    if (diverged || outcome.outcome != TrainingResult::Outcome::Completed)
        showBanner(outcome.message.isEmpty() ? summary : outcome.message, diverged);
    Q_EMIT statusMessage(summary);
    publishModel(outcome.keptWeights, m_testAccuracy);
    updateButtons();
}

void TrainingPanel::onFailed(const QString& message)
{
    m_document->setDesignLocked(false);
    appendLog(tr("Training could not run: %1").arg(message));
    m_progress->setFormat(tr("Not started"));
    showBanner(message, true);
    Q_EMIT statusMessage(message);
    updateButtons();
}

void TrainingPanel::publishModel(const Weights& weights, double testAccuracy)
{
    if (!m_outcome || weights.empty())
        return;
    try {
        auto network = std::make_shared<Network>(m_outcome->spec);
        network->setWeights(weights);
        Q_EMIT modelTrained(network, tr("%1 (run %2)").arg(m_document->displayName()).arg(m_runNumber), testAccuracy,
                            classNames());
    } catch (const std::exception& e) {
        appendLog(tr("Could not build the trained model: %1").arg(QString::fromStdString(e.what())));
    }
}

QStringList TrainingPanel::classNames() const
{
    QStringList names;
    if (m_runData)
        for (const std::string& name : m_runData->classNames)
            names << QString::fromStdString(name);
    return names;
}

void TrainingPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    loadPreview();
}

void TrainingPanel::syncFromDocument()
{
    m_form->setSettings(m_document->settings());
    m_preview->setAugmentation(m_document->settings().augmentation);
    const TrainingHistory& history = m_document->history();
    const int epochs = std::max<int>(m_document->settings().epochs, int(history.epochs.size()));
    m_lossChart->setHistory(history, epochs);
    m_accuracyChart->setHistory(history, epochs);
    m_layerHealth->showRun(history.health, m_document->spec());
    // Another project: nothing of the previous one's run stays on the Live and Results tabs, and a start
    // still checking its data set is called off.
    if (isCheckingData()) {
        m_preflight->cancel();
        m_document->setDesignLocked(false);
        updateButtons();
    }
    m_outcome.reset();
    m_testAccuracy = std::numeric_limits<double>::quiet_NaN();
    m_results->clear();
    m_controls->clearLearningRate();
    m_banner->setVisible(false);
    m_speed->clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    const bool tested = !history.epochs.empty() && std::isfinite(history.testAccuracy);
    m_progress->setFormat(tested ? tr("Saved run: %1 epochs · test accuracy %2")
                                       .arg(history.epochs.size())
                                       .arg(percentText(history.testAccuracy))
                          : history.epochs.empty() ? tr("Not started")
                                                   : tr("Saved run: %1 epochs").arg(history.epochs.size()));
    if (!m_log->toPlainText().isEmpty())
        appendLog(tr("— %1 opened: the runs above belong to the previous document.").arg(m_document->displayName()));
}

void TrainingPanel::showBanner(const QString& text, bool error)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; padding: 6px; border-radius: 4px; }")
              : QStringLiteral("QLabel { background: #eaf2fb; color: #1d3f66; padding: 6px; border-radius: 4px; }"));
    m_banner->setVisible(true);
}

void TrainingPanel::appendLog(const QString& line)
{
    m_log->appendLine(line);
}

QString TrainingPanel::statusText() const
{
    return m_progress->format() + QLatin1Char(' ') + m_speed->text() + QLatin1Char(' ') +
           (m_banner->isHidden() ? QString() : m_banner->text());
}

QString TrainingPanel::logText() const
{
    return m_log->toPlainText();
}

} // namespace neurite::ui
