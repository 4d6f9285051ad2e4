// Tests the recovery offer after crashes: every orphaned recovery file is listed with its design name, time
// and epoch; one restored, one discarded, the rest kept for later and offered again; nothing deleted before
// the user decides, and an unreadable file can still be discarded.
#include "document/ProjectDocument.h"
#include "document/RecoveryFile.h"
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "window/RecoveryDialog.h"

#include <neurite/Network.h>
#include <neurite/NetworkSpec.h>
#include <neurite/ProjectFile.h>

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// One crashed session's file: what RecoveryFile writes (the design, the weights of a checkpoint, and the
// original path and the epoch in the UI state), with the given age so that the order is known.
struct Orphan {
    QString file;
    NetworkSpec spec;
    std::optional<Weights> weights;
};

Orphan writeOrphan(const QString& name, int units, const QString& originalPath, int epoch, int minutesAgo)
{
    Orphan orphan{QDir(RecoveryFile::directory()).filePath(name), *preset("mlp"), std::nullopt};
    orphan.spec.find("dense1")->options["units"] = double(units);
    Project project;
    project.spec = orphan.spec;
    QJsonObject state{{"recoveredPath", originalPath}};
    if (epoch > 0) {
        state.insert("recoveredCheckpointEpoch", epoch);
        orphan.weights = Network(orphan.spec, 1234 + units).weights();
        project.weights = orphan.weights;
    }
    project.uiStateJson = QJsonDocument(state).toJson(QJsonDocument::Compact).toStdString();
    saveProject(project, QFile::encodeName(orphan.file).toStdString());
    QFile file(orphan.file);
    const QDateTime time = QDateTime::currentDateTime().addSecs(-60 * minutesAgo);
    if (!file.open(QIODevice::ReadWrite) || !file.setFileTime(time, QFileDevice::FileModificationTime))
        qFatal("cannot date %s", qPrintable(orphan.file));
    return orphan;
}

QFrame* entryOf(RecoveryDialog* dialog, const QString& orphan)
{
    for (QFrame* frame : dialog->findChildren<QFrame*>()) {
        if (frame->property("orphan").toString() == orphan && frame->isVisible())
            return frame;
    }
    return nullptr;
}

QString textOf(QFrame* entry)
{
    return entry->findChild<QLabel*>()->text();
}

void click(RecoveryDialog* dialog, const QString& orphan, const char* button)
{
    QFrame* entry = entryOf(dialog, orphan);
    QVERIFY2(entry, qPrintable(orphan));
    entry->findChild<QPushButton*>(button)->click();
}

// Answers the next "Unsaved changes" question with `answer` once it is up.
void answerSaveQuestion(QMessageBox::StandardButton answer)
{
    QTimer::singleShot(0, [answer] {
        QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()));
        qobject_cast<QMessageBox*>(QApplication::activeModalWidget())->button(answer)->click();
    });
}

} // namespace

class TestRecoveryDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyOrphanIsOfferedAndEachDecidedAlone();

private:
    QTemporaryDir m_dir;
};

void TestRecoveryDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserState(m_dir);
    QVERIFY(QDir().mkpath(RecoveryFile::directory()));
}

void TestRecoveryDialog::everyOrphanIsOfferedAndEachDecidedAlone()
{
    const QString savedPath = m_dir.filePath("digits.neurite");
    const Orphan untitled = writeOrphan("recovery-990001.neurite", 20, "", 0, 30);
    const Orphan trained = writeOrphan("recovery-990002.neurite", 40, savedPath, 12, 5);
    const Orphan later = writeOrphan("recovery-990003.neurite", 60, "", 3, 60);
    const QString broken = QDir(RecoveryFile::directory()).filePath("recovery-990004.neurite");
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("not a project") > 0);
    }

    MainWindow window;
    RecoveryDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RecoveryDialog*>("recoveryOffer")) != nullptr);
    // Newest first; nothing deleted by offering.
    QCOMPARE(dialog->undecided(), QStringList({broken, trained.file, untitled.file, later.file}));
    const QString trainedText = textOf(entryOf(dialog, trained.file));
    QVERIFY2(trainedText.contains("digits.neurite") && trainedText.contains("epoch 12"), qPrintable(trainedText));
    QVERIFY2(textOf(entryOf(dialog, untitled.file)).contains("Untitled"),
             qPrintable(textOf(entryOf(dialog, untitled.file))));
    QVERIFY(textOf(entryOf(dialog, untitled.file)).contains("unsaved design changes"));
    QVERIFY(textOf(entryOf(dialog, broken)).contains("Cannot be read"));
    QVERIFY(!entryOf(dialog, broken)->findChild<QPushButton*>("restore")->isEnabled());

    // Restore one: its design, path and weights come back, unsaved, and are this session's recovery now.
    click(dialog, trained.file, "restore");
    QCOMPARE(window.document()->spec(), trained.spec);
    QCOMPARE(window.document()->path(), savedPath);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.document()->trainedWeights() && *window.document()->trainedWeights() == *trained.weights);
    QVERIFY(!QFile::exists(trained.file));
    window.recoveryFile()->waitForWrites();
    QCOMPARE(loadProject(QFile::encodeName(window.recoveryFile()->path()).toStdString()).spec, trained.spec);

    // Restoring another over unsaved work asks first; Cancel keeps both.
    answerSaveQuestion(QMessageBox::Cancel);
    click(dialog, later.file, "restore");
    QCOMPARE(window.document()->spec(), trained.spec);
    QVERIFY(QFile::exists(later.file));

    // Discard one, then leave the rest for later: they stay on disk and are offered again.
    click(dialog, untitled.file, "discard");
    QVERIFY(!QFile::exists(untitled.file));
    QCOMPARE(dialog->undecided(), QStringList({broken, later.file}));
    dialog->findChild<QAbstractButton*>("decideLater")->click();
    QTRY_VERIFY(window.findChild<RecoveryDialog*>("recoveryOffer") == nullptr);
    QCOMPARE(RecoveryFile::orphans(), QStringList({broken, later.file}));

    QAction* recover = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text().startsWith("Recover Unsaved"))
            recover = action;
    }
    QVERIFY(recover);
    recover->trigger();
    QTRY_VERIFY((dialog = window.findChild<RecoveryDialog*>("recoveryOffer")) != nullptr);
    QCOMPARE(dialog->undecided(), QStringList({broken, later.file}));
    // The unreadable file can be discarded; restoring the last one over discarded changes closes the offer.
    click(dialog, broken, "discard");
    answerSaveQuestion(QMessageBox::Discard);
    click(dialog, later.file, "restore");
    QCOMPARE(window.document()->spec(), later.spec);
    QVERIFY(window.document()->trainedWeights() && *window.document()->trainedWeights() == *later.weights);
    QTRY_VERIFY(window.findChild<RecoveryDialog*>("recoveryOffer") == nullptr);
    QVERIFY(RecoveryFile::orphans().isEmpty());
    QCOMPARE(QDir(RecoveryFile::directory()).entryList({"recovery-99*"}), QStringList());
}

QTEST_MAIN(TestRecoveryDialog)
#include "tst_recoverydialog.moc"
