// The object that lives on the training thread: loads data, trains, evaluates, and reports values.
#include "training/TrainingWorker.h"

#include "training/PlaneWatcher.h"
#include "training/TableDataOptions.h"

#include <neurite/DataSets.h>
#include <neurite/Error.h>
#include <neurite/ImageFolder.h>
#include <neurite/TableData.h>

#include <QElapsedTimer>

#include <algorithm>
#include <exception>
#include <functional>

namespace neurite::ui {

namespace {

// Puts every batch and epoch report in the outbox as it comes. Batch reports join the group still waiting
// there, so the GUI takes all batches since its last look in one piece however fast they go; how often it
// looks (about 25 times a second) is the controller's throttle. At an epoch's end it also posts a copy of
// the weights, at most every kCheckpointIntervalMs, for the recovery autosave (RecoveryFile).
class MailboxSink : public ProgressSink {
public:
    MailboxSink(TrainingWorker& worker, TrainingOutbox& outbox, const TrainingJob& job, const Network& network,
                PlaneWatcher* watcher)
        : m_worker(worker), m_outbox(outbox), m_runId(job.runId), m_network(network), m_control(*job.control),
          m_watcher(watcher)
    {
    }

    void onBatch(const BatchReport& report) override
    {
        m_outbox.postOrMerge(
            [&](TrainingReport& newest) {
                auto* group = std::get_if<BatchesDone>(&newest);
                if (!group || group->runId != m_runId)
                    return false;
                group->batches.push_back(report);
                return true;
            },
            [&] {
                return TrainingReport(BatchesDone{m_runId, {report}});
            },
            [this] { Q_EMIT m_worker.reportsPosted(); });
        ++m_batches;
        // While stepping (paused), every step is someone waiting to see what it did.
        if (m_watcher)
            if (std::optional<PlaneSnapshot> look = m_watcher->lookWhenDue(m_network, m_batches, m_control.paused()))
                m_worker.reportPlane(std::move(*look), m_runId);
    }

    void onEpoch(const EpochReport& report) override
    {
        m_worker.report(EpochDone{m_runId, report});
        sendCheckpoint(report.epoch);
    }

    void onHealth(const HealthSample& sample) override { m_worker.report(HealthDone{m_runId, sample}); }

    long batches() const { return m_batches; }

private:
    // The trainer calls onEpoch with the network holding the epoch's final weights.
    void sendCheckpoint(int epoch)
    {
        if (m_checkpointClock.isValid() && m_checkpointClock.elapsed() < TrainingWorker::kCheckpointIntervalMs)
            return;
        m_checkpointClock.start();
        m_worker.report(TrainingCheckpoint{m_runId, epoch, m_network.weights()});
    }

    TrainingWorker& m_worker;
    TrainingOutbox& m_outbox;
    std::uint64_t m_runId;
    const Network& m_network;
    const TrainingControl& m_control;
    PlaneWatcher* m_watcher; // null unless the data is two-dimensional
    long m_batches = 0;
    QElapsedTimer m_checkpointClock;
};

QString describe(const std::exception& e)
{
    return QString::fromStdString(e.what());
}

// Loads a named data set, a folder or a table file; a table's or an image folder's report comes along for
// the preview. `progress` is told how many images are decoded (image folders only).
DataSetLoaded loadData(const std::string& nameOrPath, const TableSettings& table, const ImageSettings& image,
                       const PlaneDataOptions& plane, std::function<void(std::size_t, std::size_t)> progress)
{
    DataSetLoaded loaded;
    loaded.name = QString::fromStdString(nameOrPath);
    loaded.table = table;
    loaded.image = image;
    loaded.plane = plane;
    DataOptions options = dataOptionsFor(table, image, plane);
    if (isTable(nameOrPath)) {
        auto report = std::make_shared<TableReport>();
        loaded.data = std::make_shared<const Dataset>(loadTable(nameOrPath, options, report.get()));
        loaded.tableReport = std::move(report);
    } else if (isImageFolder(nameOrPath)) {
        options.testSplit = double(image.testSplit);
        options.progress = std::move(progress);
        auto report = std::make_shared<ImageFolderReport>();
        loaded.data = std::make_shared<const Dataset>(loadImageFolder(nameOrPath, options, report.get()));
        loaded.imageReport = std::move(report);
    } else {
        loaded.data = std::make_shared<const Dataset>(neurite::loadDataset(nameOrPath, options));
    }
    return loaded;
}

} // namespace

TestEvaluation evaluateOnTestSet(Network& network, const Dataset& data)
{
    TestEvaluation result;
    const SampleSet& test = data.test;
    if (test.count() == 0)
        return result;
    if (data.task() == TaskKind::Regression) {
        result.regression = true;
        result.regressionResult = evaluateRegression(network, test, data.schema.targetMean,
                                                     data.schema.targetDeviation);
        result.metrics.loss = result.regressionResult.loss;
        result.metrics.accuracy = kNoValue;
        result.valid = true;
        return result;
    }
    result.metrics = neurite::evaluate(network, test, data.classCount());
    result.predicted.resize(test.count());
    result.confidence.resize(test.count());
    constexpr int kBatch = 256;
    std::vector<std::uint32_t> indices(kBatch);
    Matrix x, probabilities; // x: (n, pixels) -> probabilities: (n, outputs)
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

TrainingWorker::TrainingWorker(TrainingInbox& inbox, TrainingOutbox& outbox) : m_inbox(inbox), m_outbox(outbox)
{
    // Made here, on the GUI thread before the training thread starts, so the connection itself is
    // ordered before any use of it.
    connect(this, &TrainingWorker::requestPosted, this, &TrainingWorker::takeRequest, Qt::QueuedConnection);
}

void TrainingWorker::report(TrainingReport report)
{
    const bool urgent = !isProgress(report);
    m_outbox.post(std::move(report), urgent, [this] { Q_EMIT reportsPosted(); });
}

void TrainingWorker::takeRequest()
{
    std::optional<TrainingRequest> request = m_inbox.takeOne();
    if (!request)
        return;
    std::visit(
        [this](const auto& r) {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, TrainingJob>)
                train(r);
            else if constexpr (std::is_same_v<R, LoadRequest>)
                loadDataSet(r);
            else if constexpr (std::is_same_v<R, PlaneRequest>)
                lookAtPlane(r);
            else
                evaluate(r);
        },
        *request);
}

// Decoding threads call it one at a time: each count joins the one still waiting in the outbox, so the GUI
// sees the newest count at its next look however fast images are decoded.
std::function<void(std::size_t, std::size_t)> TrainingWorker::progressReporter(std::uint64_t requestId)
{
    return [this, requestId](std::size_t done, std::size_t total) {
        m_outbox.postOrMerge(
            [&](TrainingReport& newest) {
                auto* progress = std::get_if<LoadProgress>(&newest);
                if (!progress || progress->requestId != requestId)
                    return false;
                progress->done = std::max(progress->done, done);
                progress->total = total;
                return true;
            },
            [&] {
                return TrainingReport(LoadProgress{requestId, done, total});
            },
            [this] { Q_EMIT reportsPosted(); });
    };
}

void TrainingWorker::loadDataSet(const LoadRequest& request)
{
    const QString name = QString::fromStdString(request.nameOrFolder);
    try {
        DataSetLoaded loaded = loadData(request.nameOrFolder, request.table, request.image, request.plane,
                                        progressReporter(request.requestId));
        loaded.requestId = request.requestId;
        report(std::move(loaded));
    } catch (const std::exception& e) {
        report(DataSetFailed{request.requestId, name, describe(e)});
    }
}

void TrainingWorker::train(const TrainingJob& job)
{
    // A stop that arrived while this job waited in the inbox (start/stop/start) skips the work.
    if (job.control->stopRequested()) {
        report(RunFailed{job.runId, tr("Stopped before it started.")});
        return;
    }
    try {
        DataSetHandle data = job.data;
        if (!data) {
            DataSetLoaded loaded = loadData(job.settings.dataSet, job.settings.table, job.settings.image,
                                            job.settings.plane, progressReporter(0));
            data = loaded.data;
            report(std::move(loaded));
        }
        report(RunStarted{job.runId, data});
        Network network(job.spec, job.settings.seed);
        if (job.startWeights)
            network.setWeights(*job.startWeights);
        std::unique_ptr<PlaneWatcher> watcher = job.watchPlane ? PlaneWatcher::forData(job.spec, *data) : nullptr;
        if (watcher)
            reportPlane(watcher->look(network.weights(), 0), job.runId);
        MailboxSink sink(*this, m_outbox, job, network, watcher.get());
        TrainingResult result = neurite::train(network, *data, job.settings, &sink, job.control.get());
        if (watcher)
            reportPlane(watcher->look(network.weights(), long(sink.batches())), job.runId);

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
        report(std::move(outcome));
    } catch (const std::exception& e) {
        // NeuriteError (bad settings, a data set that does not fit) and anything unexpected: a message,
        // never an exception crossing into the GUI thread.
        report(RunFailed{job.runId, describe(e)});
    }
}

// A newer look replaces one still waiting in the outbox: only the newest plane is worth drawing.
void TrainingWorker::reportPlane(PlaneSnapshot snapshot, std::uint64_t runId)
{
    snapshot.runId = runId;
    m_outbox.postOrMerge(
        [&](TrainingReport& newest) {
            auto* waiting = std::get_if<PlaneSnapshot>(&newest);
            if (!waiting || waiting->runId != runId)
                return false;
            *waiting = snapshot;
            return true;
        },
        [&] { return TrainingReport(snapshot); }, [this] { Q_EMIT reportsPosted(); });
}

void TrainingWorker::lookAtPlane(const PlaneRequest& request)
{
    PlaneSnapshot snapshot;
    try {
        if (request.data)
            if (std::unique_ptr<PlaneWatcher> watcher = PlaneWatcher::forData(request.spec, *request.data))
                snapshot = watcher->look(request.weights ? *request.weights
                                                         : Network(request.spec, request.seed).weights(),
                                         0);
    } catch (const std::exception&) {
        snapshot = {}; // a design that does not fit the data: no plane (the Train tab says why elsewhere)
    }
    snapshot.requestId = request.requestId;
    report(std::move(snapshot));
}

void TrainingWorker::evaluate(const EvaluationRequest& request)
{
    TestEvaluation result;
    try {
        if (request.data) {
            Network network(request.spec);
            network.setWeights(request.weights);
            result = evaluateOnTestSet(network, *request.data);
        }
    } catch (const std::exception&) {
        result.valid = false; // the weights came from this very spec; a failure leaves the old views
    }
    result.requestId = request.requestId;
    report(std::move(result));
}

} // namespace neurite::ui
