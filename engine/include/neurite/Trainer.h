// Trains a Network on a Dataset: shuffled mini-batches, epochs, validation, early stopping, divergence guard.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/TrainingHistory.h"
#include "neurite/TrainingControl.h"
#include "neurite/TrainingSettings.h"

#include <string>

namespace neurite {

// Receives progress as values. Called on the training thread: implementations hand values on (the UI
// through queued signals) and return quickly.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void onBatch(const BatchReport&) {}
    virtual void onEpoch(const EpochReport&) {}
    // Each layer health sample, after the batch report of its step.
    virtual void onHealth(const HealthSample&) {}
};

struct TrainingResult {
    enum class Outcome { Completed, Stopped, EarlyStopped, Diverged };
    Outcome outcome = Outcome::Completed;
    std::string message; // for Diverged: what happened and which weights were kept
    TrainingHistory history;
    Weights lastWeights; // weights after the last finished batch (last good ones when diverged)
    Weights bestWeights; // weights of the best epoch (empty when there was no finished epoch)
};

// Trains `network` in place. On return the network holds the best weights for EarlyStopped (and
// Completed with early stopping on) and for Stopped when the stop asked for them, else the last good
// weights. Time spent paused or waiting for the control's pace is left out of every reported duration. Throws
// NeuriteError for bad settings or a data set that does not fit the network (naming the Input/Output layer).
TrainingResult train(Network& network, const Dataset& data, const TrainingSettings& settings,
                     ProgressSink* sink = nullptr, TrainingControl* control = nullptr);

// Accuracy and loss over a whole set of class-labelled samples, in eval mode.
struct Evaluation {
    float loss = 0;
    float accuracy = 0;
    std::vector<std::vector<int>> confusion;  // [true][predicted]
    std::vector<float> precision, recall, f1; // per class
};
Evaluation evaluate(Network& network, const SampleSet& set, int classCount, int batchSize = 256);

// How far predicted values are from the true ones, in the target's own units.
struct RegressionMetrics {
    double r2 = 0;   // 1 - sum((p - y)^2) / sum((y - mean(y))^2), as scikit-learn's r2_score
    double mae = 0;  // mean |p - y|
    double rmse = 0; // sqrt(mean (p - y)^2)
};
RegressionMetrics regressionMetrics(const std::vector<double>& predicted, const std::vector<double>& actual);

// A regression network over a set of standardised targets: the loss (MSE of the standardised values), each
// prediction and true value mapped back with `targetMean` and `targetDeviation` (DataSchema), and the metrics.
struct RegressionEvaluation {
    float loss = 0;
    RegressionMetrics metrics;
    std::vector<double> predicted, actual; // per sample, in the target's units (a scatter plot's points)
};
RegressionEvaluation evaluateRegression(Network& network, const SampleSet& set, double targetMean,
                                        double targetDeviation, int batchSize = 256);

// Checks that `data` fits `network` (input size; the class count, or for regression a single output with
// the MSE loss); throws NeuriteError naming the layer and saying what to change.
void checkDataFitsNetwork(const Network& network, const Dataset& data);

} // namespace neurite
