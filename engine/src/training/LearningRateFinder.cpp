// The learning-rate range test: a copy of the network trained while the rate grows exponentially.
#include "neurite/LearningRateFinder.h"

#include "kernels/ThreadPool.h"
#include "training/Optimizer.h"
#include "neurite/Error.h"
#include "neurite/Trainer.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace neurite {

void validateFinderSettings(const LearningRateFinderSettings& finder)
{
    if (!(finder.minLearningRate > 0.0f) || !std::isfinite(finder.minLearningRate))
        throw NeuriteError("minimum learning rate must be a number above 0");
    if (!(finder.maxLearningRate > finder.minLearningRate) || !std::isfinite(finder.maxLearningRate))
        throw NeuriteError("maximum learning rate must be above the minimum learning rate (" +
                           std::to_string(finder.minLearningRate) + ")");
    if (finder.steps < 10 || finder.steps > 100000)
        throw NeuriteError("steps must be between 10 and 100000 (got " + std::to_string(finder.steps) + ")");
    if (!(finder.smoothing >= 0.0f && finder.smoothing < 1.0f))
        throw NeuriteError("smoothing must be at least 0 and below 1");
    if (!(finder.divergenceFactor > 1.0f))
        throw NeuriteError("divergence factor must be above 1");
}

float finderLearningRate(const LearningRateFinderSettings& finder, int step)
{
    if (step <= 0)
        return finder.minLearningRate;
    if (step >= finder.steps - 1)
        return finder.maxLearningRate;
    const double ratio = double(finder.maxLearningRate) / double(finder.minLearningRate);
    return float(double(finder.minLearningRate) * std::pow(ratio, double(step) / double(finder.steps - 1)));
}

namespace {

// One sweep: owns the copy of the network, its optimiser and the shuffled order of the training samples.
class RangeTest {
public:
    RangeTest(const Network& network, const Dataset& data, const TrainingSettings& settings,
              const LearningRateFinderSettings& finder)
        : m_copy(network.spec(), settings.seed), m_data(data), m_settings(settings), m_finder(finder),
          m_rng(settings.seed)
    {
        m_copy.setWeights(network.weights());
        m_copy.setThreads(settings.threads);
        m_params = m_copy.parameters();
        m_optimizer = makeOptimizer(settings.optimizer);
        m_regression = data.task() == TaskKind::Regression;
        m_order.resize(data.train.count());
        std::iota(m_order.begin(), m_order.end(), std::uint32_t(0));
    }

    LearningRateFinderResult run(const LearningRateFinderSink& sink, const std::stop_token& stop)
    {
        const auto start = std::chrono::steady_clock::now();
        m_result.plannedSteps = m_finder.steps;
        for (int step = 0; step < m_finder.steps; ++step) {
            if (stop.stop_requested()) {
                m_result.outcome = LearningRateFinderResult::Outcome::Cancelled;
                break;
            }
            const std::size_t before = m_result.points.size();
            const bool goOn = takeStep(step);
            // The point that showed the divergence is reported too; a non-finite loss left none.
            if (sink && m_result.points.size() > before)
                sink({step + 1, m_finder.steps, m_result.points.back()});
            if (!goOn)
                break;
        }
        m_result.suggestion = suggestLearningRate(m_result.points);
        m_result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::move(m_result);
    }

private:
    // Trains one batch at the step's rate and records its loss; false when the sweep diverged.
    bool takeStep(int step)
    {
        const float lr = finderLearningRate(m_finder, step);
        nextBatch();
        const float loss = m_regression ? m_copy.forwardBackward(m_x, m_targets.data())
                                        : m_copy.forwardBackward(m_x, m_labels.data());
        if (!std::isfinite(loss)) {
            m_result.outcome = LearningRateFinderResult::Outcome::Diverged;
            return false;
        }
        // Bias-corrected moving average (as Adam's moments): the first values are not pulled towards 0.
        const double beta = m_finder.smoothing;
        m_average = beta * m_average + (1.0 - beta) * double(loss);
        const double smoothed = m_average / (1.0 - std::pow(beta, double(step + 1)));
        m_result.points.push_back({lr, loss, float(smoothed)});
        m_best = std::min(m_best, smoothed);
        if (step > 0 && smoothed > double(m_finder.divergenceFactor) * m_best) {
            m_result.outcome = LearningRateFinderResult::Outcome::Diverged;
            return false;
        }
        m_optimizer->setThreaded(m_copy.splitsBatch(m_x.rows())); // as the trainer: where the step ran
        m_optimizer->step(m_params, lr);
        return true;
    }

    // Gathers the next batch of the shuffled order into m_x and its labels or targets; reshuffles (Fisher-
    // Yates on our own generator, as the trainer) at the start of each pass.
    void nextBatch()
    {
        if (m_next >= m_order.size())
            m_next = 0;
        if (m_next == 0)
            for (std::size_t i = m_order.size(); i > 1; --i)
                std::swap(m_order[i - 1], m_order[std::size_t(m_rng() % i)]);
        const int n = int(std::min<std::size_t>(std::size_t(m_settings.batchSize), m_order.size() - m_next));
        const std::uint32_t* idx = m_order.data() + m_next;
        m_next += std::size_t(n);
        gatherBatch(m_data.train, idx, n, m_x); // m_x: (n, valuesPerSample)
        m_labels.resize(m_regression ? 0 : std::size_t(n));
        m_targets.resize(m_regression ? std::size_t(n) : 0);
        for (int i = 0; i < n; ++i) {
            if (m_regression)
                m_targets[std::size_t(i)] = m_data.train.targets[idx[i]];
            else
                m_labels[std::size_t(i)] = m_data.train.labels[idx[i]];
        }
    }

    Network m_copy;
    const Dataset& m_data;
    const TrainingSettings& m_settings;
    const LearningRateFinderSettings& m_finder;
    std::mt19937_64 m_rng;
    std::vector<ParameterRef> m_params;
    std::unique_ptr<Optimizer> m_optimizer;
    bool m_regression = false;
    std::vector<std::uint32_t> m_order;
    std::size_t m_next = 0;
    Matrix m_x;
    std::vector<std::uint8_t> m_labels;
    std::vector<float> m_targets;
    double m_average = 0;
    double m_best = std::numeric_limits<double>::infinity();
    LearningRateFinderResult m_result;
};

} // namespace

LearningRateFinderResult findLearningRate(const Network& network, const Dataset& data, const TrainingSettings& settings,
                                          const LearningRateFinderSettings& finder, const LearningRateFinderSink& sink,
                                          std::stop_token stop)
{
    validateFinderSettings(finder);
    validateSettings(settings);
    checkDataFitsNetwork(network, data);
    if (data.train.count() == 0)
        throw NeuriteError("Data set '" + data.name + "' has no training samples.");
    // As train(): every parallel loop of the sweep uses exactly `settings.threads` threads.
    ThreadPool pool(settings.threads);
    LearningRateFinderResult result;
    pool.enter([&] { result = RangeTest(network, data, settings, finder).run(sink, stop); });
    return result;
}

} // namespace neurite
