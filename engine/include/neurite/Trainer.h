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

// Accuracy and loss over a whole image set, in eval mode.
struct Evaluation {
    float loss = 0;
    float accuracy = 0;
    std::vector<std::vector<int>> confusion;  // [true][predicted]
    std::vector<float> precision, recall, f1; // per class
};
Evaluation evaluate(Network& network, const SampleSet& set, int classCount, int batchSize = 256);

// Checks that `data` fits `network` (input size and class count); throws NeuriteError naming the layer.
void checkDataFitsNetwork(const Network& network, const Dataset& data);

} // namespace neurite
