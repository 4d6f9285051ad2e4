// What the next launch restores (QSettings): the last folders used by the file dialogs and the last data set.
#pragma once

#include <QString>

namespace neurite::ui {

// Each dialog family remembers its own folder: opening, saving and exporting often happen in different places.
enum class FolderKind { Open, Save, Export };

// The folder last used for `kind`, or empty (the dialog then starts in the working folder).
QString lastFolder(FolderKind kind);
// Remembers the folder holding `path` (a file, or the folder a PyTorch export writes) for `kind`.
void rememberFolder(FolderKind kind, const QString& path);
// `fileName` in the last folder of `kind`, or `fileName` alone when there is none.
QString inLastFolder(FolderKind kind, const QString& fileName);

QString lastDataSet();
void rememberDataSet(const QString& name);

} // namespace neurite::ui
