// Chart legends show every series' whole name at the widths a 1024-pixel window gives a chart: the
// training charts (side by side, about 330 pixels each) and the run comparison.
#include "charts/AccuracyChart.h"
#include "charts/ChartLegend.h"
#include "charts/LossChart.h"
#include "results/RunComparison.h"

#include <QChartView>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

// Every line of the legend, at its width, is no wider than the label (so none is cut or elided), and the
// legend lies below the plot.
void checkWhole(const ChartLegend* legend, const QChartView* view, const QStringList& names)
{
    QCOMPARE(legend->entries(), names);
    QVERIFY(legend->isVisible());
    QVERIFY2(legend->showsWhole(), qPrintable(QStringLiteral("legend %1x%2, needs height %3")
                                                  .arg(legend->width())
                                                  .arg(legend->height())
                                                  .arg(legend->heightForWidth(legend->width()))));
    for (const QString& name : names)
        QVERIFY2(legend->fontMetrics().horizontalAdvance(name) < legend->width(), qPrintable(name));
    const QRectF plot = view->chart()->plotArea();
    QVERIFY2(legend->geometry().top() > plot.bottom(), "the legend covers the plot");
}

EpochReport bestEpoch(int epoch)
{
    EpochReport e;
    e.epoch = epoch;
    e.epochs = 10;
    e.trainLoss = 0.5f;
    e.trainAccuracy = 0.9f;
    e.validationLoss = 0.6f;
    e.validationAccuracy = 0.88f;
    e.best = true;
    return e;
}

} // namespace

class TestChartLegend : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainingChartsShowWholeNamesWhenNarrow()
    {
        LossChart loss;
        AccuracyChart accuracy;
        for (TrainingChart* chart : std::initializer_list<TrainingChart*>{&loss, &accuracy}) {
            chart->resize(330, 400);
            chart->show();
            QVERIFY(QTest::qWaitForWindowExposed(chart));
        }
        checkWhole(loss.legend(), &loss, {"Training (per batch)", "Training (smoothed)", "Validation", "Best epoch"});
        checkWhole(accuracy.legend(), &accuracy,
                   {"Training (smoothed batches)", "Training (epoch)", "Validation", "Best epoch"});
        // The chart's own one-row legend (which elides) is not shown.
        QVERIFY(!loss.chart()->legend()->isVisible());
    }

    void aRenamedSeriesIsShownByItsNewName()
    {
        AccuracyChart chart;
        chart.resize(330, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.reset(10);
        chart.addEpoch(bestEpoch(7));
        QTRY_VERIFY(chart.legend()->entries().contains(QStringLiteral("Best epoch (7)"))); // at the next redraw
        checkWhole(chart.legend(), &chart,
                   {"Training (smoothed batches)", "Training (epoch)", "Validation", "Best epoch (7)"});
        // Learning-rate marks draw a line but take no legend entry.
        chart.markLearningRateChange(3.5, 1e-4f);
        QCOMPARE(chart.legend()->entries().size(), 4);
        // A new run (or another document) has no best epoch yet: the legend must not name the old one.
        chart.reset(10);
        checkWhole(chart.legend(), &chart,
                   {"Training (smoothed batches)", "Training (epoch)", "Validation", "Best epoch"});
    }

    void wideEnoughTheLegendTakesOneLine()
    {
        LossChart chart;
        chart.resize(1000, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.legend()->height(), chart.legend()->heightForWidth(chart.legend()->width()));
        QVERIFY(chart.legend()->height() < 2 * chart.legend()->fontMetrics().height());
    }

    void comparisonLegendNamesEveryRunWhole()
    {
        RunComparison comparison;
        for (int i = 1; i <= 3; ++i) {
            RunRecord run;
            run.name = QStringLiteral("Run %1").arg(i);
            run.settings.epochs = 2;
            run.settings.optimizer.learningRate = 0.001f * float(i);
            auto history = std::make_shared<TrainingHistory>();
            history->epochs = {bestEpoch(1), bestEpoch(2)};
            run.history = std::move(history);
            comparison.addRun(run);
        }
        comparison.setMetric(RunComparison::Metric::ValidationAccuracy);
        comparison.resize(700, 450); // the chart gets about 400 pixels of it
        comparison.show();
        QVERIFY(QTest::qWaitForWindowExposed(&comparison));
        QStringList names;
        for (int i = 0; i < 3; ++i)
            names << comparison.run(i).name + QStringLiteral(" (") +
                         RunComparison::describeSettings(comparison.run(i).settings) + ')';
        checkWhole(comparison.legend(), comparison.chartView(), names);
    }
};

QTEST_MAIN(TestChartLegend)
#include "tst_chartlegend.moc"
