// The values that travel between the GUI thread and the training worker through queued signals.
#pragma once

#include <neurite/Dataset.h>
#include <neurite/ImageFolder.h>
#include <neurite/Network.h>
#include <neurite/TableData.h>
#include <neurite/NetworkSpec.h>
#include <neurite/PlaneView.h>
#include <neurite/Trainer.h>
#include <neurite/TrainingHistory.h>
#include <neurite/TrainingSettings.h>

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace neurite::ui {

// A loaded data set. Shared read-only between threads: nobody writes to it after loading, so the
// pointer behaves like a value.
using DataSetHandle = std::shared_ptr<const Dataset>;
// What loading a table found (columns, roles, statistics, first rows); null for image data.
using TableReportHandle = std::shared_ptr<const TableReport>;
// What loading an image folder found (classes, counts, sizes, encoding); null for other data.
using ImageReportHandle = std::shared_ptr<const ImageFolderReport>;

// Batches reported since the previous update (the worker sends them in throttled groups).
using BatchReports = std::vector<BatchReport>;

// How a model does on the test split: the engine's Evaluation plus what it predicted for each image, or for
// a regression the predicted and true values with R², MAE and RMSE.
struct TestEvaluation {
    std::uint64_t requestId = 0;
    bool valid = false; // false when there was no test split
    bool regression = false;
    RegressionEvaluation regressionResult; // regression: metrics.loss is its loss, metrics.accuracy NaN
    Evaluation metrics;
    std::vector<std::uint8_t> predicted; // per test image: argmax class
    std::vector<float> confidence;       // per test image: probability of the predicted class
};

// Everything a finished (completed, stopped, early-stopped or diverged) run hands back.
struct TrainingOutcome {
    std::uint64_t runId = 0;
    TrainingResult::Outcome outcome = TrainingResult::Outcome::Completed;
    QString message;
    NetworkSpec spec;
    TrainingSettings settings;
    TrainingHistory history;
    Weights lastWeights;   // after the last finished batch (the last good ones when diverged)
    Weights bestWeights;   // of the best epoch; empty when no epoch finished
    Weights keptWeights;   // what the network held at the end (the engine's choice) and what was evaluated
    bool keptBest = false; // keptWeights are bestWeights
    TestEvaluation test;   // of keptWeights
};

// The network's weights at the end of an epoch, sent (throttled) for the crash-recovery autosave.
struct TrainingCheckpoint {
    std::uint64_t runId = 0;
    int epoch = 0; // 1-based: the weights are those at the end of this epoch
    Weights weights;
};

// The network's answer over the plane of a two-dimensional data set (PlaneView.h) and the weights it was
// computed with, for the decision plane, the neurons' maps and the weights on the wires. Shared read-only.
struct PlaneSnapshot {
    std::uint64_t runId = 0;     // the run it was taken in; 0 for an answer to a plane request
    std::uint64_t requestId = 0; // the request it answers (0 during a run)
    long batches = 0;            // batches the run had trained when it was taken (0: its initial weights)
    std::shared_ptr<const PlaneGrid> grid;
    std::shared_ptr<const Weights> weights;
};

// Registers the types above for queued connections; safe to call more than once.
void registerTrainingMetaTypes();

// "Completed", "Stopped", "Stopped early", "Diverged".
QString outcomeName(TrainingResult::Outcome outcome);

} // namespace neurite::ui

Q_DECLARE_METATYPE(neurite::ui::DataSetHandle)
Q_DECLARE_METATYPE(neurite::ui::BatchReports)
Q_DECLARE_METATYPE(neurite::EpochReport)
Q_DECLARE_METATYPE(neurite::HealthSample)
Q_DECLARE_METATYPE(neurite::ui::TestEvaluation)
Q_DECLARE_METATYPE(neurite::ui::TrainingOutcome)
Q_DECLARE_METATYPE(neurite::ui::TrainingCheckpoint)
Q_DECLARE_METATYPE(neurite::ui::PlaneSnapshot)
