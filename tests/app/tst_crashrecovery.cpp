// Crash recovery end to end: the real `neurite` is killed with SIGKILL while it trains, and the next launch
// offers back the design and the weights of the last checkpoint, value for value.
#include "window/MainWindow.h"
#include "window/RecoveryDialog.h"
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "Workspace.h"

#include "neurite/IdxFile.h"
#include "neurite/Network.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"

#include <QAbstractButton>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

namespace {

// Generous: under AddressSanitizer the child needs several seconds to start and train an epoch.
constexpr int kCheckpointTimeoutMs = 120000;

// A 28 x 28, 10-class data set as the four IDX files loadDataset reads from a folder.
void writeDataSet(const QString& folder, const Dataset& data)
{
    const auto write = [&folder](const char* name, const SampleSet& set) {
        const auto n = std::uint32_t(set.count());
        writeIdx((folder + "/" + name + "-images-idx3-ubyte").toStdString(),
                 {{n, std::uint32_t(set.rows), std::uint32_t(set.cols)}, set.pixels});
        writeIdx((folder + "/" + name + "-labels-idx1-ubyte").toStdString(), {{n}, set.labels});
    };
    QDir().mkpath(folder);
    write("train", data.train);
    write("t10k", data.test);
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedDuringTrainingOffersDesignAndCheckpointBack();

private:
    // The project the child trains (on `data`, written beside it), saved to crash.neurite.
    Project saveProjectToTrain(const Dataset& data) const;
    QProcessEnvironment childEnvironment() const;
    // Waits for a checkpoint past the first one (so that the file has been replaced while training), then
    // kills `neurite`; `epoch` is the checkpoint's epoch seen before the kill.
    void killAfterSecondCheckpoint(QProcess& neurite, const QString& recoveryPath, int& epoch);
    void acceptRecoveryOffer(ui::MainWindow& window, int epoch);
    // The checkpoint: exactly the weights in the file `left`, trained (not the initial ones), and as accurate.
    void checkCheckpointRestored(const ui::ProjectDocument& document, const Project& project, const Project& left,
                                 const Dataset& data, int leftEpoch);

    QTemporaryDir m_dir;
};

void TestCrashRecovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(!qEnvironmentVariable("NEURITE_BINARY").isEmpty());
    // This process is the "relaunch": it must look in the child's recovery folder, never the user's.
    qputenv("NEURITE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath("recovery")));
    QStandardPaths::setTestModeEnabled(true);
}

Project TestCrashRecovery::saveProjectToTrain(const Dataset& data) const
{
    writeDataSet(m_dir.filePath("data"), data);
    Project project;
    project.spec = *preset("mlp");
    project.spec.find("dense1")->options["units"] = 48.0; // not the preset's 128: the design really comes back
    project.settings.dataSet = m_dir.filePath("data").toStdString();
    project.settings.epochs = 100000; // still training when it is killed
    project.settings.batchSize = 20;
    project.settings.threads = 1;
    saveProject(project, m_dir.filePath("crash.neurite").toStdString());
    return project;
}

// A private home, so that nothing of the user's is read or written.
QProcessEnvironment TestCrashRecovery::childEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("HOME", m_dir.filePath("home"));
    env.insert("XDG_CONFIG_HOME", m_dir.filePath("home/config"));
    env.insert("XDG_DATA_HOME", m_dir.filePath("home/data"));
    env.insert("NEURITE_RECOVERY_DIR", m_dir.filePath("recovery"));
    // Under TSan the killed child reports, when the machine is loaded, races between GLib's wake-up eventfd
    // and Qt's pooled threads inside the uninstrumented libraries (tests/tsan.supp ignores them in the test
    // processes, but not reliably in this child). The training thread's hand-offs it runs are checked in the
    // UI suites; here only recovery is tested.
    if (test::kUnderThreadSanitizer)
        env.insert("TSAN_OPTIONS", env.value("TSAN_OPTIONS") + " report_bugs=0");
    return env;
}

void TestCrashRecovery::killAfterSecondCheckpoint(QProcess& neurite, const QString& recoveryPath, int& epoch)
{
    QElapsedTimer clock;
    clock.start();
    epoch = 0;
    while (epoch < 2 && clock.elapsed() < kCheckpointTimeoutMs && neurite.state() == QProcess::Running) {
        QTest::qWait(100);
        if (QFile::exists(recoveryPath))
            epoch = ui::RecoveryFile::checkpointEpochOf(recoveryPath);
    }
    QVERIFY2(neurite.state() == QProcess::Running, "neurite ended before it was killed");
    QVERIFY2(epoch >= 2, qPrintable(QString("no second checkpoint in %1 after %2 ms (epoch %3)")
                                        .arg(recoveryPath)
                                        .arg(clock.elapsed())
                                        .arg(epoch)));
    neurite.kill(); // SIGKILL: no destructor, no clean-up, the lock file stays behind
    QVERIFY(neurite.waitForFinished());
    QCOMPARE(neurite.exitStatus(), QProcess::CrashExit);
}

void TestCrashRecovery::acceptRecoveryOffer(ui::MainWindow& window, int epoch)
{
    ui::RecoveryDialog* offer = nullptr;
    QTRY_VERIFY((offer = window.findChild<ui::RecoveryDialog*>("recoveryOffer")) != nullptr);
    QCOMPARE(offer->undecided().size(), 1);
    QStringList texts;
    for (const QLabel* label : offer->findChildren<QLabel*>())
        texts.append(label->text());
    QVERIFY2(texts.join('\n').contains(QString("epoch %1").arg(epoch)), qPrintable(texts.join('\n')));
    offer->findChild<QPushButton*>("restore")->click();
    QTRY_VERIFY(window.findChild<ui::RecoveryDialog*>("recoveryOffer") == nullptr);
}

void TestCrashRecovery::checkCheckpointRestored(const ui::ProjectDocument& document, const Project& project,
                                                const Project& left, const Dataset& data, int leftEpoch)
{
    QVERIFY(document.trainedWeights().has_value());
    QVERIFY(*document.trainedWeights() == *left.weights);
    QVERIFY(*document.trainedWeights() != Network(project.spec, project.settings.seed).weights());
    QCOMPARE(int(document.history().epochs.size()), leftEpoch);
    Network restored(document.spec());
    restored.setWeights(*document.trainedWeights());
    Network fromFile = networkFromProject(left);
    const float accuracy = evaluate(restored, data.test, data.classCount()).accuracy;
    QCOMPARE(accuracy, evaluate(fromFile, data.test, data.classCount()).accuracy);
    QVERIFY2(accuracy > 0.5f, qPrintable(QString("test accuracy of the checkpoint %1").arg(accuracy))); // chance: 0.1
}

void TestCrashRecovery::killedDuringTrainingOffersDesignAndCheckpointBack()
{
    const Dataset data = test::syntheticImages(28, 10, 60, 20, 7);
    const Project project = saveProjectToTrain(data);
    const QString projectPath = m_dir.filePath("crash.neurite");

    // First launch, killed while it trains.
    QProcess neurite;
    neurite.setProcessEnvironment(childEnvironment());
    neurite.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    neurite.start(qEnvironmentVariable("NEURITE_BINARY"), {projectPath, "--train"});
    QVERIFY2(neurite.waitForStarted(), qPrintable(neurite.errorString()));
    const QString recoveryPath = m_dir.filePath(
        QStringLiteral("recovery/recovery-%1.neurite").arg(neurite.processId()));
    int epoch = 0;
    killAfterSecondCheckpoint(neurite, recoveryPath, epoch);
    if (QTest::currentTestFailed())
        return;

    // What the killed process left (read after its death: whatever was last renamed into place).
    const Project left = loadProject(recoveryPath.toStdString());
    QVERIFY(left.weights.has_value());
    const int leftEpoch = ui::RecoveryFile::checkpointEpochOf(recoveryPath);
    QVERIFY(leftEpoch >= epoch);
    QCOMPARE(int(left.history.epochs.size()), leftEpoch); // the history up to the checkpoint
    QVERIFY(!left.history.batches.empty());
    QCOMPARE(ui::RecoveryFile::orphans(), QStringList({QFileInfo(recoveryPath).absoluteFilePath()}));

    // Relaunch: the designer as runGui assembles it; the offer is answered Yes like a user would.
    ui::MainWindow window;
    cli::assembleWorkspace(window);
    window.show();
    acceptRecoveryOffer(window, leftEpoch);
    if (QTest::currentTestFailed())
        return;

    // The design: layer ids, options and wires, as saved and trained.
    ui::ProjectDocument* document = window.document();
    QCOMPARE(document->spec(), project.spec);
    QCOMPARE(document->spec().layers.size(), std::size_t(5));
    QCOMPARE(document->spec().layers[1].id, std::string("dense1"));
    QVERIFY(document->isModified()); // recovered work is not saved anywhere yet
    QCOMPARE(document->path(), QFileInfo(projectPath).absoluteFilePath());
    checkCheckpointRestored(*document, project, left, data, leftEpoch);
    if (QTest::currentTestFailed())
        return;

    // The orphan is gone, and with it the dead process's lock.
    QVERIFY(!QFile::exists(recoveryPath));
    QVERIFY(ui::RecoveryFile::orphans().isEmpty());
}

QTEST_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
