// Experiments on the command line: `neurite sweep` trains the grid's runs with the right settings (checked
// against `neurite train` with the same ones), ranks them, writes CSV and keeps them in a project;
// `train --project` appends a run; `neurite runs` lists and edits them; `neurite diff` prints only the
// differences with diff's exit codes.
#include "ProcessRun.h"
#include "TrainOutput.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using neurite::test::accuracyOf;
using neurite::test::ProcessRun;
using neurite::test::runNeurite;

namespace {

const QStringList kData = {"--data", "spiral", "--points", "200", "--data-seed", "3", "--quiet"};

QStringList csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class TestSweepCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QString m_csv;

private Q_SLOTS:
    void initTestCase()
    {
        m_project = m_dir.filePath("sweep.neurite");
        m_csv = m_dir.filePath("results.csv");
        const ProcessRun sweep = runNeurite(QStringList{"sweep", "--set", "lr=0.01,0.1", "--set", "epochs=2,3", "--out",
                                                        m_csv, "--project", m_project} +
                                            kData);
        QVERIFY2(sweep.status == 0, qPrintable(sweep.err + sweep.out));
        QVERIFY2(sweep.out.contains("rank  lr    epochs  test acc"), qPrintable(sweep.out));
        QVERIFY(sweep.out.contains("Saved 4 runs to " + m_project));
    }

    void theCsvHoldsTheGridRankedByAccuracy()
    {
        const QStringList rows = csvRows(m_csv);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], QString("rank,name,lr,epochs,metric,test_accuracy,test_loss,r2,best_validation,epochs,"
                                  "seconds,outcome"));
        QSet<QString> combinations;
        double previous = 2;
        for (int i = 1; i < rows.size(); ++i) {
            const QStringList cells = rows[i].split(',');
            QCOMPARE(cells[0], QString::number(i));
            combinations.insert(cells[2] + "/" + cells[3]);
            QCOMPARE(cells[1], "lr=" + cells[2] + " epochs=" + cells[3]);
            QCOMPARE(cells[9], cells[3]); // epochs trained = epochs asked for
            const double metric = cells[4].toDouble();
            QVERIFY(metric <= previous);
            previous = metric;
            QCOMPARE(cells[11], QString("completed"));
        }
        QCOMPARE(combinations, (QSet<QString>{"0.01/2", "0.01/3", "0.1/2", "0.1/3"}));
    }

    // A run of the sweep trained what `neurite train` trains with the same settings: the same accuracy.
    void aSweptRunMatchesTrainWithTheSameSettings()
    {
        const ProcessRun train = runNeurite(QStringList{"train", "--lr", "0.1", "--epochs", "3"} + kData);
        QVERIFY2(train.status == 0, qPrintable(train.err));
        QString swept;
        for (const QString& row : csvRows(m_csv))
            if (row.contains(",lr=0.1 epochs=3,"))
                swept = row.split(',')[5];
        QVERIFY(!swept.isEmpty());
        QCOMPARE(QString::number(swept.toDouble() * 100, 'f', 2) + "%", accuracyOf(train.out));
    }

    void trainAppendsItsRunAndRunsListsThem()
    {
        const ProcessRun train = runNeurite(
            QStringList{"train", "--lr", "0.03", "--epochs", "1", "--project", m_project} + kData);
        QVERIFY2(train.status == 0, qPrintable(train.err));
        QVERIFY(train.out.contains("Added 1 run to " + m_project + " (5 runs in all)"));
        const ProcessRun runs = runNeurite({"runs", m_project});
        QVERIFY2(runs.status == 0, qPrintable(runs.err));
        QVERIFY2(runs.out.contains("  run 5  "), qPrintable(runs.out));
        QVERIFY(runs.out.contains("  lr=0.1 epochs=3  "));
        // Only the three best keep their weights.
        QCOMPARE(runs.out.count("weights kept"), 3);
    }

    void runsAreEditedAndSaved()
    {
        const ProcessRun edit = runNeurite({"runs", m_project, "--rename", "run 5=baseline", "--star", "baseline",
                                            "--note", "baseline=one epoch only", "--delete", "lr=0.01 epochs=2"});
        QVERIFY2(edit.status == 0, qPrintable(edit.err));
        QVERIFY(edit.out.contains("Saved " + m_project));
        QVERIFY(edit.out.contains("* baseline  "));
        QVERIFY(edit.out.contains("    one epoch only"));
        QVERIFY(!edit.out.contains("lr=0.01 epochs=2"));
        const ProcessRun missing = runNeurite({"runs", m_project, "--star", "nope"});
        QCOMPARE(missing.status, 1);
        QVERIFY2(missing.err.contains("no run called 'nope' (runs: "), qPrintable(missing.err));
    }

    void diffPrintsOnlyTheDifferences()
    {
        const ProcessRun same = runNeurite({"diff", "preset:mlp", "preset:mlp"});
        QCOMPARE(same.status, 0);
        QCOMPARE(same.out, QString());
        const ProcessRun presets = runNeurite({"diff", "preset:mlp", "preset:logistic"});
        QCOMPARE(presets.status, 1);
        QVERIFY2(presets.out.contains("~ layer dense1 (Dense): activation relu -> softmax, units 128 -> 10\n"),
                 qPrintable(presets.out));
        QVERIFY(presets.out.contains("- layer dense3 (Dense activation=softmax bias=1 init=auto units=10)\n"));
        const ProcessRun runs = runNeurite({"diff", m_project + "#lr=0.01 epochs=3", m_project + "#lr=0.1 epochs=3"});
        QCOMPARE(runs.status, 1);
        QCOMPARE(runs.out, QString("~ setting optimizer.learningRate: 0.01 -> 0.1\n"));
        const ProcessRun missing = runNeurite({"diff", m_dir.filePath("none.neurite"), "preset:mlp"});
        QCOMPARE(missing.status, 2);
        QVERIFY(missing.err.contains("none.neurite: cannot open"));
        const ProcessRun badRun = runNeurite({"diff", m_project + "#zz", "preset:mlp"});
        QCOMPARE(badRun.status, 2);
        QVERIFY(badRun.err.contains("no run called 'zz'"));
    }

    void badSweepsNameTheValue()
    {
        const ProcessRun noSet = runNeurite(QStringList{"sweep"} + kData);
        QCOMPARE(noSet.status, 2);
        QVERIFY(noSet.err.contains("give at least one --set"));
        const ProcessRun badLayer = runNeurite(QStringList{"sweep", "--set", "dense7.units=3"} + kData);
        QCOMPARE(badLayer.status, 1);
        QVERIFY2(badLayer.err.contains("dense7.units: the design has no layer 'dense7'"), qPrintable(badLayer.err));
    }
};

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
