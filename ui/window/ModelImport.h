// File > Import ONNX and files dropped on the window: which dropped file the window opens, and how an
// imported model's notes read in the status bar.
#pragma once

#include <QString>

#include <string>
#include <vector>

class QMimeData;

namespace neurite::ui {

extern const char* const kOnnxFilter;

// The first local file in a drop that the window opens (.onnx, .neurite or .json), or "".
QString openableDroppedFile(const QMimeData* mime);

// "Imported model.onnx: 9 layers. The input's 784 values are read as ...": what the status bar says.
QString importSummary(const QString& fileName, int layers, const std::vector<std::string>& notes);

} // namespace neurite::ui
