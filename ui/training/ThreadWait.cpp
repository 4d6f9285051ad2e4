// Waiting for a worker while events are delivered (see ThreadWait.h).
#include "training/ThreadWait.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace neurite::ui {

bool waitWhileProcessingEvents(const std::function<bool()>& ended, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!ended() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return ended();
}

} // namespace neurite::ui
