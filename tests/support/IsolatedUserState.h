// What the designer keeps about its user (recovery files, QSettings, the standard paths), moved into a
// test's own folder, so that a UI test neither reads the user's state nor leaves any behind.
#pragma once

#include <QTemporaryDir>

namespace neurite::test {

// Recovery files in DIR/recovery, settings in DIR/settings, QStandardPaths in test mode.
void isolateUserState(const QTemporaryDir& dir);

} // namespace neurite::test
