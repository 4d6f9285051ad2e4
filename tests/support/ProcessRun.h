// Running the `neurite` executable under test (or a shell) as a child process and collecting what it did.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace neurite::test {

struct ProcessRun {
    int status = -1; // the exit code; -1 when the process crashed, could not start or timed out
    QString out, err;
};

// Waits for a started process, killing it after `timeoutMs`, and collects its exit code and output.
ProcessRun finish(QProcess& process, int timeoutMs = 120000);

// Runs $NEURITE_BINARY (set by CTest) with `args` in `environment`.
ProcessRun runNeurite(const QStringList& args,
                      const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

} // namespace neurite::test
