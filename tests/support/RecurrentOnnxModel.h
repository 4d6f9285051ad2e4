// An ONNX model Neurite cannot import (an LSTM node named 'lstm_1', opset 14), written by python3-onnx's
// helpers as a foreign tool would write it: for the tests of what a user sees when an import fails.
#pragma once

#include <QString>

namespace neurite::test {

// Writes the model to `path`; false (after Python's message) when python3-onnx failed.
bool writeRecurrentOnnxModel(const QString& path);

} // namespace neurite::test
