// EpochMetricChart: what the loss and the accuracy variants draw from the same reports, and the smoothing.
#include "ChartSeries.h"
#include "charts/EpochMetricChart.h"
#include "charts/LossChart.h"

#include <QLineSeries>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

using namespace neurite;
using neurite::test::seriesNamed;
using namespace neurite::ui;

namespace {

BatchReports twoBatches()
{
    BatchReports batches(2);
    for (int i = 0; i < 2; ++i) {
        batches[std::size_t(i)].epoch = 1;
        batches[std::size_t(i)].batch = i + 1;
        batches[std::size_t(i)].batchesPerEpoch = 2;
        batches[std::size_t(i)].step = i + 1;
    }
    batches[0].loss = 0.5f;
    batches[0].accuracy = 0.25f;
    batches[1].loss = 0.02f;
    batches[1].accuracy = 0.75f;
    return batches;
}

EpochReport epoch(int number, bool validated, bool best)
{
    EpochReport e;
    e.epoch = number;
    e.epochs = 2;
    e.trainLoss = 0.25f;
    e.trainAccuracy = 0.875f;
    if (validated) {
        e.validationLoss = 0.375f;
        e.validationAccuracy = 0.8125f;
    }
    e.best = best;
    return e;
}

} // namespace

class TestEpochMetricChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossDrawsRawAndSmoothedBatchesAndValidation()
    {
        EpochMetricChart chart(EpochMetric::Loss);
        QCOMPARE(chart.chart()->title(), QString("Loss"));
        chart.reset(2);
        chart.addBatches(twoBatches());
        QCOMPARE(chart.rawBatches().points().size(), std::size_t(2));
        QCOMPARE(chart.rawBatches().points()[1], QPointF(1.0, double(0.02f)));
        QCOMPARE(chart.smoothedBatches().points()[0].y(), double(0.5f));
        chart.addEpoch(epoch(1, false, true));
        chart.addEpoch(epoch(2, true, false));
        QCOMPARE(chart.trainPointCount(), 0); // the smoothed line is the training curve
        QCOMPARE(chart.validationPointCount(), 1);
        QCOMPARE(chart.bestEpoch(), 1);
        QCOMPARE(chart.yMin(), 0.0);
        QVERIFY(chart.yMax() >= 0.5);
    }

    // The smoothed line, by hand: with weight w = 0.95 on the past, after losses 2 and 1 the average is
    // (0.95 * 0.05 * 2 + 0.05 * 1) / (1 - 0.95^2) = 0.145 / 0.0975; the first point is the first loss itself.
    void smoothedLossIsTheDebiasedAverage()
    {
        LossChart chart;
        chart.reset(1);
        BatchReports batches(3);
        const float losses[3] = {2.0f, 1.0f, 4.0f};
        for (int i = 0; i < 3; ++i) {
            batches[std::size_t(i)].epoch = 1;
            batches[std::size_t(i)].batch = i + 1;
            batches[std::size_t(i)].batchesPerEpoch = 3;
            batches[std::size_t(i)].step = i + 1;
            batches[std::size_t(i)].loss = losses[i];
        }
        chart.addBatches(batches);
        const std::vector<QPointF>& smooth = chart.smoothedBatches().points();
        QCOMPARE(smooth.size(), std::size_t(3));
        QCOMPARE(smooth[0].y(), 2.0);
        QVERIFY(std::abs(smooth[1].y() - 0.145 / 0.0975) < 1e-12);
        const double third = (0.95 * 0.145 + 0.05 * 4.0) / (1 - 0.95 * 0.95 * 0.95);
        QVERIFY(std::abs(smooth[2].y() - third) < 1e-12);
    }

    void lossLogScaleSpansWholeDecades()
    {
        EpochMetricChart chart(EpochMetric::Loss);
        chart.reset(1);
        chart.addBatches(twoBatches());
        chart.setLogScale(true);
        QVERIFY(chart.logScale());
        QCOMPARE(chart.yMin(), 0.01); // below 0.02
        QCOMPARE(chart.yMax(), 1.0);  // above 0.5
    }

    void accuracyIsInPercentWithoutARawLine()
    {
        EpochMetricChart chart(EpochMetric::Accuracy);
        QCOMPARE(chart.chart()->title(), QString("Accuracy"));
        chart.reset(2);
        QCOMPARE(chart.yMax(), 100.0);
        chart.addBatches(twoBatches());
        QVERIFY(chart.rawBatches().points().empty());
        QCOMPARE(chart.smoothedBatches().points()[0].y(), 25.0);
        chart.addEpoch(epoch(1, true, true));
        chart.addEpoch(epoch(2, false, false));
        QCOMPARE(chart.trainPointCount(), 2);
        QCOMPARE(chart.validationPointCount(), 1);
        QCOMPARE(chart.bestEpoch(), 1);
        // The range zooms in to 10 points below the lowest value (the smoothed 25%): from 10 to 100, once
        // the chart redraws.
        QTRY_COMPARE(chart.yMin(), 10.0);
        QCOMPARE(chart.yMax(), 100.0);
    }

    // Reports that arrive together (a fast run's, taken in one go) restroke each line once, and the lines then
    // show every report.
    void reportsThatComeTogetherAreDrawnOnce()
    {
        LossChart chart;
        chart.reset(10);
        auto* smooth = qobject_cast<QLineSeries*>(chart.chart()->series().at(1));
        auto* validation = qobject_cast<QLineSeries*>(chart.chart()->series().at(2));
        QVERIFY(smooth && validation);
        QCOMPARE(smooth->name(), QString("Training (smoothed)"));
        int smoothRedraws = 0, validationRedraws = 0;
        connect(smooth, &QXYSeries::pointsReplaced, this, [&] { ++smoothRedraws; });
        connect(validation, &QXYSeries::pointsReplaced, this, [&] { ++validationRedraws; });
        for (int e = 1; e <= 10; ++e) {
            BatchReports batches = twoBatches();
            for (BatchReport& b : batches)
                b.epoch = e;
            chart.addBatches(batches);
            chart.addEpoch(epoch(e, true, e == 1));
        }
        QCOMPARE(smoothRedraws, 0);
        QTRY_COMPARE(smoothRedraws, 1);
        QCOMPARE(validationRedraws, 1);
        QCOMPARE(smooth->count(), 20);
        QCOMPARE(validation->count(), 10);
        QCOMPARE(smooth->at(19), chart.smoothedBatches().points().back());
        QTest::qWait(3 * EpochMetricChart::kRedrawMs);
        QCOMPARE(smoothRedraws, 1); // nothing new, no redraw
    }

    // A chart with nothing on it (a new project's saved history is empty) shows the whole 0-100% scale.
    void anEmptyAccuracyChartShowsTheWholeScale()
    {
        EpochMetricChart chart(EpochMetric::Accuracy);
        chart.setHistory(TrainingHistory{}, 10);
        QCOMPARE(chart.yMin(), 0.0);
        QCOMPARE(chart.yMax(), 100.0);
    }

    void resetForgetsTheRun()
    {
        for (EpochMetric metric : {EpochMetric::Loss, EpochMetric::Accuracy}) {
            EpochMetricChart chart(metric);
            chart.addBatches(twoBatches());
            chart.addEpoch(epoch(1, true, true));
            chart.reset(3);
            QVERIFY(chart.smoothedBatches().points().empty());
            QCOMPARE(chart.validationPointCount(), 0);
            QCOMPARE(chart.trainPointCount(), 0);
            QCOMPARE(chart.bestEpoch(), 0);
        }
    }

    // A long run's per-epoch lines draw means of 2, 4, ... epochs, at most kMaxDrawnEpochs points each; every
    // drawn point is the mean of its bucket of epochs (compared with the means computed here), the dots go,
    // and the counts still say how many epochs came. Up to kMaxDrawnEpochs, every epoch is drawn as is.
    void longRunsDrawEpochLinesAsMeans()
    {
        constexpr int kLong = 4321;
        const auto train = [](int e) { return 0.5f + 0.4f * float(e % 97) / 97.0f; };
        const auto validation = [](int e) { return 0.45f + 0.5f * float((e * 31) % 89) / 89.0f; };
        EpochMetricChart chart(EpochMetric::Accuracy);
        chart.reset(kLong);
        auto* trainSeries = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Training (epoch)"));
        auto* validationSeries = seriesNamed<QLineSeries>(chart.chart(), QStringLiteral("Validation"));
        QVERIFY(trainSeries && validationSeries);
        for (int e = 1; e <= kLong; ++e) {
            EpochReport report;
            report.epoch = e;
            report.epochs = kLong;
            report.trainAccuracy = train(e);
            report.validationAccuracy = validation(e);
            chart.addEpoch(report);
            if (e == EpochMetricChart::kMaxDrawnEpochs) {
                chart.redraw();
                QCOMPARE(validationSeries->count(), EpochMetricChart::kMaxDrawnEpochs); // every epoch as is
                QCOMPARE(validationSeries->at(122), QPointF(123, 100.0 * double(validation(123))));
            }
        }
        chart.redraw();
        QCOMPARE(chart.trainPointCount(), kLong);
        QCOMPARE(chart.validationPointCount(), kLong);
        QVERIFY(!trainSeries->pointsVisible() && !validationSeries->pointsVisible());
        for (const auto& [series, value] : {std::pair{trainSeries, +train}, std::pair{validationSeries, +validation}}) {
            const DownsampledSeries& line = series == trainSeries ? chart.trainEpochs() : chart.validationEpochs();
            const std::int64_t bucket = line.appendedPerDrawn();
            QCOMPARE(bucket, std::int64_t(16)); // 4,321 epochs: 270 means of 16 (500 or fewer)
            QCOMPARE(series->count(), kLong / int(bucket));
            for (int i = 0; i < series->count(); ++i) {
                double x = 0, y = 0;
                for (int e = i * int(bucket) + 1; e <= (i + 1) * int(bucket); ++e) {
                    x += e;
                    y += 100.0 * double(value(e));
                }
                QVERIFY(std::abs(series->at(i).x() - x / double(bucket)) < 1e-9);
                QVERIFY2(std::abs(series->at(i).y() - y / double(bucket)) < 1e-9, qPrintable(QString::number(i)));
            }
        }
    }

    // A learning-rate mark is a vertical line across the plot at its epoch, wherever the axis puts that epoch;
    // marks add no series (each cost Qt Charts a re-layout of all of them), and reset removes them.
    void learningRateMarksSitAtTheirEpochs()
    {
        LossChart chart;
        chart.resize(600, 400);
        chart.show();
        chart.reset(10);
        chart.addBatches(twoBatches());
        chart.redraw();
        const qsizetype seriesBefore = chart.chart()->series().size();
        for (int i = 0; i < 100; ++i)
            chart.markLearningRateChange(0.01 * i, 1e-3f);
        chart.markLearningRateChange(3.5, 1e-4f);
        QCoreApplication::processEvents();
        QCOMPARE(chart.chart()->series().size(), seriesBefore);
        QCOMPARE(chart.learningRateMarkCount(), 101);
        QAbstractSeries* series = chart.chart()->series().first();
        const QRectF plot = chart.chart()->plotArea();
        for (int planned : {10, 40}) {
            chart.setPlannedEpochs(planned);
            QCoreApplication::processEvents();
            const QList<QLineF> lines = chart.learningRateMarkLines();
            QCOMPARE(lines.size(), 101);
            const QLineF& last = lines.back();
            QVERIFY(std::abs(last.x1() - chart.chart()->mapToPosition(QPointF(3.5, 0.1), series).x()) < 0.5);
            QCOMPARE(last.x1(), last.x2());
            QCOMPARE(last.y1(), chart.chart()->plotArea().top());
            QCOMPARE(last.y2(), chart.chart()->plotArea().bottom());
        }
        QVERIFY(plot.width() > 100);
        chart.setPlannedEpochs(2); // 3.5 lies past the axis: not drawn
        QCoreApplication::processEvents();
        QCOMPARE(chart.learningRateMarkLines().size(), 100);
        chart.reset(10);
        QCOMPARE(chart.learningRateMarkCount(), 0);
        QVERIFY(chart.learningRateMarkLines().isEmpty());
    }

    // Qt Charts lays out a tick per interval whenever the range or the interval changes: at every such moment
    // the epoch axis must have at most a dozen ticks. (Planning 100,000 epochs after a 10-epoch run once laid
    // out 100,000 ticks under the old interval: minutes of a frozen window.)
    void manyPlannedEpochsNeverLayOutATickPerEpoch()
    {
        EpochMetricChart chart(EpochMetric::Loss);
        chart.resize(600, 400);
        QValueAxis* axis = chart.xAxis();
        double mostTicks = 0;
        const auto count = [axis, &mostTicks] {
            mostTicks = std::max(mostTicks, (axis->max() - axis->min()) / axis->tickInterval());
        };
        connect(axis, &QValueAxis::rangeChanged, this, count);
        connect(axis, &QValueAxis::tickIntervalChanged, this, count);
        for (int epochs : {10, 100000, 3, 100000, 1, 50000, 20}) {
            chart.reset(epochs);
            QCOMPARE(axis->max(), double(epochs));
            QVERIFY2(mostTicks <= 12,
                     qPrintable(QStringLiteral("%1 ticks laid out for %2 epochs").arg(mostTicks).arg(epochs)));
        }
    }
};

QTEST_MAIN(TestEpochMetricChart)
#include "tst_epochmetricchart.moc"
