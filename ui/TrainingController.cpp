// Runs training on a worker thread for the GUI: start, pause, resume, stop, change the learning rate.
#include "TrainingController.h"

#include "TrainingWorker.h"
#include "ThreadHandoff.h"

#include <QEventLoop>
#include <QTimer>

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
    handoffReceive();
#ifdef __linux__
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#endif
}

} // namespace

TrainingController::TrainingController(QObject* parent) : QObject(parent), m_worker(new TrainingWorker)
{
    registerTrainingMetaTypes();
    m_thread.setObjectName(QStringLiteral("neurite-training"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connectWorker();
    m_thread.start();
    handoffSend();
    QMetaObject::invokeMethod(m_worker, &yieldCpuToTheGui, Qt::QueuedConnection);
}

TrainingController::~TrainingController()
{
    if (m_control)
        m_control->requestStop();  // also wakes a paused run
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::connectWorker()
{
    // The worker lives on another thread, so these are queued connections: values are copied across.
    connect(m_worker, &TrainingWorker::dataSetLoaded, this, &TrainingController::onDataSetLoaded);
    connect(m_worker, &TrainingWorker::dataSetFailed, this, &TrainingController::onDataSetFailed);
    connect(m_worker, &TrainingWorker::runStarted, this, [this](quint64 runId, const DataSetHandle& data) {
        handoffReceive();
        if (runId != m_runId)
            return;
        if (data != m_dataSet) {  // a data set handed in by the caller (tests) becomes the cached one
            m_dataSet = data;
            m_dataSetName = QString::fromStdString(data->name);
        }
        Q_EMIT runStarted(data);
    });
    connect(m_worker, &TrainingWorker::batchesReported, this, [this](quint64 runId, const BatchReports& batches) {
        handoffReceive();
        if (runId == m_runId)
            Q_EMIT batchesReported(batches);
    });
    connect(m_worker, &TrainingWorker::epochReported, this, [this](quint64 runId, const EpochReport& report) {
        handoffReceive();
        if (runId == m_runId)
            Q_EMIT epochReported(report);
    });
    connect(m_worker, &TrainingWorker::runFinished, this, &TrainingController::onRunFinished);
    connect(m_worker, &TrainingWorker::runFailed, this, &TrainingController::onRunFailed);
    connect(m_worker, &TrainingWorker::evaluated, this, [this](const TestEvaluation& evaluation) {
        handoffReceive();
        if (evaluation.requestId == m_evaluationRequest)
            Q_EMIT evaluated(evaluation);
    });
}

bool TrainingController::start(const NetworkSpec& spec, const TrainingSettings& settings, DataSetHandle data)
{
    if (m_state == State::Running || m_state == State::Paused)
        return false;
    if (!data && m_dataSet && m_dataSetName == QString::fromStdString(settings.dataSet))
        data = m_dataSet;
    TrainingJob job;
    job.runId = ++m_runId;
    job.spec = spec;
    job.settings = settings;
    job.data = std::move(data);
    job.control = std::make_shared<TrainingControl>();
    m_control = job.control;
    handoffSend();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job] {
            handoffReceive();
            worker->train(job);
        },
        Qt::QueuedConnection);
    setState(State::Running);
    return true;
}

void TrainingController::pause()
{
    if (m_state != State::Running)
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

void TrainingController::stop()
{
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_control->requestStop();
    setState(State::Stopping);
}

void TrainingController::setLearningRate(float learningRate)
{
    if (m_control && learningRate > 0.0f)
        m_control->setLearningRate(learningRate);
}

void TrainingController::loadDataSet(const QString& nameOrFolder)
{
    const std::uint64_t request = ++m_loadRequest;
    const std::string name = nameOrFolder.toStdString();
    handoffSend();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, name] {
            handoffReceive();
            worker->loadDataSet(request, name);
        },
        Qt::QueuedConnection);
}

void TrainingController::evaluate(const NetworkSpec& spec, const Weights& weights)
{
    const std::uint64_t request = ++m_evaluationRequest;
    handoffSend();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, spec, weights, data = m_dataSet] {
            handoffReceive();
            worker->evaluate(request, spec, weights, data);
        },
        Qt::QueuedConnection);
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

void TrainingController::onDataSetLoaded(quint64 requestId, const QString& name, const DataSetHandle& data)
{
    handoffReceive();
    // Loads made for a run (request 0) also refresh the cache; an older preview request does not.
    if (requestId != 0 && requestId != m_loadRequest)
        return;
    m_dataSet = data;
    m_dataSetName = name;
    Q_EMIT dataSetLoaded(name, data);
}

void TrainingController::onDataSetFailed(quint64 requestId, const QString& name, const QString& message)
{
    handoffReceive();
    if (requestId == m_loadRequest)
        Q_EMIT dataSetFailed(name, message);
}

void TrainingController::onRunFinished(const TrainingOutcome& outcome)
{
    handoffReceive();
    if (outcome.runId != m_runId)
        return;
    m_control.reset();
    setState(State::Idle);
    Q_EMIT finished(outcome);
}

void TrainingController::onRunFailed(quint64 runId, const QString& message)
{
    handoffReceive();
    if (runId != m_runId)
        return;
    m_control.reset();
    setState(State::Idle);
    Q_EMIT failed(message);
}

} // namespace neurite::ui
