// The training loop: shuffled mini-batches, optimiser steps, validation, early stopping, divergence guard.
#include "neurite/Trainer.h"

#include "training/Optimizer.h"
#include "kernels/ThreadPool.h"
#include "neurite/Error.h"

#include <chrono>
#include <functional>
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

// Runs `indices` of `set` through the network in eval mode, batch by batch. Returns the mean loss and
// accuracy; `seeBatch` (optional) receives each batch's predictions (n, outputs) and labels.
using BatchPredictions = std::function<void(const Matrix& predictions, const std::uint8_t* labels, int n)>;

std::pair<float, float> measure(Network& network, const SampleSet& set, const std::vector<std::uint32_t>& indices,
                                int batchSize = 256, const BatchPredictions& seeBatch = {})
{
    Matrix x, predictions;
    std::vector<std::uint8_t> labels(static_cast<std::size_t>(batchSize));
    double total = 0;
    long hits = 0;
    for (std::size_t start = 0; start < indices.size(); start += std::size_t(batchSize)) {
        const int n = int(std::min<std::size_t>(std::size_t(batchSize), indices.size() - start));
        gatherBatch(set, indices.data() + start, n, x);
        for (int i = 0; i < n; ++i)
            labels[std::size_t(i)] = set.labels[indices[start + std::size_t(i)]];
        int correct = 0;
        total += double(network.evaluateBatch(x, labels.data(), &correct, seeBatch ? &predictions : nullptr)) * n;
        hits += correct;
        if (seeBatch)
            seeBatch(predictions, labels.data(), n);
    }
    const double count = double(std::max<std::size_t>(1, indices.size()));
    return {float(total / count), float(double(hits) / count)};
}

std::vector<std::uint32_t> allIndices(std::size_t n)
{
    std::vector<std::uint32_t> v(n);
    std::iota(v.begin(), v.end(), 0u);
    return v;
}

} // namespace

void checkDataFitsNetwork(const Network& network, const Dataset& data)
{
    const Shape in = network.inputShape();
    const long pixels = long(data.train.rows) * data.train.cols;
    if (in.size() != pixels)
        throw NeuriteError("The Input layer takes " + std::to_string(in.size()) + " values " + in.toString() +
                           " but data set '" + data.name + "' has " + std::to_string(data.train.rows) + "x" +
                           std::to_string(data.train.cols) + " images (" + std::to_string(pixels) + " values).");
    const bool binary = network.outputSize() == 1 && network.loss() == LossKind::MeanSquaredError &&
                        data.classCount() <= 2;
    if (network.outputSize() < data.classCount() && !binary)
        throw NeuriteError("The Output receives " + std::to_string(network.outputSize()) + " values but data set '" +
                           data.name + "' has " + std::to_string(data.classCount()) +
                           " classes: give the last Dense layer " + std::to_string(data.classCount()) + " units.");
    if (data.train.count() == 0)
        throw NeuriteError("Data set '" + data.name + "' has no training images.");
}

namespace {

class TrainingRun {
public:
    TrainingRun(Network& network, const Dataset& data, const TrainingSettings& settings, ProgressSink* sink,
                TrainingControl* control)
        : m_network(network), m_data(data), m_settings(settings), m_sink(sink), m_control(control),
          m_params(network.parameters()), m_rng(settings.seed)
    {
        validateSettings(settings);
        checkDataFitsNetwork(network, data);
        m_network.setThreads(settings.threads);
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
            const int n = int(std::min<std::size_t>(batchSize, m_train.size() - std::size_t(b) * batchSize));
            const std::uint32_t* idx = m_train.data() + std::size_t(b) * batchSize;
            gatherBatch(m_data.train, idx, n, m_x);
            m_labels.resize(n);
            for (int i = 0; i < n; ++i)
                m_labels[i] = m_data.train.labels[idx[i]];
            // The next batch's images arrive while this one trains.
            if (b + 1 < batches)
                prefetchBatch(m_data.train, idx + n,
                              int(std::min<std::size_t>(batchSize, m_train.size() - std::size_t(b + 1) * batchSize)));
            int correct = 0;
            const float loss = m_network.forwardBackward(m_x, m_labels.data(), &correct);
            if (!std::isfinite(loss)) {
                diverge(epoch + 1, b + 1, loss);
                return;
            }
            // Keep recent good weights so a divergence can go back to them without a copy every batch.
            if (m_step % kSnapshotEvery == 0)
                m_good = snapshot(m_params);
            m_optimizer->step(m_params, currentLr);
            ++m_step;
            lossSum += double(loss) * n;
            hits += correct;
            seen += n;
            if (m_control)
                m_control->batchFinished();
            reportBatch(epoch + 1, b + 1, batches, loss, float(correct) / float(n), currentLr);
        }
        if (seen == 0 || m_stopped)
            return; // a stopped epoch is incomplete: it gets no epoch report
        endEpoch(epoch + 1, float(lossSum / double(seen)), float(double(hits) / double(seen)), currentLr,
                 secondsSince(epochStart) - (m_pausedSeconds - pausedBefore), seen);
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
        m_samples += m_labels.size();
        report.samplesPerSecond = report.elapsedSeconds > 0 ? double(m_samples) / m_trainingSeconds() : 0;
        m_result.history.batches.push_back(report);
        if (m_sink)
            m_sink->onBatch(report);
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
            std::tie(report.validationLoss, report.validationAccuracy) = measure(m_network, m_data.train, m_validation);
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
    std::unique_ptr<Optimizer> m_optimizer;
    std::mt19937_64 m_rng;
    std::vector<std::uint32_t> m_train, m_validation;
    Matrix m_x;
    std::vector<std::uint8_t> m_labels;
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
    // products, optimiser updates) uses exactly `settings.threads` threads.
    ThreadPool pool(settings.threads);
    TrainingResult result;
    pool.enter([&] { result = TrainingRun(network, data, settings, sink, control).run(); });
    return result;
}

Evaluation evaluate(Network& network, const SampleSet& set, int classCount, int batchSize)
{
    Evaluation result;
    result.confusion.assign(std::size_t(classCount), std::vector<int>(std::size_t(classCount), 0));
    const auto countPredictions = [&](const Matrix& predictions, const std::uint8_t* labels, int n) {
        for (int i = 0; i < n; ++i) {
            Eigen::Index predicted = 0;
            predictions.row(i).maxCoeff(&predicted);
            if (labels[i] < classCount && predicted < classCount)
                ++result.confusion[labels[i]][std::size_t(predicted)];
        }
    };
    std::tie(result.loss, result.accuracy) = measure(network, set, allIndices(set.count()), batchSize,
                                                     countPredictions);
    for (int c = 0; c < classCount; ++c) {
        long truePositive = result.confusion[c][c], predicted = 0, actual = 0;
        for (int k = 0; k < classCount; ++k) {
            predicted += result.confusion[k][c];
            actual += result.confusion[c][k];
        }
        const float p = predicted ? float(truePositive) / float(predicted) : 0.0f;
        const float r = actual ? float(truePositive) / float(actual) : 0.0f;
        result.precision.push_back(p);
        result.recall.push_back(r);
        result.f1.push_back(p + r > 0 ? 2 * p * r / (p + r) : 0.0f);
    }
    return result;
}

} // namespace neurite
