// The one place the designer turns a thrown user error into a message box.
#include "window/UserErrors.h"

#include <neurite/Error.h>

#include <QMessageBox>

#include <new>

namespace neurite::ui {

QString userErrorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const NeuriteError& e) {
        return QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        return QObject::tr("Not enough memory to finish.");
    } catch (const std::exception& e) {
        return QString::fromLocal8Bit(e.what());
    }
    return {};
}

void showUserError(QWidget* parent, const QString& title, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("userError"));
    box->open();
}

bool runReportingErrors(QWidget* parent, const QString& title, const std::function<void()>& action)
{
    const QString message = userErrorOf(action);
    if (!message.isEmpty())
        showUserError(parent, title, message);
    return message.isEmpty();
}

} // namespace neurite::ui
