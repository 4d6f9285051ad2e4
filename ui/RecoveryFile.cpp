// Autosave for crash recovery: the open project is written to a per-process recovery file every minute.
#include "RecoveryFile.h"

#include "ProjectDocument.h"

#include <neurite/Error.h>
#include <neurite/ProjectFile.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace neurite::ui {

namespace {

QString lockPathFor(const QString& recoveryPath)
{
    return recoveryPath.left(recoveryPath.size() - QStringLiteral(".neurite").size()) + QStringLiteral(".lock");
}

// The original file's path rides along in the UI state, which the engine keeps opaque.
std::string withOriginalPath(const std::string& uiState, const QString& path)
{
    QJsonObject state = QJsonDocument::fromJson(QByteArray::fromStdString(uiState)).object();
    state.insert("recoveredPath", path);
    return QJsonDocument(state).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

RecoveryFile::RecoveryFile(ProjectDocument* document, QObject* parent) : QObject(parent), m_document(document)
{
    QDir().mkpath(directory());
    m_path = QDir(directory()).filePath(
        QStringLiteral("recovery-%1.neurite").arg(QCoreApplication::applicationPid()));
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
    m_lock->tryLock(0);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryFile::saveNow);
    m_timer.start();
}

RecoveryFile::~RecoveryFile()
{
    discard();
}

QString RecoveryFile::directory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath("recovery");
}

void RecoveryFile::saveNow()
{
    if (!m_document->isModified()) {
        QFile::remove(m_path);
        return;
    }
    Project project = m_document->toProject();
    project.uiStateJson = withOriginalPath(project.uiStateJson, m_document->path());
    try {
        saveProject(project, m_path.toStdString());
    } catch (const std::exception&) {
        // Autosave is best effort: a full disk must not interrupt the user's work.
    }
}

void RecoveryFile::discard()
{
    QFile::remove(m_path);
}

QStringList RecoveryFile::orphans()
{
    QStringList result;
    const QFileInfoList files =
        QDir(directory()).entryInfoList({QStringLiteral("recovery-*.neurite")}, QDir::Files, QDir::Time);
    for (const QFileInfo& file : files) {
        QLockFile lock(lockPathFor(file.absoluteFilePath()));
        if (lock.tryLock(0)) {  // free (or stale: its process is gone), so nobody is editing it
            lock.unlock();
            result.append(file.absoluteFilePath());
        }
    }
    return result;
}

bool RecoveryFile::restore(const QString& orphan, ProjectDocument* document, QString* error)
{
    try {
        const Project project = loadProject(orphan.toStdString());
        const QJsonObject state = QJsonDocument::fromJson(QByteArray::fromStdString(project.uiStateJson)).object();
        document->loadProject(project, state.value("recoveredPath").toString());
        document->setModified(true);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    remove(orphan);
    return true;
}

void RecoveryFile::remove(const QString& orphan)
{
    QFile::remove(orphan);
    QFile::remove(lockPathFor(orphan));
}

} // namespace neurite::ui
