// Waiting on the GUI thread for a worker thread to end while events keep being delivered (the worker's last
// letters reach the GUI through the event loop, so a plain QThread::wait could leave them undelivered).
#pragma once

#include <functional>

namespace neurite::ui {

// Processes events until `ended()` is true or `timeoutMs` have passed; true when it ended in time.
bool waitWhileProcessingEvents(const std::function<bool()>& ended, int timeoutMs);

} // namespace neurite::ui
