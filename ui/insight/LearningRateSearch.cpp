// The range test on its own thread, its points and result handed to the GUI thread through a mailbox.
#include "insight/LearningRateSearch.h"

#include "training/ThreadWait.h"

#include <QThread>

namespace neurite::ui {

LearningRateSearch::LearningRateSearch(QObject* parent) : QObject(parent)
{
    connect(this, &LearningRateSearch::lettersPosted, this, &LearningRateSearch::takeLetters, Qt::QueuedConnection);
    m_busyRetry.setSingleShot(true);
    connect(&m_busyRetry, &QTimer::timeout, this, &LearningRateSearch::takeLetters);
}

LearningRateSearch::~LearningRateSearch()
{
    m_stop.request_stop();
    joinThread();
}

bool LearningRateSearch::start(const NetworkSpec& spec, const std::optional<Weights>& weights,
                               const TrainingSettings& settings, const DataSetHandle& data,
                               const LearningRateFinderSettings& finder)
{
    if (m_thread)
        return false;
    m_stop = std::stop_source();
    m_thread = QThread::create([this, spec, weights, settings, data, finder, token = m_stop.get_token()] {
        run(spec, weights, settings, data, finder, token);
    });
    m_thread->start();
    return true;
}

void LearningRateSearch::cancel()
{
    m_stop.request_stop();
}

// On the sweep's thread: every value it touches is its own copy, and it speaks only through the box.
void LearningRateSearch::run(NetworkSpec spec, std::optional<Weights> weights, TrainingSettings settings,
                             DataSetHandle data, LearningRateFinderSettings finder, std::stop_token stop)
{
    LearningRateLetter last;
    try {
        Network network(spec, settings.seed);
        if (weights)
            network.setWeights(*weights);
        const auto sink = [this](const LearningRateFinderProgress& progress) {
            m_box.postOrMerge(
                [&](LearningRateLetter& newest) {
                    if (newest.result || newest.error)
                        return false;
                    newest.points.push_back(progress.point);
                    newest.step = progress.step;
                    return true;
                },
                [&] {
                    return LearningRateLetter{{progress.point}, progress.step, progress.plannedSteps, {}, {}};
                },
                [this] { Q_EMIT lettersPosted(); });
        };
        last.result = findLearningRate(network, *data, settings, finder, sink, stop);
    } catch (const std::exception& e) {
        last.error = QString::fromStdString(e.what());
    }
    post(std::move(last));
}

void LearningRateSearch::post(LearningRateLetter letter)
{
    m_box.post(std::move(letter), true, [this] { Q_EMIT lettersPosted(); });
}

void LearningRateSearch::takeLetters()
{
    std::optional<std::vector<LearningRateLetter>> letters = m_box.tryTakeAll();
    if (!letters) {
        m_busyRetry.start(kMailboxBusyRetryMs);
        return;
    }
    for (LearningRateLetter& letter : *letters)
        deliver(letter);
}

void LearningRateSearch::deliver(LearningRateLetter& letter)
{
    if (!letter.points.empty())
        Q_EMIT pointsAdded(letter.points, letter.step, letter.plannedSteps);
    if (!letter.result && !letter.error)
        return;
    joinThread(); // the thread has posted its last letter: it is ending
    if (letter.result)
        Q_EMIT finished(*letter.result);
    else
        Q_EMIT failed(*letter.error);
}

void LearningRateSearch::joinThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

bool LearningRateSearch::waitUntilDone(int timeoutMs)
{
    return waitWhileProcessingEvents([this] { return !m_thread; }, timeoutMs);
}

} // namespace neurite::ui
