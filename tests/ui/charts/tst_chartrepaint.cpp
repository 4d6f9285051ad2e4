// Charts whose plot moves (new axis labels of another width, a new run, a reset) leave nothing of the old
// place on the screen: what the window shows is what painting all of it again draws. Qt Charts' own update
// after a new layout does not always cover the old axis labels when the chart sits in a splitter beside
// other widgets, as it does in the learning-rate dialog and the run comparison.
#include "compare/RunPairChart.h"
#include "insight/LearningRateChart.h"
#include "ScreenComparison.h"

#include <neurite/RunRecord.h>

#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

// `chart` above a text box in a vertical splitter, beside another widget, as the dialogs lay charts out.
void layOutInSplitters(QWidget& window, QWidget* chart)
{
    auto* side = new QSplitter(Qt::Horizontal);
    side->addWidget(chart);
    side->addWidget(new QPlainTextEdit);
    side->setSizes({700, 200});
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(side);
    vertical->addWidget(new QPlainTextEdit);
    vertical->setSizes({500, 120});
    (new QVBoxLayout(&window))->addWidget(vertical);
    window.resize(950, 650);
    window.show();
}

// A run of `epochs` epochs whose loss starts at `scale` (so the loss axis' labels take another width from
// one scale to the next).
RunRecord runAt(const std::string& name, int epochs, double scale)
{
    RunRecord run;
    run.name = name;
    int step = 0;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        for (int b = 1; b <= 20; ++b) {
            BatchReport r;
            r.epoch = epoch;
            r.batch = b;
            r.batchesPerEpoch = 20;
            r.step = ++step;
            r.loss = float(scale / std::sqrt(double(step)));
            r.accuracy = float(1.0 - 0.5 / double(epoch));
            run.history.batches.push_back(r);
        }
        EpochReport e;
        e.epoch = epoch;
        e.epochs = epochs;
        e.trainLoss = float(scale / double(epoch));
        e.validationLoss = float(1.1 * scale / double(epoch));
        e.trainAccuracy = e.validationAccuracy = float(1.0 - 0.5 / double(epoch));
        run.history.epochs.push_back(e);
    }
    return run;
}

} // namespace

class TestChartRepaint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A range test whose loss climbs from about 2 to several thousand: the loss axis' labels widen as the
    // points come ("2.5" -> "2500"), moving the plot right; a second sweep starts narrow again.
    void learningRateChartLeavesNothingBehind()
    {
        QWidget window;
        auto* chart = new LearningRateChart;
        layOutInSplitters(window, chart);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LearningRateFinderSettings finder;
        finder.steps = 300;
        for (int sweep = 0; sweep < 2; ++sweep) {
            chart->reset(finder);
            QTest::qWait(50);
            const double ratio = std::pow(double(finder.maxLearningRate / finder.minLearningRate), 1.0 / 299.0);
            double rate = finder.minLearningRate;
            for (int chunk = 0; chunk < 15; ++chunk) {
                std::vector<LearningRatePoint> points;
                for (int i = 0; i < 20; ++i, rate *= ratio) {
                    const double loss = 2.3 * std::pow(10.0, std::max(0.0, double(chunk) - 9.0) * 0.7);
                    points.push_back({float(rate), float(loss), float(loss)});
                }
                chart->addPoints(points);
                QTest::qWait(20);
            }
        }
        QTest::qWait(100);
        QTRY_COMPARE_WITH_TIMEOUT(pixelsShownUnlikeARepaint(window), 0, 3000);
    }

    // The run comparison shows one pair, then another whose losses are a thousand times larger.
    void runPairChartLeavesNothingBehind()
    {
        QWidget window;
        auto* chart = new RunPairChart(RunPairChart::Quantity::Loss);
        layOutInSplitters(window, chart);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        chart->setRuns(runAt("a", 5, 2.0), runAt("b", 8, 1.5));
        QTest::qWait(100);
        chart->setRuns(runAt("c", 30, 2500.0), runAt("d", 12, 900.0));
        QTest::qWait(100);
        chart->setRuns(runAt("a", 5, 2.0), runAt("b", 8, 1.5));
        QTest::qWait(100);
        QTRY_COMPARE_WITH_TIMEOUT(pixelsShownUnlikeARepaint(window), 0, 3000);
    }
};

QTEST_MAIN(TestChartRepaint)
#include "tst_chartrepaint.moc"
