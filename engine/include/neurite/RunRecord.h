// One training run as a project keeps it: its name, the design and settings it trained, its history, its
// test results and (for the best few runs) its weights. Plain values, so that the window and the command
// line share them.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/NetworkSpec.h"
#include "neurite/TrainingHistory.h"
#include "neurite/TrainingSettings.h"
#include "neurite/Weights.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace neurite {

// How a run ended (the Trainer's TrainingResult::Outcome, kept as plain data).
enum class RunOutcome { Completed, Stopped, EarlyStopped, Diverged };

// The test set's verdict on a run's final weights: loss, accuracy and the confusion matrix for
// classification, R², MAE and RMSE (in the target's units) for regression. NaN (and an empty matrix) when the
// run was not tested (no test set).
struct RunTestResults {
    bool regression = false;
    float loss = kNoValue;
    float accuracy = kNoValue;
    // [true class][predicted class], classes x classes; empty for regression, an untested run, or a run saved
    // before runs kept their matrix. Per-class scores follow from it (ClassScores.h).
    std::vector<std::vector<int>> confusion;
    double r2 = std::numeric_limits<double>::quiet_NaN();
    double mae = std::numeric_limits<double>::quiet_NaN();
    double rmse = std::numeric_limits<double>::quiet_NaN();
};

// A value a sweep chose for this run: "lr" = "0.001", "dense1.units" = "64", "repeat" = "2".
struct SweptValue {
    std::string key;
    std::string value;
    bool operator==(const SweptValue&) const = default;
};

struct RunRecord {
    std::string name; // unique within a project: "run 3", "lr=0.001 batch=32"
    std::string date; // when it finished, ISO 8601 UTC ("2026-12-06T07:10:00Z"); empty when unknown
    bool starred = false;
    std::string note;   // the user's annotation
    NetworkSpec design; // the design it trained (project files store each distinct design once)
    TrainingSettings settings;
    std::string dataSetName;             // what it trained on, as the data set resolved it
    std::vector<std::string> classNames; // the data's, in label order (for predictions with its weights)
    std::optional<DataSchema> schema;    // how raw images or rows became its input
    TrainingHistory history;             // per batch and per epoch
    RunTestResults test;
    double seconds = 0; // wall time of the training, test included
    RunOutcome outcome = RunOutcome::Completed;
    std::string message;            // the trainer's message for a stopped or diverged run
    std::vector<SweptValue> swept;  // empty for a run that no sweep started
    std::optional<Weights> weights; // the weights it ended with; kept for the best few runs only
};

// The number a run is ranked by: test accuracy, or R² for regression; NaN when untested. Higher is better.
double runMetric(const RunRecord& run);
// "accuracy" or "R²": what runMetric measures for `run`.
std::string runMetricName(const RunRecord& run);
// The best validation accuracy over the run's epochs (regression: the lowest validation loss); NaN without
// validation.
double bestValidation(const RunRecord& run);

const char* runOutcomeName(RunOutcome outcome); // "completed", "stopped", "early-stopped", "diverged"
// nullopt for an unknown name.
std::optional<RunOutcome> runOutcomeFromName(const std::string& name);

// Now as ISO 8601 UTC, the form RunRecord::date holds.
std::string currentRunDate();

} // namespace neurite
