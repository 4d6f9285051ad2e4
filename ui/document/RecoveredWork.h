// What the recovery offer shows of one recovery file left by a crashed session, read from the file itself.
#pragma once

#include <QDateTime>
#include <QString>

namespace neurite::ui {

struct RecoveredWork {
    QString file;            // the recovery file (recovery-<pid>.neurite)
    QString originalPath;    // the project's own file; empty for a design that was never saved
    QDateTime savedAt;       // when the crashed session last wrote it
    int checkpointEpoch = 0; // the training epoch whose weights it holds, 0 for the design alone
    int layers = 0;
    QString dataSet;
    QString error; // why it cannot be read; such a file can only be discarded

    // The design's name as the window title showed it: the project's file name, or "Untitled".
    QString designName() const;
};

} // namespace neurite::ui
