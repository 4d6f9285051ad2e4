// Tests the two-run comparison: the settings table lists exactly the settings two known runs differ in, the
// confusion matrices and per-class scores shown are the runs' own (scores checked against hand-computed
// values), the curves hold each run's points, a regression run shows R², MAE and RMSE instead of a matrix,
// and Show Design Diff hands over both designs.
#include "compare/RunCompareDialog.h"
#include "compare/RunPairChart.h"
#include "compare/RunTestColumn.h"
#include "compare/SettingsDiffTable.h"
#include "results/ConfusionMatrixView.h"
#include "TestSupport.h"

#include <QAbstractAxis>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

neurite::RunRecord knownRun(const std::string& name, int units, float learningRate, int epochs)
{
    neurite::RunRecord run;
    run.name = name;
    run.design = test::chainSpec(4, {test::dense("dense1", units, "relu"), test::dense("dense2", 3, "softmax")});
    run.settings.optimizer.learningRate = learningRate;
    run.settings.epochs = epochs;
    run.settings.batchSize = 32;
    run.classNames = {"cat", "dog", "fox"};
    for (int e = 1; e <= epochs; ++e) {
        for (int b = 1; b <= 4; ++b)
            run.history.batches.push_back({e, b, 4, (e - 1) * 4 + b, 1.0f / float(e * b), 0.5f, learningRate});
        EpochReport epoch;
        epoch.epoch = e;
        epoch.epochs = epochs;
        epoch.validationLoss = 1.0f / float(e);
        epoch.validationAccuracy = 0.5f + 0.1f * float(e);
        run.history.epochs.push_back(epoch);
    }
    run.test.loss = 0.4f;
    run.test.accuracy = 0.7f;
    return run;
}

QString cellText(const QTableWidget* table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

} // namespace

class TestRunCompareDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void onlyTheDifferingSettingsAreListed()
    {
        neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        neurite::RunRecord b = knownRun("run 2", 64, 0.003f, 2);
        b.settings.seed = a.settings.seed + 5;
        RunCompareDialog dialog(a, b);
        const SettingsDiffTable* table = dialog.settingsTable();
        QCOMPARE(table->differingKeys(), (QStringList{"design", "optimizer.learningRate", "seed"}));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(cellText(table, 1, 1), QString("0.001"));
        QCOMPARE(cellText(table, 1, 2), QString("0.003"));
        QCOMPARE(cellText(table, 2, 2), QString::number(b.settings.seed));
        // The design row says what the second design changes; every value is highlighted.
        QVERIFY2(cellText(table, 0, 2).contains("units 32 -> 64"), qPrintable(cellText(table, 0, 2)));
        QCOMPARE(table->item(1, 2)->background().color(), SettingsDiffTable::highlight());
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QString("run 1"));
        QVERIFY(dialog.designDiffButton()->isEnabled());
    }

    void runsThatDifferInNothingListNothing()
    {
        const neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        neurite::RunRecord b = a;
        b.name = "run 2";
        RunCompareDialog dialog(a, b);
        QVERIFY(dialog.settingsTable()->differingKeys().isEmpty());
        QCOMPARE(dialog.settingsTable()->rowCount(), 0);
        QVERIFY(!dialog.designDiffButton()->isEnabled());
    }

    void theConfusionMatricesAndScoresShownAreTheRuns()
    {
        neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        neurite::RunRecord b = knownRun("run 2", 64, 0.003f, 2);
        a.test.confusion = {{5, 3, 2}, {0, 4, 0}, {1, 4, 6}};
        b.test.confusion = {{9, 1, 0}, {2, 2, 0}, {0, 0, 11}};
        RunCompareDialog dialog(a, b);
        QCOMPARE(dialog.testColumn(0)->confusionMatrix()->matrix(), a.test.confusion);
        QCOMPARE(dialog.testColumn(1)->confusionMatrix()->matrix(), b.test.confusion);
        // Run 1, class "dog": precision 4 / (3 + 4 + 4) = 0.364, recall 4 / 4 = 1, F1 2pr/(p+r) = 0.533.
        const QTableWidget* scores = dialog.testColumn(0)->classTable();
        QCOMPARE(scores->rowCount(), 3);
        QCOMPARE(cellText(scores, 1, 0), QString("dog"));
        QCOMPARE(cellText(scores, 1, 1), QString("0.364"));
        QCOMPARE(cellText(scores, 1, 2), QString("1.000"));
        QCOMPARE(cellText(scores, 1, 3), QString("0.533"));
        QCOMPARE(cellText(scores, 2, 4), QString("11"));
        // Run 2, class "fox": everything right.
        QCOMPARE(cellText(dialog.testColumn(1)->classTable(), 2, 3), QString("1.000"));
        QVERIFY(dialog.testColumn(0)->summaryText().contains("70.00%"));
    }

    void theCurvesHoldEachRunsPoints()
    {
        const neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        const neurite::RunRecord b = knownRun("run 2", 64, 0.003f, 3);
        RunCompareDialog dialog(a, b);
        const QList<QAbstractSeries*> series = dialog.lossChart()->chart()->series();
        // Per run: the training curve (one point per batch) and the validation curve (one per epoch).
        QCOMPARE(series.size(), 4);
        QCOMPARE(static_cast<QLineSeries*>(series[0])->count(), 8);
        QCOMPARE(static_cast<QLineSeries*>(series[1])->count(), 2);
        QCOMPARE(static_cast<QLineSeries*>(series[2])->count(), 12);
        QCOMPARE(static_cast<QLineSeries*>(series[3])->at(2), QPointF(3, double(1.0f / 3.0f)));
        const auto* accuracy = static_cast<QLineSeries*>(dialog.accuracyChart()->chart()->series()[1]);
        QCOMPARE(accuracy->at(1).y(), 100.0 * double(0.5f + 0.1f * 2.0f));
    }

    // Another pair replaces the axes; the chart gives removed axes back to the caller, who must delete them.
    void anotherPairFreesTheAxesOfTheLast()
    {
        RunPairChart chart(RunPairChart::Quantity::Loss);
        chart.setRuns(knownRun("run 1", 32, 0.001f, 2), knownRun("run 2", 64, 0.003f, 3));
        const QList<QAbstractAxis*> first = chart.chart()->axes();
        QCOMPARE(first.size(), 2);
        int freed = 0;
        for (QAbstractAxis* axis : first)
            connect(axis, &QObject::destroyed, this, [&freed] { ++freed; });
        chart.setRuns(knownRun("run 3", 16, 0.01f, 4), knownRun("run 4", 8, 0.03f, 1));
        QCOMPARE(freed, 2);
        QCOMPARE(chart.chart()->axes().size(), 2);
    }

    void aRegressionRunShowsItsErrorsInsteadOfAMatrix()
    {
        neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        a.test = {};
        a.test.regression = true;
        a.test.r2 = 0.8125;
        a.test.mae = 1.5;
        a.test.rmse = 2.25;
        neurite::RunRecord b = a;
        b.name = "run 2";
        b.test.r2 = 0.5;
        RunCompareDialog dialog(a, b);
        dialog.show();
        const QString text = dialog.testColumn(0)->summaryText();
        QVERIFY2(text.contains("0.8125") && text.contains("MAE 1.5") && text.contains("RMSE 2.25"), qPrintable(text));
        QVERIFY(dialog.testColumn(1)->summaryText().contains("0.5000"));
        QVERIFY(dialog.testColumn(0)->confusionMatrix()->isHidden());
        QVERIFY(dialog.accuracyChart()->isHidden());
    }

    void showDesignDiffHandsOverBothDesigns()
    {
        const neurite::RunRecord a = knownRun("run 1", 32, 0.001f, 2);
        const neurite::RunRecord b = knownRun("run 2", 64, 0.001f, 2);
        RunCompareDialog dialog(a, b);
        NetworkSpec before, after;
        QString names;
        connect(&dialog, &RunCompareDialog::designDiffRequested, this,
                [&](const NetworkSpec& x, const NetworkSpec& y, const QString& xName, const QString& yName) {
                    before = x;
                    after = y;
                    names = xName + "|" + yName;
                });
        QTest::mouseClick(dialog.designDiffButton(), Qt::LeftButton);
        QVERIFY(before == a.design && after == b.design);
        QCOMPARE(names, QString("run 1|run 2"));
    }
};

QTEST_MAIN(TestRunCompareDialog)
#include "tst_runcomparedialog.moc"
