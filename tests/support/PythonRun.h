// Running a Python script with Debian's python3 (which has python3-onnx, python3-torch, python3-opencv),
// for tests that compare with an independent reference. A missing package fails the test: test.sh
// installs them.
#pragma once

#include <QString>
#include <QStringList>

namespace neurite::test {

// Debian's Python, not whichever python3 comes first on PATH.
inline constexpr const char* kPython = "/usr/bin/python3";

// Runs `script` (its text) with `args`; returns its standard output, or "FAILED" after printing Python's
// own output and error when it does not finish successfully within `timeoutMs`.
QString runPython(const QString& script, const QStringList& args, const QStringList& env = {}, int timeoutMs = 120000);

} // namespace neurite::test
