// Running Python scripts behind PythonRun.h.
#include "PythonRun.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QtGlobal>

namespace neurite::test {

QString runPython(const QString& script, const QStringList& args, const QStringList& env, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : env)
        environment.insert(kv.section('=', 0, 0), kv.section('=', 1));
    p.setProcessEnvironment(environment);
    p.start(kPython, QStringList{"-c", script} + args);
    const bool finished = p.waitForFinished(timeoutMs);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        qWarning("%s\n%s", qPrintable(out), qPrintable(err));
        return QStringLiteral("FAILED");
    }
    return out;
}

} // namespace neurite::test
