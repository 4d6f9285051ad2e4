// Autosave for crash recovery: the open project, and while training the latest checkpoint, written to a
// per-process recovery file.
#include "document/RecoveryFile.h"

#include "document/ProjectDocument.h"
#include "document/RecoveryWriter.h"
#include "training/TrainingController.h"

#include <neurite/ProjectFile.h>

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace neurite::ui {

namespace {

const QString kPathKey = QStringLiteral("recoveredPath");
const QString kCheckpointKey = QStringLiteral("recoveredCheckpointEpoch");

QString lockPathFor(const QString& recoveryPath)
{
    return recoveryPath.left(recoveryPath.size() - QStringLiteral(".neurite").size()) + QStringLiteral(".lock");
}

// The original file's path and the checkpoint's epoch ride along in the UI state, which the engine keeps
// opaque.
std::string withRecoveryState(const std::string& uiState, const QString& path, int checkpointEpoch)
{
    QJsonObject state = QJsonDocument::fromJson(QByteArray::fromStdString(uiState)).object();
    state.insert(kPathKey, path);
    if (checkpointEpoch > 0)
        state.insert(kCheckpointKey, checkpointEpoch);
    return QJsonDocument(state).toJson(QJsonDocument::Compact).toStdString();
}

// The run's history up to and including `epoch`: the reports arrive in order, and the next epoch's first
// batches can come before the checkpoint.
TrainingHistory historyUpTo(const TrainingHistory& run, int epoch)
{
    TrainingHistory history;
    for (const EpochReport& e : run.epochs)
        if (e.epoch <= epoch) {
            history.epochs.push_back(e);
            history.bestEpoch = e.best ? e.epoch : history.bestEpoch;
        }
    const auto end = std::find_if(run.batches.begin(), run.batches.end(),
                                  [epoch](const BatchReport& b) { return b.epoch > epoch; });
    history.batches.assign(run.batches.begin(), end);
    return history;
}

QJsonObject recoveryStateOf(const Project& project)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(project.uiStateJson)).object();
}

} // namespace

RecoveryFile::RecoveryFile(ProjectDocument* document, QObject* parent) : QObject(parent), m_document(document)
{
    QDir().mkpath(directory());
    m_path = QDir(directory()).filePath(QStringLiteral("recovery-%1.neurite").arg(QCoreApplication::applicationPid()));
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_path));
    m_lock->tryLock(0);
    m_writer = std::make_unique<RecoveryWriter>(QFile::encodeName(m_path).toStdString());
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryFile::saveNow);
    m_timer.start();
    m_checkpointTimer.setSingleShot(true);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &RecoveryFile::writeCheckpointWhenReady);
}

RecoveryFile::~RecoveryFile()
{
    discard();
    m_writer.reset(); // joins the writer after the removal
}

QString RecoveryFile::directory()
{
    const QString custom = qEnvironmentVariable("NEURITE_RECOVERY_DIR");
    if (!custom.isEmpty())
        return custom;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath("recovery");
}

void RecoveryFile::saveNow()
{
    if (!m_checkpoint && !m_document->isModified()) {
        m_writer->remove();
        return;
    }
    Project project = m_document->toProject();
    // The design is locked while training, so the checkpoint's weights fit it; the check keeps a
    // mismatch (which would make the file unreadable) out of the file all the same.
    const bool withCheckpoint = m_checkpoint && project.spec == m_runSpec;
    if (withCheckpoint) {
        project.weights = m_checkpoint->weights;
        project.history = historyUpTo(m_runHistory, m_checkpoint->epoch);
        m_checkpointDue = false;
        m_sinceCheckpoint.start();
        project.dataSetName = m_runDataSet;
        project.classNames = m_runClassNames;
    }
    project.uiStateJson = withRecoveryState(project.uiStateJson, m_document->path(),
                                            withCheckpoint ? m_checkpoint->epoch : 0);
    m_writer->write(std::move(project));
}

void RecoveryFile::discard()
{
    m_writer->remove();
    m_writer->waitUntilIdle();
}

void RecoveryFile::waitForWrites()
{
    if (m_checkpoint && m_checkpointDue)
        saveNow(); // a checkpoint waiting for its turn counts as requested
    m_writer->waitUntilIdle();
}

void RecoveryFile::watchTraining(TrainingController* controller)
{
    connect(controller, &TrainingController::runStarted, this, &RecoveryFile::onRunStarted);
    connect(controller, &TrainingController::batchesReported, this, [this](const BatchReports& batches) {
        for (const BatchReport& b : batches) // thinned as the trainer's own history is (TrainingHistory.h)
            keepBatchReport(m_runHistory.batches, b);
    });
    connect(controller, &TrainingController::epochReported, this, &RecoveryFile::onEpoch);
    connect(controller, &TrainingController::checkpointReported, this, &RecoveryFile::onCheckpoint);
    connect(controller, &TrainingController::finished, this, &RecoveryFile::onRunEnded);
    connect(controller, &TrainingController::failed, this, &RecoveryFile::onRunEnded);
}

void RecoveryFile::onRunStarted(const DataSetHandle& data)
{
    m_runSpec = m_document->spec();
    m_runDataSet = data->name;
    m_runClassNames = data->classNames;
    m_runHistory = {};
    m_checkpoint.reset();
    m_checkpointDue = false;
    m_checkpointTimer.stop();
    m_sinceCheckpoint.invalidate();
}

void RecoveryFile::onEpoch(const EpochReport& report)
{
    m_runHistory.epochs.push_back(report);
    if (report.best)
        m_runHistory.bestEpoch = report.epoch;
}

// The file holds every batch of the run, so writing it takes longer as the run goes on (seconds after half an
// hour at full speed, found by the soak test). Written back to back, the checkpoints had kept a core busy and
// the GUI thread copying the whole history every second; now the newest checkpoint waits until the last write
// is done and kCheckpointCostRatio times its duration has passed.
void RecoveryFile::onCheckpoint(const TrainingCheckpoint& checkpoint)
{
    m_checkpoint = checkpoint;
    m_checkpointDue = true;
    writeCheckpointWhenReady();
}

void RecoveryFile::writeCheckpointWhenReady()
{
    if (!m_checkpoint || !m_checkpointDue)
        return;
    const qint64 wait = qint64(kCheckpointCostRatio * 1000 * m_writer->lastWriteSeconds());
    const qint64 since = m_sinceCheckpoint.isValid() ? m_sinceCheckpoint.elapsed() : wait;
    if (m_writer->isIdle() && since >= wait)
        saveNow();
    else if (!m_checkpointTimer.isActive())
        m_checkpointTimer.start(int(std::clamp<qint64>(wait - since, 100, kIntervalMs)));
}

// The finished run's result is now in the document (or the run failed): the document alone is recovered.
void RecoveryFile::onRunEnded()
{
    if (!m_checkpoint)
        return;
    m_checkpoint.reset();
    m_checkpointDue = false;
    m_checkpointTimer.stop();
    m_runHistory = {};
    saveNow();
}

QStringList RecoveryFile::orphans()
{
    QStringList result;
    const QFileInfoList files =
        QDir(directory()).entryInfoList({QStringLiteral("recovery-*.neurite")}, QDir::Files, QDir::Time);
    for (const QFileInfo& file : files) {
        QLockFile lock(lockPathFor(file.absoluteFilePath()));
        if (lock.tryLock(0)) { // free (or stale: its process is gone), so nobody is editing it
            lock.unlock();
            result.append(file.absoluteFilePath());
        }
    }
    return result;
}

RecoveredWork RecoveryFile::describe(const QString& orphan)
{
    RecoveredWork work;
    work.file = orphan;
    work.savedAt = QFileInfo(orphan).lastModified();
    try {
        const Project project = loadProject(QFile::encodeName(orphan).toStdString());
        const QJsonObject state = recoveryStateOf(project);
        work.originalPath = state.value(kPathKey).toString();
        work.checkpointEpoch = state.value(kCheckpointKey).toInt();
        work.layers = int(project.spec.layers.size());
        work.dataSet = QString::fromStdString(project.settings.dataSet);
    } catch (const std::exception& e) {
        work.error = QString::fromStdString(e.what());
    }
    return work;
}

int RecoveryFile::checkpointEpochOf(const QString& orphan)
{
    try {
        return recoveryStateOf(loadProject(QFile::encodeName(orphan).toStdString())).value(kCheckpointKey).toInt();
    } catch (const std::exception&) {
        return 0;
    }
}

void RecoveryFile::restore(const QString& orphan, ProjectDocument* document)
{
    const Project project = loadProject(QFile::encodeName(orphan).toStdString());
    document->loadProject(project, recoveryStateOf(project).value(kPathKey).toString());
    document->setModified(true);
    remove(orphan);
}

void RecoveryFile::remove(const QString& orphan)
{
    QFile::remove(orphan);
    QFile::remove(lockPathFor(orphan));
    // A process killed in the middle of an atomic save leaves its temporary file beside the target.
    const QFileInfo info(orphan);
    const QStringList temporaries = info.dir().entryList({info.fileName() + QStringLiteral(".tmp-*")}, QDir::Files);
    for (const QString& name : temporaries)
        QFile::remove(info.dir().filePath(name));
}

} // namespace neurite::ui
