// A run's per-batch history stays bounded (keepBatchReport, TrainingHistory.h): every batch while there are
// fewer than kMaxBatchReports, then a grid of steps whose stride doubles, and always the newest batch; the
// batches kept are those reported, unchanged.
#include "TestSupport.h"
#include "neurite/Trainer.h"
#include "neurite/TrainingHistory.h"

#include <QtTest>

#include <map>

using namespace neurite;
using namespace neurite::test;

namespace {

BatchReport reportOfStep(std::int64_t step)
{
    BatchReport b;
    b.step = step;
    b.batchesPerEpoch = 7;
    b.epoch = int((step - 1) / 7) + 1;
    b.batch = int((step - 1) % 7) + 1;
    b.loss = float(1.0 / double(step));
    b.learningRate = float(step % 5);
    return b;
}

// The steps kept after `steps` reports must be exactly {1, 1 + s, 1 + 2s, ...} below `steps`, and `steps`
// itself, for a power of two s: nothing on the grid missing, nothing off it but the newest.
void checkGrid(const std::vector<BatchReport>& kept, std::int64_t steps)
{
    QVERIFY(!kept.empty());
    QCOMPARE(kept.back().step, steps);
    QVERIFY(kept.size() <= kMaxBatchReports);
    const std::int64_t stride = kept.size() > 2 ? kept[1].step - kept[0].step : 1;
    QVERIFY2(stride > 0 && (stride & (stride - 1)) == 0, qPrintable(QString::number(stride)));
    std::vector<std::int64_t> expected;
    for (std::int64_t s = 1; s < steps; s += stride)
        expected.push_back(s);
    expected.push_back(steps);
    QCOMPARE(kept.size(), expected.size());
    for (std::size_t i = 0; i < kept.size(); ++i)
        QCOMPARE(kept[i].step, expected[i]);
    if (steps < std::int64_t(kMaxBatchReports))
        QCOMPARE(stride, std::int64_t(1)); // nothing thinned before the limit
    else
        QVERIFY(kept.size() >= kMaxBatchReports / 2); // thinned no further than needed
}

class RecordEveryBatch : public ProgressSink {
public:
    void onBatch(const BatchReport& report) override { reports[report.step] = report; }
    std::map<std::int64_t, BatchReport> reports;
};

} // namespace

class TestBatchHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsEveryBatchBelowTheLimitThenAGrid_data()
    {
        QTest::addColumn<qlonglong>("steps");
        for (qlonglong steps :
             {1LL, 2LL, 3LL, 19999LL, 20000LL, 20001LL, 20002LL, 39999LL, 40000LL, 40001LL, 123457LL, 1000000LL})
            QTest::newRow(qPrintable(QString::number(steps))) << steps;
    }
    void keepsEveryBatchBelowTheLimitThenAGrid()
    {
        QFETCH(qlonglong, steps);
        std::vector<BatchReport> kept;
        for (std::int64_t s = 1; s <= steps; ++s) {
            keepBatchReport(kept, reportOfStep(s));
            QVERIFY(kept.size() <= kMaxBatchReports); // at every step, not only at the end
        }
        checkGrid(kept, steps);
        for (const BatchReport& b : kept) { // as reported
            const BatchReport r = reportOfStep(b.step);
            QCOMPARE(b.loss, r.loss);
            QCOMPARE(b.learningRate, r.learningRate);
            QCOMPARE(b.epoch, r.epoch);
            QCOMPARE(b.batch, r.batch);
        }
    }

    // A recovery file cuts its history at an epoch and goes on adding: still bounded, still ends on the newest.
    void aHistoryCutShortGoesOnBounded()
    {
        std::vector<BatchReport> kept;
        std::int64_t step = 0;
        while (step < 50000)
            keepBatchReport(kept, reportOfStep(++step));
        kept.resize(2);
        while (step < 150000) {
            keepBatchReport(kept, reportOfStep(++step));
            QVERIFY(kept.size() <= kMaxBatchReports);
        }
        QCOMPARE(kept.back().step, step);
        for (std::size_t i = 1; i < kept.size(); ++i)
            QVERIFY(kept[i].step > kept[i - 1].step);
    }

    // A real run of 48,000 batches: the trainer's history is the grid above, of the very reports it sent.
    void aLongRunKeepsABoundedHistoryOfItsReports()
    {
        const NetworkSpec spec = chainSpec(2, {dense("hidden", 4, "tanh"), dense("out", 1, "sigmoid")}, "mse");
        Network net(spec, 3);
        TrainingSettings s;
        s.epochs = 12000;
        s.batchSize = 1;
        s.optimizer.learningRate = 0.05f;
        RecordEveryBatch sink;
        const TrainingResult result = train(net, xorData(), s, &sink);
        QCOMPARE(sink.reports.size(), std::size_t(48000));
        QCOMPARE(int(result.history.epochs.size()), 12000);
        checkGrid(result.history.batches, 48000);
        for (const BatchReport& b : result.history.batches) {
            const BatchReport& sent = sink.reports.at(b.step);
            QCOMPARE(b.loss, sent.loss);
            QCOMPARE(b.epoch, sent.epoch);
            QCOMPARE(b.batch, sent.batch);
            QCOMPARE(b.elapsedSeconds, sent.elapsedSeconds);
        }
    }
};

QTEST_APPLESS_MAIN(TestBatchHistory)
#include "tst_batchhistory.moc"
