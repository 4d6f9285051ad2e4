// A fast timer on the GUI thread measuring the event loop's gaps: wall-clock, processor and run-queue time.
#include "EventLoopStallMeter.h"

#include <algorithm>
#include <cstdio>

namespace neurite::test {
namespace {

// The calling thread's time on a core and time waiting for one, in ns (0, 0 when the kernel does not say).
void threadSchedule(std::int64_t& cpuNs, std::int64_t& waitNs)
{
    long long cpu = 0, wait = 0;
    if (std::FILE* file = std::fopen("/proc/thread-self/schedstat", "r")) {
        if (std::fscanf(file, "%lld %lld", &cpu, &wait) != 2)
            cpu = wait = 0;
        std::fclose(file);
    }
    cpuNs = cpu;
    waitNs = wait;
}

// Keeps the kWorstKept largest gaps by `key`, largest first.
template <typename Key>
void keepWorst(std::vector<EventLoopGap>& worst, const EventLoopGap& gap, Key key)
{
    const auto at = std::find_if(worst.begin(), worst.end(), [&](const EventLoopGap& g) { return key(gap) > key(g); });
    if (at == worst.end() && int(worst.size()) >= EventLoopStallMeter::kWorstKept)
        return;
    worst.insert(at, gap);
    if (int(worst.size()) > EventLoopStallMeter::kWorstKept)
        worst.pop_back();
}

} // namespace

EventLoopStallMeter::EventLoopStallMeter()
{
    m_timer.setInterval(kIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void EventLoopStallMeter::start()
{
    m_clock.start();
    m_lastTickNs = 0;
    threadSchedule(m_lastCpuNs, m_lastWaitNs);
    m_timer.start();
}

void EventLoopStallMeter::stop()
{
    m_timer.stop();
}

void EventLoopStallMeter::note(const QString& activity)
{
    m_lastNote = activity;
    m_notesSinceTick.append(activity);
}

void EventLoopStallMeter::tick()
{
    const std::int64_t now = m_clock.nsecsElapsed();
    std::int64_t cpu = 0, wait = 0;
    threadSchedule(cpu, wait);
    EventLoopGap gap;
    gap.endedAtSeconds = double(now) / 1e9;
    gap.wallMs = double(now - m_lastTickNs) / 1e6;
    gap.cpuMs = double(cpu - m_lastCpuNs) / 1e6;
    gap.runQueueMs = double(wait - m_lastWaitNs) / 1e6;
    gap.activity = m_notesSinceTick.isEmpty() ? QStringLiteral("(after: %1)").arg(m_lastNote)
                                              : m_notesSinceTick.join(QStringLiteral("; "));
    m_notesSinceTick.clear();
    m_cpuTotalNs += cpu - m_lastCpuNs;
    m_waitTotalNs += wait - m_lastWaitNs;
    m_lastTickNs = now;
    m_lastCpuNs = cpu;
    m_lastWaitNs = wait;
    ++m_ticks;
    m_worstCpuMs = std::max(m_worstCpuMs, gap.cpuMs);
    keepWorst(m_worstWall, gap, [](const EventLoopGap& g) { return g.wallMs; });
    keepWorst(m_worstOwn, gap, [](const EventLoopGap& g) { return g.ownMs(); });
    if (gap.wallMs > kLongGapMs && m_long.size() < 100000)
        m_long.push_back(gap);
}

int EventLoopStallMeter::wallGapsOver(double ms) const
{
    return int(std::count_if(m_long.begin(), m_long.end(), [ms](const EventLoopGap& g) { return g.wallMs > ms; }));
}

int EventLoopStallMeter::ownGapsOver(double ms) const
{
    return int(std::count_if(m_long.begin(), m_long.end(), [ms](const EventLoopGap& g) { return g.ownMs() > ms; }));
}

} // namespace neurite::test
