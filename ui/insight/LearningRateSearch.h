// Runs the learning-rate range test for the GUI on a thread of its own, never the GUI thread.
#pragma once

#include "training/Mailbox.h"
#include "training/TrainingProgress.h"

#include <neurite/LearningRateFinder.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

class QThread;

namespace neurite::ui {

// Values from the sweep's thread: the points since the last letter, then the result or the error.
struct LearningRateLetter {
    std::vector<LearningRatePoint> points;
    int step = 0;
    int plannedSteps = 0;
    std::optional<LearningRateFinderResult> result;
    std::optional<QString> error;
};

// Lives on the GUI thread. start() hands a snapshot of the design, weights, settings and data to a new
// thread; the points come back through a Mailbox (the queued signal only says "look in the box") and are
// reported by the signals below, on the GUI thread. The destructor cancels the sweep and joins its thread.
class LearningRateSearch : public QObject {
    Q_OBJECT
public:
    explicit LearningRateSearch(QObject* parent = nullptr);
    ~LearningRateSearch() override;

    // Sweeps a network of `spec` holding `weights` (none: the settings' seed's initialisation) on `data`.
    // False (and nothing starts) while a sweep is going.
    bool start(const NetworkSpec& spec, const std::optional<Weights>& weights, const TrainingSettings& settings,
               const DataSetHandle& data, const LearningRateFinderSettings& finder = {});
    // The sweep stops before its next batch; finished() follows with the points so far.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    // Runs the event loop until the sweep has reported its end or `timeoutMs` passes; true when it has.
    bool waitUntilDone(int timeoutMs);

Q_SIGNALS:
    void pointsAdded(const std::vector<neurite::LearningRatePoint>& points, int step, int plannedSteps);
    void finished(const neurite::LearningRateFinderResult& result);
    void failed(const QString& message);
    // From the sweep's thread, queued: letters wait in the box.
    void lettersPosted();

private:
    void run(NetworkSpec spec, std::optional<Weights> weights, TrainingSettings settings, DataSetHandle data,
             LearningRateFinderSettings finder, std::stop_token stop);
    void post(LearningRateLetter letter);
    // Takes the letters unless the thread holds the box just now (then looks again shortly: Mailbox.h).
    void takeLetters();
    void deliver(LearningRateLetter& letter);
    void joinThread();

    QTimer m_busyRetry; // single shot: takeLetters() again
    Mailbox<LearningRateLetter> m_box;
    std::stop_source m_stop;
    QThread* m_thread = nullptr;
};

} // namespace neurite::ui
