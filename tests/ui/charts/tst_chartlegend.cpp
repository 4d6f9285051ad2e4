// Chart legends show every series' whole name at the widths a 1024-pixel window gives a chart: the
// training charts (side by side, about 330 pixels each) and the run comparison; and when the legend or the
// axes change the plot's place, nothing of the old place stays on the screen.
#include "charts/AccuracyChart.h"
#include "charts/ChartLegend.h"
#include "charts/LossChart.h"
#include "results/RunComparison.h"
#include "ScreenComparison.h"

#include <QChartView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtTest>

#include <limits>

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

// Batch `b` of 50 in `epoch`, `step` since the start: a falling loss, a rising accuracy.
BatchReport batch(int epoch, int b, int step)
{
    BatchReport r;
    r.epoch = epoch;
    r.batch = b;
    r.batchesPerEpoch = 50;
    r.step = step;
    r.loss = 2.0f / float(step);
    r.accuracy = 1.0f - 0.5f / float(epoch);
    return r;
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

// A better epoch of a run without validation.
EpochReport trainingOnlyEpoch(int epoch)
{
    EpochReport e = bestEpoch(epoch);
    e.trainAccuracy = 1.0f - 0.5f / float(epoch);
    e.validationLoss = e.validationAccuracy = std::numeric_limits<float>::quiet_NaN();
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

    // Two runs in charts laid out as in the Train tab (side by side in a splitter, above the epoch log).
    // Whenever the plot area changed (the legend wrapped onto a second line as "Best epoch (10)" came, or
    // unwrapped at the next run's start; the accuracy axis zoomed in), the window went on showing axis
    // labels where they had been: Qt Charts' update after a new layout did not cover every old label. What
    // the window shows must be what a full repaint draws.
    void chartsLaidOutAsInTheTrainTabLeaveNothingBehind()
    {
        QWidget window;
        auto* loss = new LossChart;
        auto* accuracy = new AccuracyChart;
        auto* charts = new QSplitter(Qt::Horizontal);
        charts->addWidget(loss);
        charts->addWidget(accuracy);
        auto* vertical = new QSplitter(Qt::Vertical);
        vertical->addWidget(charts);
        vertical->addWidget(new QPlainTextEdit);
        vertical->setSizes({620, 150});
        (new QVBoxLayout(&window))->addWidget(vertical);
        window.resize(1100, 700); // the accuracy legend takes two lines once the best epoch is "(10)"
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int run = 0; run < 2; ++run) {
            for (EpochMetricChart* chart : std::initializer_list<EpochMetricChart*>{loss, accuracy})
                chart->reset(10);
            QTest::qWait(50);
            int step = 0;
            for (int epoch = 1; epoch <= 10; ++epoch) {
                for (int group = 0; group < 5; ++group) {
                    BatchReports batches;
                    for (int b = 1; b <= 10; ++b)
                        batches.push_back(batch(epoch, group * 10 + b, ++step));
                    loss->addBatches(batches);
                    accuracy->addBatches(batches);
                    QTest::qWait(20); // live reports come about every 40 ms
                }
                const EpochReport e = trainingOnlyEpoch(epoch);
                loss->addEpoch(e);
                accuracy->addEpoch(e);
            }
            QTest::qWait(100);
        }
        // Waited for, in case a repaint is still on its way on a busy machine; stale pixels never go.
        QTRY_COMPARE_WITH_TIMEOUT(pixelsShownUnlikeARepaint(window), 0, 3000);
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
