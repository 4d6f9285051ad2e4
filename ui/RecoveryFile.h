// Autosave for crash recovery: the open project is written to a per-process recovery file every minute.
#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace neurite::ui {

class ProjectDocument;

// Each running Neurite owns recovery-<pid>.neurite and holds recovery-<pid>.lock; a clean exit removes both.
// A recovery file whose lock is free was left by a process that crashed: the next launch offers it back.
class RecoveryFile : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 60 * 1000;

    explicit RecoveryFile(ProjectDocument* document, QObject* parent = nullptr);
    ~RecoveryFile() override;

    static QString directory();
    QString path() const { return m_path; }
    // Writes the project when it has unsaved changes, removes the file when it has none.
    void saveNow();
    void discard();

    // Recovery files left by crashed processes, newest first.
    static QStringList orphans();
    // Loads an orphan into `document` (marked modified, with its original path if it had one) and removes it.
    // Returns false with `error` set when the file cannot be read.
    static bool restore(const QString& orphan, ProjectDocument* document, QString* error);
    static void remove(const QString& orphan);

private:
    ProjectDocument* m_document;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};

} // namespace neurite::ui
