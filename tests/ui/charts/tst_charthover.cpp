// Hovering a chart point shows its exact values: mouse moves sent to the real chart views at the pixel
// where a known point is drawn (QChart::mapToPosition), on the live charts and the run comparison.
#include "ChartSeries.h"
#include "charts/AccuracyChart.h"
#include "charts/ChartHoverLabel.h"
#include "charts/LossChart.h"
#include "results/RunComparison.h"

#include <QLabel>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QtTest>

using namespace neurite;
using neurite::test::seriesNamed;
using namespace neurite::ui;

namespace {

constexpr int kEpochs = 20;
constexpr int kBatchesPerEpoch = 10;
constexpr int kBestEpoch = 12;

// Validation accuracy rising to its best at epoch 12 (96.41%), then falling back a little.
float validationAccuracy(int epoch)
{
    return epoch == kBestEpoch ? 0.9641f : 0.80f + 0.01f * float(std::min(epoch, 2 * kBestEpoch - epoch));
}

TrainingHistory history()
{
    TrainingHistory h;
    for (int e = 1; e <= kEpochs; ++e) {
        for (int b = 1; b <= kBatchesPerEpoch; ++b) {
            BatchReport r;
            r.epoch = e;
            r.batch = b;
            r.batchesPerEpoch = kBatchesPerEpoch;
            r.step = (e - 1) * kBatchesPerEpoch + b;
            r.loss = 2.0f / float(r.step);
            r.accuracy = 0.5f + 0.02f * float(e);
            h.batches.push_back(r);
        }
        EpochReport report;
        report.epoch = e;
        report.epochs = kEpochs;
        report.trainLoss = 1.0f / float(e);
        report.trainAccuracy = 0.60f + 0.015f * float(e);
        report.validationLoss = 1.5f / float(e);
        report.validationAccuracy = validationAccuracy(e);
        report.best = e <= kBestEpoch; // each epoch up to the 12th improved on the one before
        h.epochs.push_back(report);
    }
    h.bestEpoch = kBestEpoch;
    return h;
}

// Moves the mouse, as the window system would, to where `value` of `series` is drawn.
QPoint moveTo(QChartView* view, QPointF value, QAbstractSeries* series)
{
    const QPointF inChart = view->chart()->mapToPosition(value, series);
    const QPoint at = view->mapFromScene(view->chart()->mapToScene(inChart));
    QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(view->viewport()->mapToGlobal(at)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    return at;
}

QString percent(float fraction)
{
    return QString::number(100.0 * double(fraction), 'f', 2) + '%';
}

void showChart(QChartView* view)
{
    view->resize(820, 480);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
}

} // namespace

class TestChartHover : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validationPointShowsItsEpochAndExactValue()
    {
        AccuracyChart chart;
        chart.setHistory(history(), kEpochs);
        showChart(&chart);
        auto* validation = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Validation"));
        QVERIFY(validation);
        const QPointF point(15, 100.0 * double(validationAccuracy(15)));
        moveTo(&chart, point, validation);
        const ChartHoverLabel* hover = chart.hoverLabel();
        QVERIFY(hover->isShown());
        QVERIFY(hover->label()->isVisible());
        const QString expected = QStringLiteral("epoch 15: validation accuracy ") + percent(validationAccuracy(15));
        QVERIFY2(hover->text().startsWith(expected), qPrintable(hover->text()));
        const EpochReport e15 = history().epochs[14]; // a copy: history() gives a temporary
        QVERIFY2(hover->text().contains(QStringLiteral("training accuracy ") + percent(e15.trainAccuracy)),
                 qPrintable(hover->text()));
        QCOMPARE(hover->point(), point);
        // The label stays inside the view, whole.
        QVERIFY(chart.viewport()->rect().contains(hover->label()->geometry()));
        QVERIFY(hover->label()->width() >= hover->label()->sizeHint().width());
    }

    void bestEpochMarkerSaysItIsTheBest()
    {
        AccuracyChart chart;
        chart.setHistory(history(), kEpochs);
        showChart(&chart);
        QCOMPARE(chart.bestEpoch(), kBestEpoch);
        auto* best = seriesNamed<QScatterSeries>(chart.chart(), QStringLiteral("Best epoch"));
        QVERIFY(best);
        moveTo(&chart, QPointF(kBestEpoch, 100.0 * double(0.9641f)), best);
        QVERIFY2(chart.hoverLabel()->text().startsWith(
                     QStringLiteral("epoch 12: validation accuracy 96.41% (best epoch)")),
                 qPrintable(chart.hoverLabel()->text()));
    }

    void trainingEpochPointNamesTheTrainingValueFirst()
    {
        AccuracyChart chart;
        chart.setHistory(history(), kEpochs);
        showChart(&chart);
        auto* train = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Training (epoch)"));
        QVERIFY(train);
        const EpochReport e4 = history().epochs[3];
        moveTo(&chart, QPointF(4, 100.0 * double(e4.trainAccuracy)), train);
        QVERIFY2(chart.hoverLabel()->text().startsWith(QStringLiteral("epoch 4: training accuracy ") +
                                                       percent(e4.trainAccuracy)),
                 qPrintable(chart.hoverLabel()->text()));
    }

    // Between epoch points the batch line answers: which batch, its loss and the smoothed loss.
    void batchPointShowsTheBatchAndItsLoss()
    {
        LossChart chart;
        chart.setHistory(history(), kEpochs);
        showChart(&chart);
        auto* raw = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Training (per batch)"));
        QVERIFY(raw);
        // Batch 5 of epoch 3: step 25, x = 2.5, loss 2 / 25.
        const QPointF point(2.5, double(2.0f / 25.0f));
        QCOMPARE(chart.rawBatches().points()[24], point);
        moveTo(&chart, point, raw);
        const QString text = chart.hoverLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("epoch 3, batch 5/10: batch loss ") + QString::number(0.08, 'f', 4)),
                 qPrintable(text));
        const double smoothed = chart.smoothedBatches().points()[24].y();
        QVERIFY2(text.contains(QStringLiteral("smoothed ") + QString::number(smoothed, 'f', 4)), qPrintable(text));
    }

    // Past EpochMetricChart::kMaxDrawnEpochs a drawn point is the mean of a bucket of epochs: the label names the
    // middle epoch of the bucket with its own values and says the line draws means.
    void aPointOfALongRunSaysItIsAMean()
    {
        TrainingHistory h;
        for (int e = 1; e <= 1000; ++e) {
            EpochReport report;
            report.epoch = e;
            report.epochs = 1000;
            report.trainAccuracy = 0.7f + 0.2f * float(e) / 1000.0f;
            report.validationAccuracy = 0.6f + 0.3f * float(e) / 1000.0f;
            h.epochs.push_back(report);
        }
        AccuracyChart chart;
        chart.setHistory(h, 1000);
        showChart(&chart);
        auto* validation = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Validation"));
        QCOMPARE(validation->count(), 500);        // means of epochs 1-2, 3-4, ...
        const QPointF point = validation->at(100); // epochs 201 and 202: x = 201.5, drawn at their mean
        QCOMPARE(point.x(), 201.5);
        moveTo(&chart, point, validation);
        const QString text = chart.hoverLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("epoch 202: validation accuracy ") +
                                 percent(h.epochs[201].validationAccuracy)),
                 qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("(the line draws the mean of every 2 epochs)")), qPrintable(text));
    }

    void farFromEveryPointOrOutsideNothingShows()
    {
        AccuracyChart chart;
        chart.setHistory(history(), kEpochs);
        showChart(&chart);
        auto* validation = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Validation"));
        moveTo(&chart, QPointF(15, 100.0 * double(validationAccuracy(15))), validation);
        QVERIFY(chart.hoverLabel()->isShown());
        // The accuracy axis runs from 40% up and every curve is above 60% at epoch 19.
        moveTo(&chart, QPointF(19, 45), validation);
        QVERIFY(!chart.hoverLabel()->isShown());
        moveTo(&chart, QPointF(15, 100.0 * double(validationAccuracy(15))), validation);
        QVERIFY(chart.hoverLabel()->isShown());
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(chart.viewport(), &leave);
        QVERIFY(!chart.hoverLabel()->isShown());
        QVERIFY(!chart.hoverLabel()->label()->isVisible());
    }

    // A point that arrives under a resting mouse shows without a mouse move.
    void aPointArrivingUnderTheMouseShows()
    {
        AccuracyChart chart;
        chart.reset(kEpochs);
        const TrainingHistory h = history();
        chart.addBatches(h.batches);
        for (int e = 0; e < 5; ++e)
            chart.addEpoch(h.epochs[std::size_t(e)]);
        showChart(&chart);
        auto* validation = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Validation"));
        QTRY_COMPARE(validation->count(), 5); // the chart redraws once for reports that come together
        const QString before = QStringLiteral("epoch 5: validation accuracy ") + percent(validationAccuracy(5));
        moveTo(&chart, QPointF(5, 100.0 * double(validationAccuracy(5))), validation);
        QVERIFY2(chart.hoverLabel()->text().startsWith(before), qPrintable(chart.hoverLabel()->text()));
        // Where epoch 6's point will be drawn, nothing is yet.
        moveTo(&chart, QPointF(6, 100.0 * double(validationAccuracy(6))), validation);
        QVERIFY(!chart.hoverLabel()->isShown());
        chart.addEpoch(h.epochs[5]);
        const QString after = QStringLiteral("epoch 6: validation accuracy ") + percent(validationAccuracy(6));
        QTRY_VERIFY2(chart.hoverLabel()->text().startsWith(after), qPrintable(chart.hoverLabel()->text()));
    }

    void comparisonNamesTheRunAndItsValue()
    {
        RunComparison comparison;
        RunRecord first;
        first.name = QStringLiteral("Run 1");
        first.settings.epochs = kEpochs;
        first.history = std::make_shared<TrainingHistory>(history());
        RunRecord second = first;
        second.name = QStringLiteral("Run 2");
        auto lower = std::make_shared<TrainingHistory>(history());
        for (EpochReport& e : lower->epochs)
            e.validationAccuracy -= 0.2f; // well apart from run 1's curve
        second.history = lower;
        comparison.addRun(first);
        comparison.addRun(second);
        comparison.setMetric(RunComparison::Metric::ValidationAccuracy);
        comparison.resize(1100, 500);
        comparison.show();
        QVERIFY(QTest::qWaitForWindowExposed(&comparison));
        QChartView* view = comparison.chartView();
        QAbstractSeries* run2 = view->chart()->series().at(1);
        QVERIFY(run2->name().startsWith(QStringLiteral("Run 2")));
        const float value = lower->epochs[kBestEpoch - 1].validationAccuracy;
        moveTo(view, QPointF(kBestEpoch, 100.0 * double(value)), run2);
        QCOMPARE(comparison.hoverLabel()->text(),
                 QStringLiteral("Run 2, epoch 12: validation accuracy ") + percent(value));
        comparison.setMetric(RunComparison::Metric::TrainingAccuracy); // the curves are drawn anew
        QVERIFY(!comparison.hoverLabel()->isShown());
    }
};

QTEST_MAIN(TestChartHover)
#include "tst_charthover.moc"
