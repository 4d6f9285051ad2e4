// Measuring a trained network on a sample set: loss and accuracy, the confusion matrix with per-class
// precision/recall/F1, and for regression R², MAE and RMSE in the target's own units.
#include "neurite/Trainer.h"

#include "neurite/ClassScores.h"

#include "training/Measure.h"

#include <cmath>
#include <numeric>

namespace neurite {

std::vector<std::uint32_t> allIndices(std::size_t n)
{
    std::vector<std::uint32_t> v(n);
    std::iota(v.begin(), v.end(), 0u);
    return v;
}

std::pair<float, float> measure(Network& network, const SampleSet& set, const std::vector<std::uint32_t>& indices,
                                int batchSize, const BatchPredictions& seeBatch)
{
    const bool regression = !set.targets.empty();
    Matrix x, predictions;
    std::vector<std::uint8_t> labels(static_cast<std::size_t>(batchSize));
    std::vector<float> targets;
    double total = 0;
    long hits = 0;
    for (std::size_t start = 0; start < indices.size(); start += std::size_t(batchSize)) {
        const int n = int(std::min<std::size_t>(std::size_t(batchSize), indices.size() - start));
        const std::uint32_t* batch = indices.data() + start;
        gatherBatch(set, batch, n, x);
        Matrix* seen = seeBatch ? &predictions : nullptr;
        if (regression) {
            targets.resize(std::size_t(n));
            for (int i = 0; i < n; ++i)
                targets[std::size_t(i)] = set.targets[batch[i]];
            total += double(network.evaluateBatch(x, targets.data(), seen)) * n;
        } else {
            for (int i = 0; i < n; ++i)
                labels[std::size_t(i)] = set.labels[batch[i]];
            int correct = 0;
            total += double(network.evaluateBatch(x, labels.data(), &correct, seen)) * n;
            hits += correct;
        }
        if (seeBatch)
            seeBatch(predictions, batch, n);
    }
    const double count = double(std::max<std::size_t>(1, indices.size()));
    return {float(total / count), regression ? kNoValue : float(double(hits) / count)};
}

Evaluation evaluate(Network& network, const SampleSet& set, int classCount, int batchSize)
{
    Evaluation result;
    result.confusion.assign(std::size_t(classCount), std::vector<int>(std::size_t(classCount), 0));
    const auto countPredictions = [&](const Matrix& predictions, const std::uint32_t* indices, int n) {
        for (int i = 0; i < n; ++i) {
            Eigen::Index predicted = 0;
            predictions.row(i).maxCoeff(&predicted);
            const std::uint8_t label = set.labels[indices[i]];
            if (label < classCount && predicted < classCount)
                ++result.confusion[label][std::size_t(predicted)];
        }
    };
    std::tie(result.loss, result.accuracy) = measure(network, set, allIndices(set.count()), batchSize,
                                                     countPredictions);
    ClassScores scores = classScores(result.confusion);
    result.precision = std::move(scores.precision);
    result.recall = std::move(scores.recall);
    result.f1 = std::move(scores.f1);
    return result;
}

RegressionMetrics regressionMetrics(const std::vector<double>& predicted, const std::vector<double>& actual)
{
    RegressionMetrics m;
    const std::size_t n = std::min(predicted.size(), actual.size());
    if (n == 0)
        return m;
    double mean = 0;
    for (std::size_t i = 0; i < n; ++i)
        mean += actual[i];
    mean /= double(n);
    double absolute = 0, squared = 0, total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double error = predicted[i] - actual[i];
        absolute += std::abs(error);
        squared += error * error;
        total += (actual[i] - mean) * (actual[i] - mean);
    }
    m.mae = absolute / double(n);
    m.rmse = std::sqrt(squared / double(n));
    // As scikit-learn's r2_score: 1 - SS_res / SS_tot; a constant target scores 1 when predicted exactly.
    m.r2 = total > 0 ? 1 - squared / total : (squared == 0 ? 1 : 0);
    return m;
}

RegressionEvaluation evaluateRegression(Network& network, const SampleSet& set, double targetMean,
                                        double targetDeviation, int batchSize)
{
    RegressionEvaluation result;
    result.predicted.reserve(set.count());
    result.actual.reserve(set.count());
    const auto collect = [&](const Matrix& predictions, const std::uint32_t* indices, int n) {
        for (int i = 0; i < n; ++i) {
            result.predicted.push_back(double(predictions(i, 0)) * targetDeviation + targetMean);
            result.actual.push_back(double(set.targets[indices[i]]) * targetDeviation + targetMean);
        }
    };
    result.loss = measure(network, set, allIndices(set.count()), batchSize, collect).first;
    result.metrics = regressionMetrics(result.predicted, result.actual);
    return result;
}

} // namespace neurite
