// The object that lives on the training thread: loads data, trains, evaluates, and reports values.
#pragma once

#include "TrainingProgress.h"

#include <QObject>

#include <cstdint>
#include <memory>
#include <string>

namespace neurite::ui {

// What one run needs, copied for the worker: a snapshot of the design and settings, never references
// into the GUI's live objects.
struct TrainingJob {
    std::uint64_t runId = 0;
    NetworkSpec spec;
    TrainingSettings settings;
    DataSetHandle data;  // null: load settings.dataSet first
    std::shared_ptr<TrainingControl> control;
};

// Lives on the controller's QThread; its functions are only ever called there (through queued
// invocations) and it answers only through signals. It never throws: user errors become messages.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // At most one batch update per this many milliseconds (about 25 a second), however fast batches go.
    static constexpr int kUpdateIntervalMs = 40;

    using QObject::QObject;

    void loadDataSet(std::uint64_t requestId, const std::string& nameOrFolder);
    void train(const TrainingJob& job);
    // Evaluates `weights` of `spec` on the test split of `data`.
    void evaluate(std::uint64_t requestId, const NetworkSpec& spec, const Weights& weights, const DataSetHandle& data);

Q_SIGNALS:
    void dataSetLoaded(quint64 requestId, const QString& name, const neurite::ui::DataSetHandle& data);
    void dataSetFailed(quint64 requestId, const QString& name, const QString& message);
    void runStarted(quint64 runId, const neurite::ui::DataSetHandle& data);
    void batchesReported(quint64 runId, const neurite::ui::BatchReports& batches);
    void epochReported(quint64 runId, const neurite::EpochReport& report);
    void runFinished(const neurite::ui::TrainingOutcome& outcome);
    void runFailed(quint64 runId, const QString& message);
    void evaluated(const neurite::ui::TestEvaluation& evaluation);
};

// Test-split metrics plus each image's prediction, for the confusion matrix and the gallery.
TestEvaluation evaluateOnTestSet(Network& network, const Dataset& data);

} // namespace neurite::ui
