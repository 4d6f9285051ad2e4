// errorOf: run an action and keep only the user-facing error message.
#include "ErrorCapture.h"

#include "neurite/Error.h"

namespace neurite::test {

QString errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const NeuriteError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString errorOrNone(const std::function<void()>& action)
{
    const QString message = errorOf(action);
    return message.isEmpty() ? QStringLiteral("<no error>") : message;
}

} // namespace neurite::test
