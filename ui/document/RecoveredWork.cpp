// What the recovery offer shows of one recovery file left by a crashed session, read from the file itself.
#include "document/RecoveredWork.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace neurite::ui {

QString RecoveredWork::designName() const
{
    return originalPath.isEmpty() ? QCoreApplication::translate("ProjectDocument", "Untitled")
                                  : QFileInfo(originalPath).fileName();
}

} // namespace neurite::ui
