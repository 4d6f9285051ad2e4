// Captures the message of the NeuriteError an action throws, for tests that assert on user-facing errors.
#pragma once

#include <QString>

#include <functional>

namespace neurite::test {

// The NeuriteError message `action` throws, or an empty string when it throws none.
QString errorOf(const std::function<void()>& action);

// The same, but "<no error>" when it throws none, so that a comparison with an expected message fails
// with a readable value.
QString errorOrNone(const std::function<void()>& action);

} // namespace neurite::test
