// What a drag-and-drop carries that the Predict tab can read: one local image file.
#pragma once

#include <QString>

class QMimeData;

namespace neurite::ui {

// The local image file a drop carries (one file with an image extension Qt reads), or empty.
QString droppedImagePath(const QMimeData* mime);

} // namespace neurite::ui
