// The run comparison names each run by what it did: a run stopped before its last epoch says where.
#include "results/RunComparison.h"

#include <QListWidget>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

RunRecord runOf(int epochsAsked, int epochsTrained, float testAccuracy)
{
    RunRecord run;
    run.name = QStringLiteral("Run 2");
    run.settings.epochs = epochsAsked;
    auto history = std::make_shared<TrainingHistory>();
    for (int e = 1; e <= epochsTrained; ++e) {
        EpochReport report;
        report.epoch = e;
        report.epochs = epochsAsked;
        history->epochs.push_back(report);
    }
    history->testAccuracy = testAccuracy;
    run.history = std::move(history);
    return run;
}

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aStoppedRunSaysWhereItStopped()
    {
        RunRecord run = runOf(300, 188, 0.9639f);
        run.outcome = TrainingResult::Outcome::Stopped;
        const QString label = RunComparison::runLabel(run);
        QVERIFY2(label.contains(QStringLiteral("300 epochs · stopped at epoch 188 → test 96.39%")), qPrintable(label));
    }

    void aCompletedRunShowsItsEpochsOnly()
    {
        const QString label = RunComparison::runLabel(runOf(10, 10, 0.9604f));
        QVERIFY2(label.endsWith(QStringLiteral("10 epochs → test 96.04%")), qPrintable(label));
        QVERIFY(!label.contains(QStringLiteral("stopped")));
    }

    void theListShowsTheLabel()
    {
        RunComparison comparison;
        comparison.addRun(runOf(300, 188, 0.9639f));
        const auto* list = comparison.findChild<QListWidget*>();
        QVERIFY(list);
        QCOMPARE(list->item(0)->text(), RunComparison::runLabel(comparison.run(0)));
    }
};

QTEST_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
