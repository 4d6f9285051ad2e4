// A timer on the GUI thread that measures how long the thread was busy at a stretch (tests of latency).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace neurite::test {

// A 10 ms timer on the GUI thread from start() to stop(): the largest gap between its ticks is the longest
// stretch the GUI thread was busy, its worst latency.
class GuiGapMeter {
public:
    GuiGapMeter()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (m_ticks++ > 0 && m_sinceTick.elapsed() > m_worst) {
                m_worst = m_sinceTick.elapsed();
                m_worstAt = m_sinceStart.elapsed();
            }
            m_sinceTick.restart();
        });
    }

    void start()
    {
        m_sinceTick.start();
        m_sinceStart.start();
        m_timer.start();
    }

    // The worst gap in ms.
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }

    int ticks() const { return m_ticks; }
    qint64 worstEndedAt() const { return m_worstAt; } // ms after start()

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick, m_sinceStart;
    qint64 m_worst = 0, m_worstAt = 0;
    int m_ticks = 0;
};

} // namespace neurite::test
