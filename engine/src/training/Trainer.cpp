// The training loop: shuffled mini-batches, optimiser steps, validation, early stopping, divergence guard.
#include "neurite/Trainer.h"

#include "training/HealthCollector.h"
#include "training/Measure.h"
#include "training/NextBatchGather.h"
#include "training/Optimizer.h"
#include "training/TrainingThreads.h"
#include "kernels/ThreadPool.h"
#include "neurite/Augmentation.h"
#include "neurite/Error.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace neurite {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Fisher-Yates with our own RNG use, so a seed gives the same order on every standard library.
void shuffle(std::vector<std::uint32_t>& v, std::mt19937_64& rng)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        const std::size_t j = std::size_t(rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

// Copies of the parameter values, to go back to after a divergence or to the best epoch.
std::vector<Matrix> snapshot(const std::vector<ParameterRef>& params)
{
    std::vector<Matrix> copy;
    copy.reserve(params.size());
    for (const ParameterRef& p : params)
        copy.push_back(*p.value);
    return copy;
}

void restore(const std::vector<ParameterRef>& params, const std::vector<Matrix>& copy)
{
    for (std::size_t i = 0; i < params.size(); ++i)
        *params[i].value = copy[i];
}

} // namespace

namespace {

class TrainingRun {
public:
    TrainingRun(Network& network, const Dataset& data, const TrainingSettings& settings, ProgressSink* sink,
                TrainingControl* control, int poolThreads)
        : m_network(network), m_data(data), m_settings(settings), m_sink(sink), m_control(control),
          m_params(network.parameters()), m_health(network, settings.healthEvery), m_rng(settings.seed),
          m_poolThreads(poolThreads)
    {
        validateSettings(settings);
        checkDataFitsNetwork(network, data);
        if (data.train.count() == 0)
            throw NeuriteError("Data set '" + data.name + "' has no training samples.");
        m_regression = data.task() == TaskKind::Regression;
        m_augment = settings.augmentation.enabled;
        if (m_augment && data.train.kind != SampleKind::Image)
            throw NeuriteError("Augmentation works on images only, and '" + data.name +
                               "' is a table: turn augmentation off to train on it.");
        m_network.setThreads(trainingThreads(settings, network.spec()));
        m_optimizer = makeOptimizer(settings.optimizer);
        m_baseLearningRate = settings.optimizer.learningRate;
        splitValidation();
    }

    TrainingResult run()
    {
        m_start = Clock::now();
        m_good = snapshot(m_params);
        for (int epoch = 0; epoch < m_settings.epochs && !finished(); ++epoch)
            runEpoch(epoch);
        finish();
        return std::move(m_result);
    }

private:
    bool finished() const { return m_result.outcome != TrainingResult::Outcome::Completed || m_stopped; }

    void splitValidation()
    {
        m_train = allIndices(m_data.train.count());
        if (m_data.validation.count() > 0) {
            // A validation part that came with the data (an image folder's val/) wins over the split.
            m_validationSet = &m_data.validation;
            m_validation = allIndices(m_data.validation.count());
            return;
        }
        if (m_settings.validationSplit <= 0.0f)
            return;
        shuffle(m_train, m_rng);
        const std::size_t held = std::size_t(std::lround(double(m_train.size()) * m_settings.validationSplit));
        m_validation.assign(m_train.end() - long(held), m_train.end());
        m_train.resize(m_train.size() - held);
        if (m_train.empty())
            throw NeuriteError("validation split: nothing is left to train on; use a smaller split.");
    }

    void runEpoch(int epoch)
    {
        const auto epochStart = Clock::now();
        const double pausedBefore = m_pausedSeconds;
        const float lr = scheduledLearningRate(m_settings.schedule, m_baseLearningRate, epoch, m_settings.epochs);
        shuffle(m_train, m_rng);
        const int batchSize = m_settings.batchSize;
        const int batches = int((m_train.size() + batchSize - 1) / batchSize);
        // A batch gathered ahead indexes this epoch's order: it must not outlive the epoch.
        struct DiscardAhead {
            NextBatchGather& ahead;
            ~DiscardAhead() { ahead.discard(); }
        } discardAhead{m_ahead};
        double lossSum = 0;
        long hits = 0, seen = 0;
        float currentLr = lr;
        for (int b = 0; b < batches; ++b) {
            if (m_control) {
                waitForNextBatch();
                if (m_control->stopRequested()) {
                    m_stopped = true;
                    break;
                }
                if (const float newLr = m_control->takeLearningRate(); newLr > 0.0f) {
                    m_baseLearningRate = newLr;
                    currentLr = scheduledLearningRate(m_settings.schedule, newLr, epoch, m_settings.epochs);
                }
            }
            const int n = takeBatch(epoch, b, batches);
            int correct = 0;
            const float loss = m_regression ? m_network.forwardBackward(m_x, m_targets.data())
                                            : m_network.forwardBackward(m_x, m_labels.data(), &correct);
            if (!std::isfinite(loss)) {
                diverge(epoch + 1, b + 1, loss);
                return;
            }
            // Keep recent good weights so a divergence can go back to them without a copy every batch.
            if (m_step % kSnapshotEvery == 0)
                m_good = snapshot(m_params);
            const bool sampled = stepOptimizer(currentLr);
            lossSum += double(loss) * n;
            hits += correct;
            seen += n;
            if (m_control)
                m_control->batchFinished();
            reportBatch(epoch + 1, b + 1, batches, loss, m_regression ? kNoValue : float(correct) / float(n),
                        currentLr);
            if (sampled)
                reportHealth(epoch + 1);
        }
        if (seen == 0 || m_stopped)
            return; // a stopped epoch is incomplete: it gets no epoch report
        endEpoch(epoch + 1, float(lossSum / double(seen)), m_regression ? kNoValue : float(double(hits) / double(seen)),
                 currentLr, secondsSince(epochStart) - (m_pausedSeconds - pausedBefore), seen);
    }

    // Puts batch b of the epoch in m_x and its targets in place, starts the next batch, and returns the rows.
    int takeBatch(int epoch, int b, int batches)
    {
        const int n = batchRows(b);
        const std::uint32_t* idx = m_train.data() + std::size_t(b) * std::size_t(m_settings.batchSize);
        if (!m_ahead.pending())
            m_ahead.start(m_data.train, idx, n, false);
        m_ahead.take(m_x);
        // The next batch is gathered on the pool's other thread when the step leaves that thread idle.
        const bool gatherBehind = m_poolThreads >= 2 && !m_network.splitsBatch(m_settings.batchSize);
        if (b + 1 < batches)
            m_ahead.start(m_data.train, idx + n, batchRows(b + 1), gatherBehind);
        // Only training batches are augmented: validation and test samples are measured as they are.
        if (m_augment)
            augmentBatch(m_settings.augmentation, m_data.train.shape(), m_x, m_settings.seed, epoch, b);
        gatherTargets(idx, n);
        return n;
    }

    // Rows in batch b of the epoch: the batch size, but for the last batch.
    int batchRows(int b) const
    {
        const std::size_t batchSize = std::size_t(m_settings.batchSize);
        return int(std::min(batchSize, m_train.size() - std::size_t(b) * batchSize));
    }

    // The batch's class labels, or its regression targets.
    void gatherTargets(const std::uint32_t* idx, int n)
    {
        if (m_regression) {
            m_targets.resize(std::size_t(n));
            for (int i = 0; i < n; ++i)
                m_targets[std::size_t(i)] = m_data.train.targets[idx[i]];
            return;
        }
        m_labels.resize(std::size_t(n));
        for (int i = 0; i < n; ++i)
            m_labels[std::size_t(i)] = m_data.train.labels[idx[i]];
    }

    void reportBatch(int epoch, int batch, int batches, float loss, float accuracy, float lr)
    {
        BatchReport report;
        report.epoch = epoch;
        report.batch = batch;
        report.batchesPerEpoch = batches;
        report.step = m_step;
        report.loss = loss;
        report.accuracy = accuracy;
        report.learningRate = lr;
        report.elapsedSeconds = secondsSince(m_start) - m_pausedSeconds;
        m_samples += m_regression ? m_targets.size() : m_labels.size();
        report.samplesPerSecond = report.elapsedSeconds > 0 ? double(m_samples) / m_trainingSeconds() : 0;
        keepBatchReport(m_result.history.batches, report);
        if (m_sink)
            m_sink->onBatch(report);
    }

    // The optimiser's step; true when the layers' health is sampled around it (reportHealth follows).
    bool stepOptimizer(float lr)
    {
        const bool sampled = m_health.beforeStep(m_step + 1, m_trainingSeconds());
        // The update runs where the step ran: on both threads after a split step, else on this one.
        m_optimizer->setThreaded(m_network.splitsBatch(m_x.rows()));
        m_optimizer->step(m_params, lr);
        ++m_step;
        return sampled;
    }

    void reportHealth(int epoch)
    {
        HealthSample sample = m_health.afterStep(m_step, epoch);
        if (m_sink)
            m_sink->onHealth(sample);
        m_health.keep(std::move(sample), m_result.history.health);
    }

    // Training throughput excludes the time spent in validation and paused.
    double m_trainingSeconds() const
    {
        return std::max(1e-9, secondsSince(m_start) - m_validationSeconds - m_pausedSeconds);
    }

    // Paused time (and time spent waiting for the pace) counts nowhere: not in the elapsed time, the
    // epoch's seconds, samples/s or the ETA.
    void waitForNextBatch()
    {
        const auto start = Clock::now();
        m_control->waitForNextBatch();
        m_pausedSeconds += secondsSince(start);
    }

    void endEpoch(int epoch, float trainLoss, float trainAccuracy, float lr, double seconds, long seen)
    {
        EpochReport report;
        report.epoch = epoch;
        report.epochs = m_settings.epochs;
        report.trainLoss = trainLoss;
        report.trainAccuracy = trainAccuracy;
        report.learningRate = lr;
        report.seconds = seconds;
        report.samplesPerSecond = double(seen) / std::max(1e-9, seconds);
        if (!m_validation.empty()) {
            const auto t0 = Clock::now();
            std::tie(report.validationLoss, report.validationAccuracy) = measure(m_network, *m_validationSet,
                                                                                 m_validation);
            m_validationSeconds += secondsSince(t0);
        }
        const float score = m_validation.empty() ? trainLoss : report.validationLoss;
        if (score < m_bestScore) {
            m_bestScore = score;
            m_result.history.bestEpoch = epoch;
            m_result.bestWeights = m_network.weights();
            m_sinceBest = 0;
            report.best = true;
        } else if (++m_sinceBest >= m_settings.earlyStoppingPatience && m_settings.earlyStoppingPatience > 0 &&
                   !m_validation.empty()) {
            m_result.outcome = TrainingResult::Outcome::EarlyStopped;
            m_result.message = "Stopped early: validation loss did not improve for " +
                               std::to_string(m_settings.earlyStoppingPatience) + " epochs; the weights of epoch " +
                               std::to_string(m_result.history.bestEpoch) + " were restored.";
        }
        m_result.history.epochs.push_back(report);
        if (m_sink)
            m_sink->onEpoch(report);
        if (m_control)
            m_control->epochFinished();
    }

    void diverge(int epoch, int batch, float loss)
    {
        restore(m_params, m_good);
        m_result.outcome = TrainingResult::Outcome::Diverged;
        m_result.message = "Training diverged: the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") +
                           " at epoch " + std::to_string(epoch) + ", batch " + std::to_string(batch) +
                           ". The last good weights (at most " + std::to_string(kSnapshotEvery) +
                           " batches earlier) were kept. Try a smaller learning rate.";
    }

    void finish()
    {
        const bool stoppedForBest = m_stopped && m_control && m_control->keptOnStop() == KeptWeights::Best &&
                                    !m_result.bestWeights.empty();
        if (m_stopped && m_result.outcome == TrainingResult::Outcome::Completed) {
            m_result.outcome = TrainingResult::Outcome::Stopped;
            m_result.message = "Stopped by request.";
        }
        m_result.lastWeights = m_network.weights();
        const bool useBest = m_result.outcome == TrainingResult::Outcome::EarlyStopped ||
                             (m_settings.earlyStoppingPatience > 0 && !m_validation.empty() &&
                              m_result.outcome == TrainingResult::Outcome::Completed) ||
                             (stoppedForBest && m_result.outcome == TrainingResult::Outcome::Stopped);
        if (useBest && !m_result.bestWeights.empty())
            m_network.setWeights(m_result.bestWeights);
        if (m_data.test.count() > 0) {
            const auto [loss, accuracy] = measure(m_network, m_data.test, allIndices(m_data.test.count()));
            m_result.history.testLoss = loss;
            m_result.history.testAccuracy = accuracy;
        }
    }

    static constexpr std::int64_t kSnapshotEvery = 20;

    Network& m_network;
    const Dataset& m_data;
    const TrainingSettings& m_settings;
    ProgressSink* m_sink;
    TrainingControl* m_control;
    std::vector<ParameterRef> m_params;
    HealthCollector m_health;
    std::unique_ptr<Optimizer> m_optimizer;
    std::mt19937_64 m_rng;
    std::vector<std::uint32_t> m_train, m_validation;
    const SampleSet* m_validationSet = &m_data.train; // m_validation indexes this set
    int m_poolThreads;                                // the threads of the pool the run is in
    Matrix m_x;
    NextBatchGather m_ahead; // the batch after m_x's
    std::vector<std::uint8_t> m_labels;
    std::vector<float> m_targets;
    bool m_regression = false; // the data's targets are real values (DataSchema's task)
    bool m_augment = false;    // image data with augmentation on
    std::vector<Matrix> m_good;
    TrainingResult m_result;
    Clock::time_point m_start;
    double m_validationSeconds = 0;
    double m_pausedSeconds = 0;
    float m_baseLearningRate = 0;
    float m_bestScore = std::numeric_limits<float>::infinity();
    int m_sinceBest = 0;
    std::int64_t m_step = 0;
    long m_samples = 0;
    bool m_stopped = false;
};

} // namespace

TrainingResult train(Network& network, const Dataset& data, const TrainingSettings& settings, ProgressSink* sink,
                     TrainingControl* control)
{
    // The whole run happens inside a pool of the configured size, so every parallel loop in it (matrix
    // products, optimiser updates) uses exactly the run's threads (`settings.threads`, or when 0 the count
    // trainingThreads chooses for the batch).
    ThreadPool pool(trainingThreads(settings, network.spec()));
    TrainingResult result;
    pool.enter([&] { result = TrainingRun(network, data, settings, sink, control, pool.threads()).run(); });
    return result;
}

} // namespace neurite
