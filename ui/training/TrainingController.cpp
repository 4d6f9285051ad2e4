// Runs training on a worker thread for the GUI: start, pause, resume, step, stop, pace, learning rate.
#include "training/TrainingController.h"

#include "training/TrainingWorker.h"

#include <QEventLoop>

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace neurite::ui {

namespace {

// Runs on the training thread: a nice value of +5 (Linux keeps one per thread, and the oneTBB workers it
// starts inherit it) lets the GUI thread win the CPU whenever it needs it, so the window stays responsive
// on a busy machine; on an otherwise idle machine training is as fast as before. QThread's own priorities
// do nothing under Linux's default scheduler.
void yieldCpuToTheGui()
{
#ifdef __linux__
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#endif
}

} // namespace

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_worker(new TrainingWorker(m_inbox, m_outbox))
{
    registerTrainingMetaTypes();
    m_thread.setObjectName(QStringLiteral("neurite-training"));
    m_worker->moveToThread(&m_thread);
    m_updateTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: the cadence of one update per kUpdateIntervalMs is a promise.
    m_updateTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_updateTimer, &QTimer::timeout, this, &TrainingController::takeReportsIfFree);
    // Every connection between the threads is made before the thread starts, and none carries a value.
    connect(&m_thread, &QThread::started, m_worker, &yieldCpuToTheGui, Qt::DirectConnection);
    // The last thing the training thread does (see the destructor).
    connect(
        &m_thread, &QThread::finished, m_worker, [this] { m_threadFinished.store(true, std::memory_order_release); },
        Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::reportsPosted, this, &TrainingController::onReportsPosted, Qt::QueuedConnection);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    if (m_control)
        m_control->requestStop(); // also wakes a paused run
    m_thread.quit();
    m_thread.wait();
    // QThread::wait() waits on a futex inside Qt, so TSan does not learn from it that the thread is done;
    // this acquire pairs with the release at the thread's end and tells it. Only then is the worker deleted,
    // here on the GUI thread, which also wrote it last (deleting it on its own thread at the end would
    // race, for TSan, with the GUI thread's last notification to it).
    while (!m_threadFinished.load(std::memory_order_acquire))
        QThread::yieldCurrentThread(); // never loops: wait() returned after `finished`
    delete m_worker;
}

void TrainingController::request(TrainingRequest request)
{
    // Urgent: one notification per request, queued to the worker's thread.
    m_inbox.post(std::move(request), true, [this] { Q_EMIT m_worker->requestPosted(); });
}

void TrainingController::onReportsPosted()
{
    // Answers (results, errors, loaded data) are taken at once; progress waits for the next update.
    const qint64 sinceUpdate = m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : kUpdateIntervalMs;
    if (m_outbox.hasUrgent() || sinceUpdate >= kUpdateIntervalMs)
        takeReportsIfFree();
    else if (!m_updateTimer.isActive())
        m_updateTimer.start(int(kUpdateIntervalMs - sinceUpdate));
}

// The GUI thread does not wait while the training thread holds the outbox (Mailbox.h): it looks again in
// kMailboxBusyRetryMs.
void TrainingController::takeReportsIfFree()
{
    std::optional<std::vector<TrainingReport>> reports = m_outbox.tryTakeAll();
    if (!reports) {
        m_updateTimer.start(kMailboxBusyRetryMs);
        return;
    }
    deliverReports(std::move(*reports));
}

void TrainingController::takeReports()
{
    deliverReports(m_outbox.takeAll());
}

void TrainingController::deliverReports(std::vector<TrainingReport> reports)
{
    m_updateTimer.stop();
    m_sinceUpdate.start();
    for (TrainingReport& report : reports)
        m_arrived.push_back(std::move(report));
    // A slot may spin an event loop (waitUntilIdle) and so come back here: taking reports one at a time
    // from a member queue keeps them in order even then.
    while (!m_arrived.empty()) {
        const TrainingReport report = std::move(m_arrived.front());
        m_arrived.pop_front();
        std::visit([this](const auto& r) { deliver(r); }, report);
    }
}

void TrainingController::deliver(const DataSetLoaded& report)
{
    // Loads made for a run (request 0) also refresh the cache; an older preview request does not.
    if (report.requestId != 0 && report.requestId != m_loadRequest)
        return;
    m_dataSet = report.data;
    m_dataSetName = report.name;
    m_dataSetTable = report.table;
    m_tableReport = report.tableReport;
    m_dataSetImage = report.image;
    m_dataSetPlane = report.plane;
    m_imageReport = report.imageReport;
    Q_EMIT dataSetLoaded(report.name, report.data);
}

void TrainingController::deliver(const DataSetFailed& report)
{
    if (report.requestId == m_loadRequest)
        Q_EMIT dataSetFailed(report.name, report.message);
}

void TrainingController::deliver(const LoadProgress& report)
{
    if (report.requestId == 0 || report.requestId == m_loadRequest)
        Q_EMIT dataSetProgress(report.done, report.total);
}

void TrainingController::deliver(const RunStarted& report)
{
    if (report.runId != m_runId)
        return;
    if (report.data != m_dataSet) { // a data set handed in by the caller (tests) becomes the cached one
        m_dataSet = report.data;
        m_dataSetName = QString::fromStdString(report.data->name);
        m_tableReport.reset();
        m_imageReport.reset();
    }
    Q_EMIT runStarted(report.data);
}

void TrainingController::deliver(const BatchesDone& report)
{
    if (report.runId == m_runId)
        Q_EMIT batchesReported(report.batches);
}

void TrainingController::deliver(const EpochDone& report)
{
    if (report.runId == m_runId)
        Q_EMIT epochReported(report.report);
}

void TrainingController::deliver(const HealthDone& report)
{
    if (report.runId == m_runId)
        Q_EMIT healthReported(report.sample);
}

void TrainingController::deliver(const TrainingCheckpoint& checkpoint)
{
    if (checkpoint.runId == m_runId)
        Q_EMIT checkpointReported(checkpoint);
}

void TrainingController::deliver(const TrainingOutcome& outcome)
{
    if (outcome.runId != m_runId)
        return;
    m_control.reset();
    setState(State::Idle);
    Q_EMIT finished(outcome);
}

void TrainingController::deliver(const RunFailed& report)
{
    if (report.runId != m_runId)
        return;
    m_control.reset();
    setState(State::Idle);
    Q_EMIT failed(report.message);
}

void TrainingController::deliver(const PlaneSnapshot& snapshot)
{
    // A run's looks while it is the current one; an answer only to the newest request.
    const bool ofThisRun = snapshot.runId != 0 && snapshot.runId == m_runId;
    const bool answer = snapshot.runId == 0 && snapshot.requestId == m_planeRequest;
    if ((ofThisRun || answer) && snapshot.grid)
        Q_EMIT planeReported(snapshot);
}

void TrainingController::requestPlane(const NetworkSpec& spec, const std::optional<Weights>& weights,
                                      std::uint64_t seed, const DataSetHandle& data)
{
    request(PlaneRequest{++m_planeRequest, spec, weights, seed, data});
}

void TrainingController::deliver(const TestEvaluation& evaluation)
{
    if (evaluation.requestId == m_evaluationRequest)
        Q_EMIT evaluated(evaluation);
}

bool TrainingController::start(const NetworkSpec& spec, const TrainingSettings& settings, DataSetHandle data,
                               std::optional<StepUnit> firstStep, const std::optional<Weights>& startWeights)
{
    if (m_state == State::Running || m_state == State::Paused)
        return false;
    if (!data && hasLoaded(settings.dataSet, settings.table, settings.image, settings.plane))
        data = m_dataSet;
    TrainingJob job;
    job.runId = ++m_runId;
    job.spec = spec;
    job.settings = settings;
    job.data = std::move(data);
    job.startWeights = startWeights;
    job.watchPlane = m_watchPlane;
    job.control = std::make_shared<TrainingControl>();
    job.control->setPace(m_pace);
    if (firstStep)
        job.control->requestSteps(*firstStep);
    m_control = job.control;
    request(std::move(job));
    setState(firstStep ? State::Paused : State::Running);
    return true;
}

void TrainingController::pause()
{
    // Also when paused: a step still going is called off.
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_control->setPaused(true);
    setState(State::Paused);
}

void TrainingController::resume()
{
    if (m_state != State::Paused)
        return;
    m_control->setPaused(false);
    setState(State::Running);
}

void TrainingController::stop(KeptWeights kept)
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_control->requestStop(kept);
    setState(State::Stopping);
}

void TrainingController::step(StepUnit unit)
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_control->requestSteps(unit, 1);
    setState(State::Paused);
}

void TrainingController::setPace(double batchesPerSecond)
{
    m_pace = std::max(0.0, batchesPerSecond);
    if (m_control)
        m_control->setPace(m_pace);
}

bool TrainingController::settlePaused(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_state == State::Paused && m_control && !m_control->waiting() && clock.elapsed() < timeoutMs) {
        QEventLoop loop; // a short wait that keeps the window painting
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const bool waits = m_state == State::Paused && m_control && m_control->waiting();
    if (waits)
        takeReports(); // the trainer posted every report before it began to wait
    return waits;
}

void TrainingController::setLearningRate(float learningRate)
{
    if (m_control && learningRate > 0.0f)
        m_control->setLearningRate(learningRate);
}

void TrainingController::loadDataSet(const QString& nameOrFolder, const TableSettings& table,
                                     const ImageSettings& image, const PlaneDataOptions& plane)
{
    request(LoadRequest{++m_loadRequest, nameOrFolder.toStdString(), table, image, plane});
}

bool TrainingController::hasLoaded(const std::string& nameOrPath, const TableSettings& table,
                                   const ImageSettings& image, const PlaneDataOptions& plane) const
{
    if (!m_dataSet || m_dataSetName != QString::fromStdString(nameOrPath))
        return false;
    if (isPlaneDataSet(nameOrPath) && !(m_dataSetPlane == plane))
        return false;
    if (m_dataSet->schema.kind == DataSchema::Kind::Table)
        return m_dataSetTable == table;
    return !m_imageReport || m_dataSetImage == image;
}

void TrainingController::evaluate(const NetworkSpec& spec, const Weights& weights, const DataSetHandle& data)
{
    request(EvaluationRequest{++m_evaluationRequest, spec, weights, data});
}

bool TrainingController::waitUntilIdle(int timeoutMs)
{
    if (!isRunning())
        return true;
    QEventLoop loop;
    connect(this, &TrainingController::stateChanged, &loop, [&loop](State state) {
        if (state == State::Idle)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !isRunning();
}

void TrainingController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace neurite::ui
