// Runs training on a worker thread for the GUI: start, pause, resume, step, stop, pace, learning rate.
#pragma once

#include "training/TrainingMessages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace neurite::ui {

class TrainingWorker;

// Lives on the GUI thread and owns one QThread with a TrainingWorker on it. Training never runs on the GUI
// thread. Requests (a run's snapshot of the design and settings, loads, evaluations) go to the worker
// through an inbox, values come back through an outbox (Mailbox.h: std::mutex-guarded, so ThreadSanitizer
// sees every hand-off); the queued signals between the two threads only say "look in the box". Progress is
// taken out at most every kUpdateIntervalMs, results and errors at once. Pause, resume, steps, stop, the
// pace and the learning rate go straight to the run's TrainingControl. Results of a run that was replaced
// (stop, then start again quickly) are dropped.
class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    // Progress reaches the GUI at most once per this many milliseconds (about 25 times a second),
    // however fast batches go.
    static constexpr int kUpdateIntervalMs = 40;

    explicit TrainingController(QObject* parent = nullptr);
    // Stops a running training, then quits and joins the thread.
    ~TrainingController() override;

    // Starts training `spec` with `settings` on `data`, or on settings.dataSet (loaded on the worker, or
    // reused when it was loaded last) when `data` is null. False while a run is going (not yet stopping).
    // With `firstStep` the run starts paused and takes that step first (before the worker sees it).
    bool start(const NetworkSpec& spec, const TrainingSettings& settings, DataSetHandle data = {},
               std::optional<StepUnit> firstStep = std::nullopt,
               const std::optional<Weights>& startWeights = std::nullopt);
    void pause();
    void resume();
    // The run stops before its next batch and keeps the `kept` weights (TrainingControl::requestStop).
    void stop(KeptWeights kept = KeptWeights::Last);
    // While running or paused: one more batch, or on to the end of the epoch, then paused (Paused at once).
    void step(StepUnit unit);
    // Takes effect at the next batch; the schedule still scales it.
    void setLearningRate(float learningRate);
    // At most this many batches a second (0: full speed), for this run and the next ones.
    void setPace(double batchesPerSecond);
    double pace() const { return m_pace; }
    // Whether runs on two-dimensional data send what the network answers over the plane while they train
    // (planeReported); from the next run on.
    void setPlaneWatching(bool watching) { m_watchPlane = watching; }
    bool isWatchingPlane() const { return m_watchPlane; }
    // Paused: runs the event loop until the run waits (its step done) and takes every report that came
    // before, so that the views show where it stopped; at most `timeoutMs`. True when it waits.
    bool settlePaused(int timeoutMs);

    // Loads a data set on the worker (for previews), a table with `table`'s target, roles and test split, an
    // image folder with `image`'s size, channels and test split; answers with dataSetLoaded or
    // dataSetFailed (an image folder's dataSetProgress first).
    void loadDataSet(const QString& nameOrFolder, const TableSettings& table = {}, const ImageSettings& image = {},
                     const PlaneDataOptions& plane = {});
    // Evaluates `weights` on the test split of `data`; answers with evaluated.
    void evaluate(const NetworkSpec& spec, const Weights& weights, const DataSetHandle& data);

    // Asks what `spec` answers over the plane of `data` with `weights` (none: the initial weights of
    // `seed`); answers with planeReported, or not at all when `data` is not two-dimensional.
    void requestPlane(const NetworkSpec& spec, const std::optional<Weights>& weights, std::uint64_t seed,
                      const DataSetHandle& data);

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    bool isPaused() const { return m_state == State::Paused; }
    // The data set most recently loaded or trained on (null before any).
    DataSetHandle dataSet() const { return m_dataSet; }
    QString dataSetName() const { return m_dataSetName; }
    // The table settings dataSet() was loaded with, and for a table what loading found (else null).
    const TableSettings& dataSetTable() const { return m_dataSetTable; }
    TableReportHandle tableReport() const { return m_tableReport; }
    // The image settings dataSet() was loaded with, and for an image folder what loading found (else null).
    const ImageSettings& dataSetImage() const { return m_dataSetImage; }
    ImageReportHandle imageReport() const { return m_imageReport; }
    // Whether dataSet() is `nameOrPath` loaded as `table` (tables) or `image` (image folders) says, and a
    // generated set made with `plane`.
    bool hasLoaded(const std::string& nameOrPath, const TableSettings& table, const ImageSettings& image = {},
                   const PlaneDataOptions& plane = {}) const;
    // Runs the event loop until the run ends or `timeoutMs` passes; true when idle.
    bool waitUntilIdle(int timeoutMs);

Q_SIGNALS:
    void stateChanged(neurite::ui::TrainingController::State state);
    void dataSetLoaded(const QString& name, const neurite::ui::DataSetHandle& data);
    void dataSetFailed(const QString& name, const QString& message);
    // An image folder's images decoded so far, for the preview's or a run's load (about 25 times a second).
    void dataSetProgress(qulonglong done, qulonglong total);
    void runStarted(const neurite::ui::DataSetHandle& data);
    void batchesReported(const neurite::ui::BatchReports& batches);
    void epochReported(const neurite::EpochReport& report);
    // A layer health sample of the current run (LayerHealth.h), at the rate the trainer samples them.
    void healthReported(const neurite::HealthSample& sample);
    // The weights at the end of an epoch of the current run, at most about once a second.
    void checkpointReported(const neurite::ui::TrainingCheckpoint& checkpoint);
    void finished(const neurite::ui::TrainingOutcome& outcome);
    void failed(const QString& message);
    void evaluated(const neurite::ui::TestEvaluation& evaluation);
    // What the network answers over the plane of two-dimensional data: during a run about 10 times a second
    // (each step's at once), and the answer to requestPlane.
    void planeReported(const neurite::ui::PlaneSnapshot& snapshot);

private:
    void setState(State state);
    void request(TrainingRequest request);
    void onReportsPosted();
    void takeReportsIfFree();
    void takeReports(); // waits for the outbox: only when the training thread is known to be waiting
    void deliverReports(std::vector<TrainingReport> reports);
    void deliver(const DataSetLoaded& report);
    void deliver(const DataSetFailed& report);
    void deliver(const LoadProgress& report);
    void deliver(const RunStarted& report);
    void deliver(const BatchesDone& report);
    void deliver(const EpochDone& report);
    void deliver(const HealthDone& report);
    void deliver(const TrainingCheckpoint& checkpoint);
    void deliver(const TrainingOutcome& outcome);
    void deliver(const RunFailed& report);
    void deliver(const TestEvaluation& evaluation);
    void deliver(const PlaneSnapshot& snapshot);

    // Declared before the thread and the worker: the worker holds references to both boxes.
    TrainingInbox m_inbox;
    TrainingOutbox m_outbox;
    std::deque<TrainingReport> m_arrived; // taken from the outbox, not yet delivered (GUI thread only)
    QElapsedTimer m_sinceUpdate;          // since progress was last taken out
    QTimer m_updateTimer;                 // takes out progress that arrived too soon after the last update
    QThread m_thread;
    std::atomic<bool> m_threadFinished{false};
    TrainingWorker* m_worker; // lives on m_thread; deleted by the destructor once the thread has finished
    State m_state = State::Idle;
    std::shared_ptr<TrainingControl> m_control;
    double m_pace = 0;
    bool m_watchPlane = true;
    std::uint64_t m_runId = 0;
    std::uint64_t m_loadRequest = 0;
    std::uint64_t m_evaluationRequest = 0;
    std::uint64_t m_planeRequest = 0;
    DataSetHandle m_dataSet;
    QString m_dataSetName;
    TableSettings m_dataSetTable;
    TableReportHandle m_tableReport;
    ImageSettings m_dataSetImage;
    ImageReportHandle m_imageReport;
    PlaneDataOptions m_dataSetPlane;
};

} // namespace neurite::ui
