// The letters between the GUI thread and the training worker: requests one way, reports the other.
#pragma once

#include "training/Mailbox.h"
#include "training/TrainingProgress.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace neurite::ui {

// --- GUI thread -> worker ---------------------------------------------------------------------------------

// What one run needs, copied for the worker: a snapshot of the design and settings, never references
// into the GUI's live objects. The control is the one thing both sides keep (atomics and its own mutex).
struct TrainingJob {
    std::uint64_t runId = 0;
    NetworkSpec spec;
    TrainingSettings settings;
    DataSetHandle data; // null: load settings.dataSet first
    std::shared_ptr<TrainingControl> control;
    std::optional<Weights> startWeights; // fine-tuning: the run starts from these, not from the seed's
    bool watchPlane = true;              // two-dimensional data: send PlaneSnapshots while training
};

struct LoadRequest {
    std::uint64_t requestId = 0;
    std::string nameOrFolder;
    TableSettings table;    // how a table is read (ignored for images)
    ImageSettings image;    // how an image folder is read (ignored for other data)
    PlaneDataOptions plane; // how a generated 2-D set is made (ignored for other data)
};

// Evaluate `weights` of `spec` on the test split of `data`.
struct EvaluationRequest {
    std::uint64_t requestId = 0;
    NetworkSpec spec;
    Weights weights;
    DataSetHandle data;
};

// What `spec` answers over the plane of the two-dimensional `data` with `weights`, or with the initial
// weights of `seed` when there are none.
struct PlaneRequest {
    std::uint64_t requestId = 0;
    NetworkSpec spec;
    std::optional<Weights> weights;
    std::uint64_t seed = 1;
    DataSetHandle data;
};

using TrainingRequest = std::variant<TrainingJob, LoadRequest, EvaluationRequest, PlaneRequest>;

// --- worker -> GUI thread ---------------------------------------------------------------------------------

struct DataSetLoaded {
    std::uint64_t requestId = 0; // 0: loaded for a run
    QString name;
    DataSetHandle data;
    TableSettings table; // what it was loaded with
    ImageSettings image;
    PlaneDataOptions plane;
    TableReportHandle tableReport; // tables: what loading found
    ImageReportHandle imageReport; // image folders: what loading found
};

// How many of an image folder's images are decoded so far (requestId 0: loading for a run).
struct LoadProgress {
    std::uint64_t requestId = 0;
    std::size_t done = 0;
    std::size_t total = 0;
};

struct DataSetFailed {
    std::uint64_t requestId = 0;
    QString name;
    QString message;
};

struct RunStarted {
    std::uint64_t runId = 0;
    DataSetHandle data;
};

// Batches reported since the GUI last looked, oldest first.
struct BatchesDone {
    std::uint64_t runId = 0;
    BatchReports batches;
};

struct EpochDone {
    std::uint64_t runId = 0;
    EpochReport report;
};

// One layer health sample of the run (sampled at a bounded rate on the training thread).
struct HealthDone {
    std::uint64_t runId = 0;
    HealthSample sample;
};

struct RunFailed {
    std::uint64_t runId = 0;
    QString message;
};

// TrainingCheckpoint, TrainingOutcome and TestEvaluation (TrainingProgress.h) carry their run or request id.
using TrainingReport =
    std::variant<DataSetLoaded, DataSetFailed, LoadProgress, RunStarted, BatchesDone, EpochDone, HealthDone,
                 TrainingCheckpoint, TrainingOutcome, RunFailed, TestEvaluation, PlaneSnapshot>;

// Progress (batches, epochs, checkpoints) may wait for the GUI's next update; everything else is an answer
// someone waits for and is delivered at once.
inline bool isProgress(const TrainingReport& report)
{
    return std::holds_alternative<BatchesDone>(report) || std::holds_alternative<EpochDone>(report) ||
           std::holds_alternative<HealthDone>(report) || std::holds_alternative<TrainingCheckpoint>(report) ||
           std::holds_alternative<LoadProgress>(report) ||
           (std::holds_alternative<PlaneSnapshot>(report) && std::get<PlaneSnapshot>(report).runId != 0);
}

// Both boxes belong to the TrainingController, which outlives its worker thread.
using TrainingInbox = Mailbox<TrainingRequest>;
using TrainingOutbox = Mailbox<TrainingReport>;

} // namespace neurite::ui
