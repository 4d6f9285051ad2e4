// Train › New Sweep…: a window to plan an experiment on the current design and settings (swept settings and
// layer options, grid or random search, repeats), run it in the background while the user keeps working,
// pause, resume or cancel it between runs, and read its results: a table that fills in live, a
// parallel-coordinates plot with brushing, a scatter of a swept value against the metric, the best run
// marked in all three. Every finished run joins the project's runs (saved with it).
#pragma once

#include "sweep/SweepPlotData.h"
#include "training/TrainingProgress.h"

#include <QWidget>

#include <map>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace neurite::ui {

class ParallelCoordinatesPlot;
class ProjectDocument;
class RunPreflight;
class SweepPlanForm;
class SweepQueue;
class SweepResultsTable;
class SweepScatterPlot;
class TrainingController;

class SweepWindow : public QWidget {
    Q_OBJECT
public:
    // `loader` loads the settings' data set (on its worker thread) and checks it fits the design; the sweep
    // trains on its own thread. `parent` is the main window (the sweep window stays above it).
    SweepWindow(ProjectDocument* document, TrainingController* loader, QWidget* parent = nullptr);
    ~SweepWindow() override;

    // Sweeps this data instead of loading the settings' data set (the Train tab's override: tests, data
    // made elsewhere).
    void setDataSetOverride(const DataSetHandle& data) { m_override = data; }

    // Start: checks the design and data, then queues the form's plan. False when it cannot start (the reason
    // is shown).
    bool startSweep();
    void pauseSweep();
    void resumeSweep();
    // Between runs: no new run starts; with stopRunning the running run stops at its next batch (and is
    // kept as stopped), else it finishes first.
    void cancelSweep(bool stopRunning);
    bool isSweeping() const;
    // The finished runs as `neurite sweep --out` writes them (SweepResults.h: ranked, every digit), saved
    // atomically to `path`; throws NeuriteError naming the file.
    void exportResults(const QString& path) const;
    // The run chosen in the table or a plot (a plan index), or -1.
    void selectRun(int run);
    int selectedRun() const { return m_selected; }
    const SweepPlotData& plotData() const { return m_plotData; }

    SweepPlanForm* planForm() const { return m_form; }
    SweepQueue* queue() const { return m_queue; }
    SweepResultsTable* resultsTable() const { return m_table; }
    ParallelCoordinatesPlot* parallelCoordinates() const { return m_parallel; }
    SweepScatterPlot* scatter() const { return m_scatter; }
    QComboBox* scatterKey() const { return m_scatterKey; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* exportButton() const { return m_export; }
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    // A finished run was selected in the table or a plot: its name among the project's runs.
    void runSelected(const QString& runName);
    // The sweep ended (every run done, or cancelled and the running run ended).
    void sweepEnded();

private:
    QWidget* makeLeftColumn();
    QWidget* makeResults();
    void connectQueue();
    void askCancel();
    void askExport();
    void followDocument();
    void onDataReady(const DataSetHandle& data);
    void onRefused(const QString& message);
    void onRunFinished(int index, const neurite::RunRecord& run);
    void onSweepEnded();
    void refreshViews();
    void showState();

    ProjectDocument* m_document;
    RunPreflight* m_preflight;
    SweepQueue* m_queue;
    SweepPlanForm* m_form;
    QLabel* m_base;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QPushButton* m_export;
    QLabel* m_status;
    SweepResultsTable* m_table;
    QTabWidget* m_views;
    ParallelCoordinatesPlot* m_parallel;
    QComboBox* m_scatterKey;
    SweepScatterPlot* m_scatter;
    DataSetHandle m_override;
    std::vector<PlannedRun> m_plan;               // the sweep shown (running or ended)
    std::map<int, neurite::RunRecord> m_finished; // plan index -> its record
    std::map<int, QString> m_projectNames;        // plan index -> its name among the project's runs
    int m_failed = 0;
    int m_selected = -1;
    bool m_checking = false; // the data set is loading before the queue starts
    bool m_detached = false; // another project was opened: finished runs are not the new project's
    SweepPlotData m_plotData;
};

} // namespace neurite::ui
