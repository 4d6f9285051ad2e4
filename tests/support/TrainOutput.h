// What a `neurite train` or `neurite eval` run printed, read back by the command-line tests.
#pragma once

#include <QRegularExpression>
#include <QString>

namespace neurite::test {

// The "Test accuracy: 99.60%" figure of a train or eval output ("" when there is none).
inline QString accuracyOf(const QString& out)
{
    return QRegularExpression(R"(Test accuracy: ([0-9.]+%))").match(out).captured(1);
}

// The "on 250 ... rows" count of a train or eval output.
inline QString testRowsOf(const QString& out)
{
    return QRegularExpression(R"(([0-9,]+) (test )?rows of)").match(out).captured(1);
}

} // namespace neurite::test
