// Tests crash recovery: autosave writes only unsaved work (and the checkpoints of a running training), and a
// crashed session's file comes back whole.
#include "editor/GraphCommands.h"
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "ErrorCapture.h"
#include "SyntheticImages.h"
#include "training/TrainingController.h"

#include <neurite/ProjectFile.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestRecoveryFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesOnlyUnsavedWork();
    void restoresACrashedSession();
    void checkpointsOfARunningTrainingAreWritten();
};

void TestRecoveryFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(RecoveryFile::directory()).removeRecursively();
}

void TestRecoveryFile::writesOnlyUnsavedWork()
{
    ProjectDocument document;
    document.newDesign(*preset("mlp"));
    RecoveryFile recovery(&document);
    recovery.saveNow();
    recovery.waitForWrites();
    QVERIFY(!QFile::exists(recovery.path())); // nothing unsaved, nothing written
    document.execute(new SetOptionCommand(document.model(), "dense1", "units", 100.0));
    recovery.saveNow();
    recovery.waitForWrites();
    QVERIFY(QFile::exists(recovery.path()));
    QVERIFY(RecoveryFile::orphans().isEmpty()); // ours is locked: this process is alive
    recovery.discard();
    QVERIFY(!QFile::exists(recovery.path()));
}

void TestRecoveryFile::restoresACrashedSession()
{
    ProjectDocument document;
    document.newDesign(*preset("mlp"));
    document.execute(new SetOptionCommand(document.model(), "dense2", "units", 40.0));
    document.execute(new MoveCommand(document.model(), {{"dense2", document.model()->node("dense2").position}},
                                     {{"dense2", QPointF(11, 22)}}));
    const QString crashed = QDir(RecoveryFile::directory()).filePath("recovery-999999.neurite");
    {
        RecoveryFile recovery(&document);
        recovery.saveNow();
        recovery.waitForWrites();
        // A crash leaves the file behind with nobody holding its lock.
        QVERIFY(QFile::copy(recovery.path(), crashed));
    }
    QCOMPARE(RecoveryFile::orphans(), QStringList({crashed}));

    ProjectDocument restored;
    const QString error = test::errorOf([&] { RecoveryFile::restore(crashed, &restored); });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(restored.spec(), document.spec());
    QCOMPARE(restored.model()->node("dense2").position, QPointF(11, 22));
    QVERIFY(restored.isModified()); // restored work is not saved anywhere yet
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(RecoveryFile::orphans().isEmpty());
}

// A saved (unmodified) project that trains: each checkpoint reaches the file with the design and the history
// up to its epoch; when the run ends, the document's own state replaces it.
void TestRecoveryFile::checkpointsOfARunningTrainingAreWritten()
{
    ProjectDocument document;
    NetworkSpec spec = *preset("mlp");
    spec.layers.front().options["width"] = 8.0; // 8 x 8 synthetic images
    spec.layers.front().options["height"] = 8.0;
    spec.find("dense1")->options["units"] = 16.0;
    document.newDesign(spec);
    QVERIFY2(document.canTrain(), "the 8 x 8 design should be valid");
    document.setModified(false);
    RecoveryFile recovery(&document);
    TrainingController controller;
    recovery.watchTraining(&controller);

    std::vector<TrainingCheckpoint> checkpoints;
    connect(&controller, &TrainingController::checkpointReported, this,
            [&checkpoints](const TrainingCheckpoint& c) { checkpoints.push_back(c); });
    TrainingSettings settings;
    settings.epochs = 100000;
    settings.batchSize = 10;
    settings.threads = 1;
    const auto data = std::make_shared<const Dataset>(test::syntheticImages(8, 10, 10, 2, 3));
    QVERIFY(controller.start(spec, settings, data));
    QTRY_VERIFY_WITH_TIMEOUT(checkpoints.size() >= 2, 30000);
    const int epoch = checkpoints.back().epoch;
    QCOMPARE(recovery.checkpointEpoch(), epoch);
    recovery.waitForWrites();
    const Project written = loadProject(recovery.path().toStdString());
    QCOMPARE(written.spec, document.spec());
    QVERIFY(written.weights && *written.weights == checkpoints.back().weights);
    QCOMPARE(int(written.history.epochs.size()), epoch);
    QCOMPARE(written.history.epochs.back().epoch, epoch);
    QCOMPARE(RecoveryFile::checkpointEpochOf(recovery.path()), epoch);
    // The second checkpoint came about a second (kCheckpointIntervalMs) after the first, not one epoch.
    QVERIFY(checkpoints.back().epoch - checkpoints.front().epoch > 1);

    // Stopped: the document (unmodified, no weights) has nothing to recover, so the file goes.
    controller.stop();
    QVERIFY(controller.waitUntilIdle(10000));
    QCOMPARE(recovery.checkpointEpoch(), 0);
    recovery.waitForWrites();
    QVERIFY(!QFile::exists(recovery.path()));
}

QTEST_MAIN(TestRecoveryFile)
#include "tst_recoveryfile.moc"
