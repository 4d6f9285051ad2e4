// Moving the user's state into a test's folder (IsolatedUserState.h).
#include "IsolatedUserState.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace neurite::test {

void isolateUserState(const QTemporaryDir& dir)
{
    qputenv("NEURITE_RECOVERY_DIR", QFile::encodeName(dir.filePath("recovery")));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath("settings"));
}

} // namespace neurite::test
