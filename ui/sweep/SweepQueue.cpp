// The sweep's runs on their own thread, their news handed to the GUI thread through a mailbox.
#include "sweep/SweepQueue.h"

#include "training/ThreadWait.h"

#include <neurite/SweepRunner.h>

#include <QThread>

namespace neurite::ui {

// One run's batch and epoch reports as Progress letters; a report joins a Progress letter of the same run
// still waiting in the box, so the GUI thread takes all news since its last look in one piece.
class SweepQueue::Sink : public ProgressSink {
public:
    Sink(SweepQueue& queue, int index) : m_queue(queue), m_index(index) {}

    void onBatch(const BatchReport& report) override
    {
        post(report.epoch, m_epochs, report.batch, report.batchesPerEpoch);
    }
    void onEpoch(const EpochReport& report) override
    {
        m_epochs = report.epochs;
        post(report.epoch, report.epochs, m_batchesPerEpoch, m_batchesPerEpoch);
    }

private:
    void post(int epoch, int epochs, int batch, int batchesPerEpoch)
    {
        m_batchesPerEpoch = batchesPerEpoch;
        const auto fill = [&](SweepLetter& letter) {
            letter.epoch = epoch;
            letter.epochs = epochs;
            letter.batch = batch;
            letter.batchesPerEpoch = batchesPerEpoch;
        };
        m_queue.m_box.postOrMerge(
            [&](SweepLetter& newest) {
                if (newest.kind != SweepLetter::Kind::Progress || newest.index != m_index)
                    return false;
                fill(newest);
                return true;
            },
            [&] {
                SweepLetter letter{SweepLetter::Kind::Progress, m_index};
                fill(letter);
                return letter;
            },
            [this] { Q_EMIT m_queue.lettersPosted(); });
    }

    SweepQueue& m_queue;
    int m_index;
    int m_epochs = 0;
    int m_batchesPerEpoch = 0;
};

SweepQueue::SweepQueue(QObject* parent) : QObject(parent)
{
    connect(this, &SweepQueue::lettersPosted, this, &SweepQueue::takeLetters, Qt::QueuedConnection);
    m_busyRetry.setSingleShot(true);
    connect(&m_busyRetry, &QTimer::timeout, this, &SweepQueue::takeLetters);
}

SweepQueue::~SweepQueue()
{
    if (m_runner)
        m_runner->cancel(true);
    joinThread();
}

bool SweepQueue::start(std::vector<PlannedRun> plan, DataSetHandle data)
{
    if (m_thread || plan.empty() || !data)
        return false;
    m_data = std::move(data);
    const int count = int(plan.size());
    for (int index = 0; index < count; ++index)
        m_sinks.push_back(std::make_unique<Sink>(*this, index));
    m_runner = std::make_unique<SweepRunner>(std::move(plan), *m_data, kConcurrentRuns);
    if (m_pauseRequested)
        m_runner->pause();
    m_runner->setSinkForRun([this](int index) -> ProgressSink* { return m_sinks[std::size_t(index)].get(); });
    // The epochs a run will train come with its settings; its first epoch report is too late for the bar.
    m_runner->onRunStarted([this](int index, const PlannedRun& run) {
        SweepLetter letter{SweepLetter::Kind::Started, index};
        letter.epochs = run.settings.epochs;
        post(std::move(letter), true);
    });
    m_runner->onRunFinished([this](int index, const neurite::RunRecord& run) {
        SweepLetter letter{SweepLetter::Kind::Finished, index};
        letter.record = run;
        post(std::move(letter), true);
    });
    m_runner->onRunFailed([this](int index, const std::string& message) {
        SweepLetter letter{SweepLetter::Kind::Failed, index};
        letter.message = QString::fromStdString(message);
        post(std::move(letter), true);
    });
    m_thread = QThread::create([this] {
        m_runner->run();
        post(SweepLetter{SweepLetter::Kind::Ended}, true);
    });
    m_thread->start();
    return true;
}

void SweepQueue::pause()
{
    m_pauseRequested = true;
    if (m_runner)
        m_runner->pause();
}

void SweepQueue::resume()
{
    m_pauseRequested = false;
    if (m_runner)
        m_runner->resume();
}

void SweepQueue::cancel(bool stopRunning)
{
    if (m_runner)
        m_runner->cancel(stopRunning);
}

bool SweepQueue::isPaused() const
{
    return m_pauseRequested;
}

bool SweepQueue::isCancelled() const
{
    return m_runner && m_runner->cancelled();
}

void SweepQueue::post(SweepLetter letter, bool urgent)
{
    m_box.post(std::move(letter), urgent, [this] { Q_EMIT lettersPosted(); });
}

void SweepQueue::takeLetters()
{
    std::optional<std::vector<SweepLetter>> letters = m_box.tryTakeAll();
    if (!letters) {
        m_busyRetry.start(kMailboxBusyRetryMs);
        return;
    }
    for (SweepLetter& letter : *letters)
        deliver(letter);
}

void SweepQueue::deliver(SweepLetter& letter)
{
    switch (letter.kind) {
    case SweepLetter::Kind::Started:
        Q_EMIT runStarted(letter.index);
        Q_EMIT runProgress(letter.index, 0, letter.epochs, 0, 0);
        break;
    case SweepLetter::Kind::Progress:
        Q_EMIT runProgress(letter.index, letter.epoch, letter.epochs, letter.batch, letter.batchesPerEpoch);
        break;
    case SweepLetter::Kind::Finished: Q_EMIT runFinished(letter.index, *letter.record); break;
    case SweepLetter::Kind::Failed: Q_EMIT runFailed(letter.index, letter.message); break;
    case SweepLetter::Kind::Ended:
        joinThread(); // the thread posted its last letter: it is ending
        Q_EMIT sweepEnded();
        break;
    }
}

void SweepQueue::joinThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_runner.reset();
    m_sinks.clear();
    m_data.reset();
    m_pauseRequested = false;
}

bool SweepQueue::waitUntilDone(int timeoutMs)
{
    return waitWhileProcessingEvents([this] { return !m_thread; }, timeoutMs);
}

} // namespace neurite::ui
