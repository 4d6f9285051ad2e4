// What the next launch restores: the last folders of the file dialogs and the last data set, in QSettings.
#include "document/SessionSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace neurite::ui {
namespace {

QString folderKey(FolderKind kind)
{
    switch (kind) {
    case FolderKind::Open: return QStringLiteral("folders/open");
    case FolderKind::Save: return QStringLiteral("folders/save");
    case FolderKind::Export: return QStringLiteral("folders/export");
    }
    return {};
}

const QString kDataSetKey = QStringLiteral("training/lastDataSet");

} // namespace

QString lastFolder(FolderKind kind)
{
    const QString folder = QSettings().value(folderKey(kind)).toString();
    // A folder removed since is no place to start a dialog in.
    return QFileInfo(folder).isDir() ? folder : QString();
}

void rememberFolder(FolderKind kind, const QString& path)
{
    // The folder holding it: a PyTorch export is itself a folder, and the next one goes beside it.
    QSettings().setValue(folderKey(kind), QFileInfo(path).absolutePath());
}

QString inLastFolder(FolderKind kind, const QString& fileName)
{
    const QString folder = lastFolder(kind);
    return folder.isEmpty() ? fileName : QDir(folder).filePath(fileName);
}

QString lastDataSet()
{
    return QSettings().value(kDataSetKey).toString();
}

void rememberDataSet(const QString& name)
{
    QSettings().setValue(kDataSetKey, name);
}

} // namespace neurite::ui
