// How the designer reports errors a user can cause (a file that cannot be read or written, a design an
// exporter cannot express). One convention everywhere: the code below the widgets (engine, render/,
// ui/document) throws NeuriteError with a message that names the file, layer or field; the action the
// user started catches it with userErrorOf and shows it with showUserError. No bool-plus-message-out-
// parameter pairs, no optionals that lose the reason.
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace neurite::ui {

// Runs `action`; returns the message of the NeuriteError it throws, or an empty string when it succeeds.
// Other standard exceptions (out of memory, a filesystem error) are caught too, so that no user action
// can end the program; their messages are less precise.
QString userErrorOf(const std::function<void()>& action);

// A window-modal, non-blocking message box over `parent` (so that scripts and tests carry on).
void showUserError(QWidget* parent, const QString& title, const QString& message);

// userErrorOf + showUserError: true when `action` succeeded.
bool runReportingErrors(QWidget* parent, const QString& title, const std::function<void()>& action);

} // namespace neurite::ui
