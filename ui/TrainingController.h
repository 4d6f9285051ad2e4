// Runs training on a worker thread for the GUI: start, pause, resume, stop, change the learning rate.
#pragma once

#include "TrainingProgress.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <cstdint>
#include <memory>

namespace neurite::ui {

class TrainingWorker;

// Lives on the GUI thread and owns one QThread with a TrainingWorker on it. A run receives a snapshot of
// the design and settings; progress comes back as values through queued signals, throttled by the worker.
// Results of a run that was replaced (stop, then start again quickly) are dropped.
class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    // Stops a running training, then quits and joins the thread.
    ~TrainingController() override;

    // Starts training `spec` with `settings` on `data`, or on settings.dataSet (loaded on the worker, or
    // reused when it was loaded last) when `data` is null. False while a run is going (not yet stopping).
    bool start(const NetworkSpec& spec, const TrainingSettings& settings, DataSetHandle data = {});
    void pause();
    void resume();
    void stop();
    // Takes effect at the next batch; the schedule still scales it.
    void setLearningRate(float learningRate);

    // Loads a data set on the worker (for previews); answers with dataSetLoaded or dataSetFailed.
    void loadDataSet(const QString& nameOrFolder);
    // Evaluates `weights` on the test split of the last run's data set; answers with evaluated.
    void evaluate(const NetworkSpec& spec, const Weights& weights);

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    bool isPaused() const { return m_state == State::Paused; }
    // The data set most recently loaded or trained on (null before any).
    DataSetHandle dataSet() const { return m_dataSet; }
    QString dataSetName() const { return m_dataSetName; }
    // Runs the event loop until the run ends or `timeoutMs` passes; true when idle.
    bool waitUntilIdle(int timeoutMs);

Q_SIGNALS:
    void stateChanged(neurite::ui::TrainingController::State state);
    void dataSetLoaded(const QString& name, const neurite::ui::DataSetHandle& data);
    void dataSetFailed(const QString& name, const QString& message);
    void runStarted(const neurite::ui::DataSetHandle& data);
    void batchesReported(const neurite::ui::BatchReports& batches);
    void epochReported(const neurite::EpochReport& report);
    void finished(const neurite::ui::TrainingOutcome& outcome);
    void failed(const QString& message);
    void evaluated(const neurite::ui::TestEvaluation& evaluation);

private:
    void setState(State state);
    void connectWorker();
    void onDataSetLoaded(quint64 requestId, const QString& name, const DataSetHandle& data);
    void onDataSetFailed(quint64 requestId, const QString& name, const QString& message);
    void onRunFinished(const TrainingOutcome& outcome);
    void onRunFailed(quint64 runId, const QString& message);

    QThread m_thread;
    TrainingWorker* m_worker;  // lives on m_thread; deleted when the thread finishes
    State m_state = State::Idle;
    std::shared_ptr<TrainingControl> m_control;
    std::uint64_t m_runId = 0;
    std::uint64_t m_loadRequest = 0;
    std::uint64_t m_evaluationRequest = 0;
    DataSetHandle m_dataSet;
    QString m_dataSetName;
};

} // namespace neurite::ui
