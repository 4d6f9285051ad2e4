// Autosave for crash recovery: the open project, and while training the latest checkpoint, written to a
// per-process recovery file.
#pragma once

#include "document/RecoveredWork.h"
#include "training/TrainingProgress.h"

#include <QLockFile>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

namespace neurite::ui {

class ProjectDocument;
class RecoveryWriter;
class TrainingController;

// Each running Neurite owns recovery-<pid>.neurite and holds recovery-<pid>.lock; a clean exit removes both.
// A recovery file whose lock is free was left by a process that crashed: the next launch offers it back.
// The design is written every minute when it has unsaved changes; while a run trains, each checkpoint
// (weights at an epoch's end, about once a second at most) is written with the design and the run's
// history so far. Writes happen on a thread of their own (RecoveryWriter) and are atomic.
class RecoveryFile : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 60 * 1000;
    // A checkpoint is written once the last write is done and this many times its duration has passed since
    // it began, so that the writer works at most a tenth of the time however long the history grows.
    static constexpr double kCheckpointCostRatio = 10;

    explicit RecoveryFile(ProjectDocument* document, QObject* parent = nullptr);
    ~RecoveryFile() override;

    // $NEURITE_RECOVERY_DIR when set (tests use a private folder), else <app data>/recovery.
    static QString directory();
    QString path() const { return m_path; }
    // Writes the project (with the latest checkpoint of a running training) when there is anything to
    // recover, removes the file when there is nothing. Returns at once; see waitForWrites().
    void saveNow();
    void discard();
    // Blocks until the writes requested so far are on disk (tests, and before exiting).
    void waitForWrites();

    // Follows `controller`'s runs: their checkpoints go to the recovery file as they arrive.
    void watchTraining(TrainingController* controller);
    // The epoch of the checkpoint held for the running training, 0 when none.
    int checkpointEpoch() const { return m_checkpoint ? m_checkpoint->epoch : 0; }

    // Recovery files left by crashed processes, newest first.
    static QStringList orphans();
    // An orphan's design name, time, epoch and size for the recovery offer; `error` says why it is
    // unreadable (never throws).
    static RecoveredWork describe(const QString& orphan);
    // The training epoch whose weights an orphan holds as a checkpoint, 0 when none (or unreadable).
    static int checkpointEpochOf(const QString& orphan);
    // Loads an orphan into `document` (marked modified, with its original path if it had one; with the
    // checkpoint's weights and history if it has one) and removes it.
    // Throws NeuriteError naming the file when it cannot be read; the document is then unchanged.
    static void restore(const QString& orphan, ProjectDocument* document);
    static void remove(const QString& orphan);

private:
    void onRunStarted(const DataSetHandle& data);
    void onEpoch(const EpochReport& report);
    void onCheckpoint(const TrainingCheckpoint& checkpoint);
    void writeCheckpointWhenReady();
    void onRunEnded();

    ProjectDocument* m_document;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<RecoveryWriter> m_writer;
    QTimer m_timer;

    // The running training, as far as recovery needs it.
    NetworkSpec m_runSpec;
    std::string m_runDataSet;
    std::vector<std::string> m_runClassNames;
    TrainingHistory m_runHistory;
    std::optional<TrainingCheckpoint> m_checkpoint;
    bool m_checkpointDue = false;    // m_checkpoint is newer than the file's
    QTimer m_checkpointTimer;        // a checkpoint waits for the writer (writeCheckpointWhenReady)
    QElapsedTimer m_sinceCheckpoint; // since the last checkpoint was posted to the writer
};

} // namespace neurite::ui
