// The object that lives on the training thread: loads data, trains, evaluates, and reports values.
#pragma once

#include "training/TrainingMessages.h"

#include <QObject>

#include <cstdint>
#include <functional>

namespace neurite::ui {

// Lives on the controller's QThread. It takes requests from the inbox and answers only with letters in
// the outbox (see Mailbox.h for why values never travel as signal arguments). It never throws: user
// errors become messages.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // At most one checkpoint (a copy of the weights at an epoch's end) per this many milliseconds.
    static constexpr int kCheckpointIntervalMs = 1000;

    // Both boxes belong to the controller, which joins this worker's thread before it lets them go.
    // Construct on the GUI thread before the thread starts, then moveToThread().
    TrainingWorker(TrainingInbox& inbox, TrainingOutbox& outbox);

    // Posts `report` and, when the box asks for it, emits reportsPosted. Urgent: a result or an error.
    void report(TrainingReport report);
    // Posts a plane look of run `runId`, replacing one of the same run still waiting.
    void reportPlane(PlaneSnapshot snapshot, std::uint64_t runId);

Q_SIGNALS:
    // Emitted on the GUI thread by the controller after it posted one request; queued to takeRequest()
    // on this worker's thread (one request per notification, so QThread::quit() leaves later ones alone).
    void requestPosted();
    // Emitted on the training thread: letters wait in the outbox. Argument-less on purpose.
    void reportsPosted();

private:
    void takeRequest();
    void loadDataSet(const LoadRequest& request);
    std::function<void(std::size_t, std::size_t)> progressReporter(std::uint64_t requestId);
    void train(const TrainingJob& job);
    void evaluate(const EvaluationRequest& request);
    void lookAtPlane(const PlaneRequest& request);

    TrainingInbox& m_inbox;
    TrainingOutbox& m_outbox;
};

// Test-split metrics plus each image's prediction, for the confusion matrix and the gallery.
TestEvaluation evaluateOnTestSet(Network& network, const Dataset& data);

} // namespace neurite::ui
