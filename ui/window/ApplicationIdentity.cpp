// The designer's name, version, desktop entry and icon, set once at start-up.
#include "window/ApplicationIdentity.h"

#include "neurite/ModelExport.h"

#include <QApplication>
#include <QIcon>

#ifndef NEURITE_APP_ID
#error "NEURITE_APP_ID (the desktop entry's reverse-DNS name) comes from the top-level CMakeLists.txt"
#endif

namespace neurite::ui {

void applyApplicationIdentity()
{
    // Settings go to $XDG_CONFIG_HOME/Neurite/Neurite.conf and recovery files under
    // $XDG_DATA_HOME/Neurite/Neurite/: Qt derives both from these two names.
    QApplication::setApplicationName(QStringLiteral("Neurite"));
    QApplication::setOrganizationName(QStringLiteral("Neurite"));
    QApplication::setApplicationVersion(QString::fromStdString(neuriteVersion()));
    // The desktop entry's name lets Wayland compositors and task bars match the window to its entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(NEURITE_APP_ID));
    QApplication::setWindowIcon(QIcon(kApplicationIconResource));
}

} // namespace neurite::ui
