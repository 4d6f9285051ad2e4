// Who the designer says it is to the desktop: name, version, desktop entry and window icon.
#pragma once

#include <QString>

namespace neurite::ui {

// The Qt resource holding the application icon (packaging/icons/, the same SVG the desktop entry installs).
inline const QString kApplicationIconResource = QStringLiteral(":/icons/neurite.svg");

// Sets the QApplication's name and organisation (which place QSettings and QStandardPaths under the XDG
// folders), its version (CMake's project version), the desktop entry it belongs to, and its window icon.
// Call once, after the QApplication exists and before the first window is shown.
void applyApplicationIdentity();

} // namespace neurite::ui
