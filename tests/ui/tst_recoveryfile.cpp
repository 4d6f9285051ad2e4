// Tests crash recovery: autosave writes only unsaved work, and a crashed session's file comes back whole.
#include "GraphCommands.h"
#include "ProjectDocument.h"
#include "RecoveryFile.h"

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
    QVERIFY(!QFile::exists(recovery.path()));  // nothing unsaved, nothing written
    document.execute(new SetOptionCommand(document.model(), "dense1", "units", 100.0));
    recovery.saveNow();
    QVERIFY(QFile::exists(recovery.path()));
    QVERIFY(RecoveryFile::orphans().isEmpty());  // ours is locked: this process is alive
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
        // A crash leaves the file behind with nobody holding its lock.
        QVERIFY(QFile::copy(recovery.path(), crashed));
    }
    QCOMPARE(RecoveryFile::orphans(), QStringList({crashed}));

    ProjectDocument restored;
    QString error;
    QVERIFY2(RecoveryFile::restore(crashed, &restored, &error), qPrintable(error));
    QCOMPARE(restored.spec(), document.spec());
    QCOMPARE(restored.model()->node("dense2").position, QPointF(11, 22));
    QVERIFY(restored.isModified());  // restored work is not saved anywhere yet
    QVERIFY(!QFile::exists(crashed));
    QVERIFY(RecoveryFile::orphans().isEmpty());
}

QTEST_MAIN(TestRecoveryFile)
#include "tst_recoveryfile.moc"
