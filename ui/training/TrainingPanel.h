// The Train tab: settings, Start / Pause / Resume / Stop, live loss and accuracy charts, results, run comparison.
#pragma once

#include "health/LayerHealthMarks.h"
#include "training/RunControls.h"
#include "training/StopQuestion.h"
#include "training/TrainingController.h"
#include "training/TrainingProgress.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class QTabWidget;

namespace neurite::ui {

class AccuracyChart;
class DataSetPreview;
class DesignFitBar;
class LayerHealthView;
class LearningRateFinderLauncher;
class LiveTextLabel;
class LossChart;
class PaceBox;
class PlanePanel;
class ProjectDocument;
class RunPreflight;
class RunComparison;
class TrainingResultsView;
class TrainingSettingsForm;
class EpochLog;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    // How long Pause and Stop wait for the run to finish the batch under way before they show where it
    // stopped (it would otherwise be a batch or two behind).
    static constexpr int kSettleMs = 1000;

    explicit TrainingPanel(ProjectDocument* document, QWidget* parent = nullptr);
    ~TrainingPanel() override;

    bool isTraining() const;
    // Used when the window closes: false when nothing runs or the user agrees (then stops and waits).
    bool confirmStopForClose();

    // Shows the document's settings and trained history as a saved run (an opened project, a restored run).
    void syncFromDocument();
    // Trains on this data instead of loading the settings' data set (tests, or data made elsewhere).
    void setDataSetOverride(const DataSetHandle& data);

    // Exports; false with lastError() on failure.
    bool exportLossChart(const QString& path);
    bool exportAccuracyChart(const QString& path);
    bool exportHistoryCsv(const QString& path);
    bool exportHealthCsv(const QString& path);
    QString lastError() const { return m_lastError; }

    TrainingController* controller() const { return m_controller; }
    TrainingSettingsForm* settingsForm() const { return m_form; }
    LossChart* lossChart() const { return m_lossChart; }
    AccuracyChart* accuracyChart() const { return m_accuracyChart; }
    TrainingResultsView* results() const { return m_results; }
    RunComparison* runComparison() const { return m_comparison; }
    DataSetPreview* dataSetPreview() const { return m_preview; }
    DesignFitBar* designFitBar() const { return m_fitBar; }
    PlanePanel* planePanel() const { return m_planePanel; }
    // The learning-rate finder that the settings' "Find…" button opens.
    LearningRateFinderLauncher* learningRateFinder() const { return m_lrFinder; }
    LayerHealthView* layerHealthView() const { return m_layerHealth; }
    QPushButton* startButton() const { return m_controls->startButton(); }
    QPushButton* pauseButton() const { return m_controls->pauseButton(); }
    QPushButton* stopButton() const { return m_controls->stopButton(); }
    QPushButton* stepBatchButton() const { return m_controls->stepBatchButton(); }
    QPushButton* stepEpochButton() const { return m_controls->stepEpochButton(); }
    QPushButton* resetButton() const { return m_controls->resetButton(); }
    PaceBox* paceBox() const { return m_controls->paceBox(); }
    // What Stop asks once an epoch has finished (the StopQuestionDialog unless replaced; tests answer it).
    void setStopQuestion(StopQuestion question) { m_stopQuestion = std::move(question); }
    // True from Start until the data set is loaded and checked (or found wanting).
    bool isCheckingData() const;
    QString statusText() const;
    QString logText() const;
    // The last finished run (weights included), if any.
    const std::optional<TrainingOutcome>& lastOutcome() const { return m_outcome; }
    // Test accuracy of the kept weights of the last run, NaN before any.
    double testAccuracy() const { return m_testAccuracy; }

public Q_SLOTS:
    // Checks the data set (loading it on the worker when needed), then starts a run; a refused start says
    // why and leaves no run in the log or the run list.
    void start();
    void togglePause();
    // Asks which weights to keep (setStopQuestion) once an epoch has finished, then stops the run.
    void stop();
    // One more batch, or on to the end of the epoch, then paused; with no run going, starts one paused.
    void step(neurite::StepUnit unit);
    // Changes the learning rate of the running training (marked on the curves).
    void changeLearningRate(float learningRate);
    // Stops a run, and makes the next one start from the seed's initial weights (which the plane shows).
    void reset();

Q_SIGNALS:
    void modelTrained(std::shared_ptr<neurite::Network> network, QString modelName, double testAccuracy,
                      QStringList classNames);
    void statusMessage(const QString& message);
    // The user asked to go back to the design this tab trains (the link above the settings).
    void designEditRequested();
    // Two-dimensional data: what the network answers over the plane (the neurons' maps included) and the
    // weights it was computed with, about 10 times a second while a run trains; cleared for other data.
    void planeInsight(std::shared_ptr<const neurite::PlaneGrid> grid, std::shared_ptr<const neurite::Weights> weights);
    void planeInsightCleared();
    // Each layer's health (green, amber, red and the warning) while a run trains and for the run shown; empty
    // when there is none. The node editor marks the nodes with it.
    void layerHealthMarks(const neurite::ui::LayerHealthMarks& marks);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildSidebar();
    QWidget* buildLiveTab();
    QWidget* buildChartsAndLog(QWidget* tab);
    void connectController();
    void connectSettings();
    void buildExportMenu(QPushButton* button);
    void updateButtons();
    void beginRun(std::optional<StepUnit> firstStep);
    void launch(const DataSetHandle& data);
    void refuseStart(const QString& message);
    std::optional<KeptWeights> chooseWeightsToKeep();
    void onEvaluated(const TestEvaluation& evaluation);
    void onBatches(const BatchReports& batches);
    void onEpoch(const EpochReport& report);
    void onFinished(const TrainingOutcome& outcome);
    void onFailed(const QString& message);
    void onKeptWeightsChanged();
    void publishModel(const Weights& weights, double testAccuracy);
    void loadPreview();
    void onDataSetLoaded(const QString& name, const DataSetHandle& data);
    void onTableSettingsEdited(const TableSettings& table);
    void onRunData(const DataSetHandle& data);
    void showBanner(const QString& text, bool error);
    void appendLog(const QString& line);
    // TrainingPanelHealth.cpp
    void buildLayersTab();
    // TrainingPanelPlane.cpp
    void buildPlane(QWidget* tab);
    void showPlaneFor(const DataSetHandle& data);
    void onPlane(const PlaneSnapshot& snapshot);
    void refreshRestingPlane();
    void onPointsPainted(const std::vector<PlaneSample>& samples, const QStringList& classNames);
    void savePoints();
    void usePaintedPoints(PaintedPoints painted);
    void openPoints();
    QStringList classNames() const;

    ProjectDocument* m_document;
    TrainingController* m_controller;
    RunPreflight* m_preflight;
    TrainingSettingsForm* m_form;
    DataSetPreview* m_preview;
    DesignFitBar* m_fitBar;
    RunControls* m_controls;
    QProgressBar* m_progress;
    LiveTextLabel* m_speed;
    QLabel* m_banner;
    QTabWidget* m_tabs;
    LossChart* m_lossChart;
    AccuracyChart* m_accuracyChart;
    EpochLog* m_log;
    TrainingResultsView* m_results;
    RunComparison* m_comparison;
    LearningRateFinderLauncher* m_lrFinder = nullptr;

    DataSetHandle m_override;
    DataSetHandle m_runData;
    TrainingSettings m_runSettings;
    std::optional<TrainingOutcome> m_outcome;
    BatchReport m_lastBatch;
    std::vector<EpochReport> m_runEpochs;  // of the run going (for the stop question)
    std::optional<StepUnit> m_firstStep;   // the step a run started from idle takes
    std::optional<KeptWeights> m_stopKept; // what the user asked Stop to keep
    StopQuestion m_stopQuestion;
    bool m_askingStop = false;
    double m_testAccuracy;
    int m_runNumber = 0;
    bool m_startedFromWeights = false; // the current run continues from the document's weights
    QString m_previewName;
    TableSettings m_previewTable;    // what the preview's table was loaded with
    ImageSettings m_previewImage;    // ... and its image folder
    PlaneDataOptions m_previewPlane; // ... and its generated points
    QString m_lastError;

    LayerHealthView* m_layerHealth = nullptr;
    PlanePanel* m_planePanel = nullptr;
    QSplitter* m_charts = nullptr;    // loss beside accuracy, or above it when the plane shows
    QTimer* m_planeRefresh = nullptr; // the resting plane follows design edits once they settle
    DataSetHandle m_planeData;        // the two-dimensional data the plane shows (null: none)
    QString m_restingCaption;         // what the plane shows when no run goes
    bool m_showSeedWeights = false;   // after Reset: the seed's weights, not the trained ones
    bool m_adaptDesignOnLoad = false; // painted classes or features changed: the design follows the data
    bool m_playgroundPace = false;    // the pace is the playground's, set for two-dimensional data
    QTimer* m_paintSettle = nullptr;  // painted points load once the strokes pause
    PaintedPoints m_paintedPending;
};

} // namespace neurite::ui
