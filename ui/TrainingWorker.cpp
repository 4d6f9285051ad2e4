// The object that lives on the training thread: loads data, trains, evaluates, and reports values.
#include "TrainingWorker.h"

#include "ThreadHandoff.h"

#include <neurite/DataSets.h>
#include <neurite/Error.h>

#include <QElapsedTimer>

#include <algorithm>
#include <exception>

namespace neurite::ui {

namespace {

// Collects every batch report and hands them on in groups, at most every kUpdateIntervalMs, and
// always at the end of an epoch, so the GUI sees ~25 updates a second however fast batches go.
class ThrottledSink : public ProgressSink {
public:
    ThrottledSink(TrainingWorker* worker, std::uint64_t runId) : m_worker(worker), m_runId(runId)
    {
        m_clock.start();
    }

    void onBatch(const BatchReport& report) override
    {
        m_pending.push_back(report);
        if (m_clock.elapsed() >= TrainingWorker::kUpdateIntervalMs)
            flush();
    }

    void onEpoch(const EpochReport& report) override
    {
        flush();
        handoffSend();
        Q_EMIT m_worker->epochReported(m_runId, report);
    }

    void flush()
    {
        if (m_pending.empty())
            return;
        handoffSend();
        Q_EMIT m_worker->batchesReported(m_runId, m_pending);
        m_pending.clear();
        m_clock.restart();
    }

private:
    TrainingWorker* m_worker;
    std::uint64_t m_runId;
    BatchReports m_pending;
    QElapsedTimer m_clock;
};

QString describe(const std::exception& e)
{
    return QString::fromStdString(e.what());
}

} // namespace

TestEvaluation evaluateOnTestSet(Network& network, const Dataset& data)
{
    TestEvaluation result;
    const ImageSet& test = data.test;
    if (test.count() == 0)
        return result;
    result.metrics = neurite::evaluate(network, test, data.classCount());
    result.predicted.resize(test.count());
    result.confidence.resize(test.count());
    constexpr int kBatch = 256;
    std::vector<std::uint32_t> indices(kBatch);
    Matrix x, probabilities;  // x: (n, pixels) -> probabilities: (n, outputs)
    for (std::size_t start = 0; start < test.count(); start += kBatch) {
        const int n = int(std::min<std::size_t>(kBatch, test.count() - start));
        for (int i = 0; i < n; ++i)
            indices[std::size_t(i)] = std::uint32_t(start + std::size_t(i));
        gatherBatch(test, indices.data(), n, x);
        network.predict(x, probabilities);
        for (int i = 0; i < n; ++i) {
            Eigen::Index best = 0;
            const float p = probabilities.row(i).maxCoeff(&best);
            result.predicted[start + std::size_t(i)] = std::uint8_t(best);
            result.confidence[start + std::size_t(i)] = p;
        }
    }
    result.valid = true;
    return result;
}

void TrainingWorker::loadDataSet(std::uint64_t requestId, const std::string& nameOrFolder)
{
    const QString name = QString::fromStdString(nameOrFolder);
    try {
        auto data = std::make_shared<const Dataset>(neurite::loadDataset(nameOrFolder));
        handoffSend();
        Q_EMIT dataSetLoaded(requestId, name, data);
    } catch (const std::exception& e) {
        handoffSend();
        Q_EMIT dataSetFailed(requestId, name, describe(e));
    }
}

void TrainingWorker::train(const TrainingJob& job)
{
    // A stop that arrived while this job waited in the queue (start/stop/start) skips the work.
    if (job.control->stopRequested()) {
        handoffSend();
        Q_EMIT runFailed(job.runId, tr("Stopped before it started."));
        return;
    }
    try {
        DataSetHandle data = job.data;
        if (!data) {
            data = std::make_shared<const Dataset>(neurite::loadDataset(job.settings.dataSet));
            handoffSend();
            Q_EMIT dataSetLoaded(0, QString::fromStdString(job.settings.dataSet), data);
        }
        handoffSend();
        Q_EMIT runStarted(job.runId, data);
        Network network(job.spec, job.settings.seed);
        ThrottledSink sink(this, job.runId);
        TrainingResult result = neurite::train(network, *data, job.settings, &sink, job.control.get());
        sink.flush();

        TrainingOutcome outcome;
        outcome.runId = job.runId;
        outcome.outcome = result.outcome;
        outcome.message = QString::fromStdString(result.message);
        outcome.spec = job.spec;
        outcome.settings = job.settings;
        outcome.keptWeights = network.weights();
        outcome.keptBest = !result.bestWeights.empty() && outcome.keptWeights == result.bestWeights &&
                           outcome.keptWeights != result.lastWeights;
        outcome.history = std::move(result.history);
        outcome.lastWeights = std::move(result.lastWeights);
        outcome.bestWeights = std::move(result.bestWeights);
        outcome.test = evaluateOnTestSet(network, *data);
        outcome.test.requestId = job.runId;
        handoffSend();
        Q_EMIT runFinished(outcome);
    } catch (const std::exception& e) {
        // NeuriteError (bad settings, a data set that does not fit) and anything unexpected: a message,
        // never an exception crossing into the GUI thread.
        handoffSend();
        Q_EMIT runFailed(job.runId, describe(e));
    }
}

void TrainingWorker::evaluate(std::uint64_t requestId, const NetworkSpec& spec, const Weights& weights,
                              const DataSetHandle& data)
{
    TestEvaluation result;
    result.requestId = requestId;
    try {
        if (data) {
            Network network(spec);
            network.setWeights(weights);
            result = evaluateOnTestSet(network, *data);
            result.requestId = requestId;
        }
    } catch (const std::exception&) {
        result.valid = false;  // the weights came from this very spec; a failure leaves the old views
    }
    handoffSend();
    Q_EMIT evaluated(result);
}

} // namespace neurite::ui
