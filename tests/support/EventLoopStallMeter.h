// A fast timer on the GUI thread that measures how long the event loop went without turning, and why: busy
// (the thread's own processor time), waiting for a core (the scheduler gave it to other work), or blocked.
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <vector>

namespace neurite::test {

// One gap between two ticks of the meter's timer.
struct EventLoopGap {
    double endedAtSeconds = 0; // since start()
    double wallMs = 0;         // between the two ticks
    double cpuMs = 0;          // the GUI thread's processor time in that gap
    double runQueueMs = 0;     // the GUI thread's time runnable but not running: the machine's load, not ours
    QString activity;          // what the test was doing (note()) during the gap
    // The stall the program is answerable for: the gap less the time the scheduler kept the thread waiting
    // for a core. (Time blocked on a lock or a file counts: it is the program's.)
    double ownMs() const { return wallMs - runQueueMs; }
};

// Ticks every kIntervalMs from start() to stop() and keeps the worst gaps by wall-clock time and by own time.
// The GUI thread's processor and run-queue times come from /proc/thread-self/schedstat, so the meter must be
// started on the GUI thread (its timer ticks there).
class EventLoopStallMeter {
public:
    static constexpr int kIntervalMs = 10;
    static constexpr int kWorstKept = 5;
    static constexpr double kLongGapMs = 50; // gaps this long are all kept (the first 100,000)

    EventLoopStallMeter();
    void start();
    void stop();
    // Names what the test does from now on; the gaps that end before the next tick carry it.
    void note(const QString& activity);

    std::int64_t ticks() const { return m_ticks; }
    // Worst first.
    const std::vector<EventLoopGap>& worstByWall() const { return m_worstWall; }
    const std::vector<EventLoopGap>& worstByOwnTime() const { return m_worstOwn; }
    double worstCpuMs() const { return m_worstCpuMs; }
    // Gaps whose wall-clock time, or own time, passed `ms` (at least kLongGapMs).
    int wallGapsOver(double ms) const;
    int ownGapsOver(double ms) const;
    // The GUI thread's processor time and its wait for a core from start() to stop(), in seconds.
    double cpuSeconds() const { return m_cpuTotalNs / 1e9; }
    double runQueueSeconds() const { return m_waitTotalNs / 1e9; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    std::int64_t m_lastTickNs = 0, m_lastCpuNs = 0, m_lastWaitNs = 0;
    std::int64_t m_cpuTotalNs = 0, m_waitTotalNs = 0;
    std::int64_t m_ticks = 0;
    double m_worstCpuMs = 0;
    std::vector<EventLoopGap> m_worstWall, m_worstOwn;
    std::vector<EventLoopGap> m_long; // every gap over kLongGapMs
    QString m_lastNote;
    QStringList m_notesSinceTick;
};

} // namespace neurite::test
