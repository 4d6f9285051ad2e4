// The sweep's plots: a run's polyline in the parallel-coordinates plot goes through its values' places on
// each axis (log scale for a learning rate, evenly spaced names for optimisers, the metric's range last),
// brushing by setting a range or dragging along an axis keeps exactly the runs in range, a click on a line
// selects its run, the scatter puts a run's dot at its value and metric, and the best run is the one
// rankRuns ranks first (the highest test accuracy).
#include "sweep/ParallelCoordinatesPlot.h"
#include "sweep/SweepAxisScale.h"
#include "sweep/SweepPlotData.h"
#include "sweep/SweepScatterPlot.h"

#include <neurite/SweepResults.h>

#include <QMouseEvent>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

// lr = 0.001, 0.01, 0.1 (log scale: 0, 0.5, 1) x optimizer = sgd, adam (0, 1): six runs, lr slowest.
std::vector<PlannedRun> sixRuns()
{
    std::vector<PlannedRun> plan;
    for (const char* lr : {"0.001", "0.01", "0.1"})
        for (const char* optimizer : {"sgd", "adam"}) {
            PlannedRun run;
            run.name = std::string("lr=") + lr + " optimizer=" + optimizer;
            run.swept = {{"lr", lr}, {"optimizer", optimizer}};
            plan.push_back(run);
        }
    return plan;
}

// Accuracies 0.5 .. 0.9 for runs 0..4 in a known order; run 5 has not finished.
const double kAccuracy[] = {0.7, 0.9, 0.5, 0.8, 0.6};

std::map<int, neurite::RunRecord> finishedRuns(const std::vector<PlannedRun>& plan)
{
    std::map<int, neurite::RunRecord> finished;
    for (int i = 0; i < 5; ++i) {
        neurite::RunRecord record;
        record.name = plan[std::size_t(i)].name;
        record.swept = plan[std::size_t(i)].swept;
        record.test.accuracy = float(kAccuracy[i]);
        finished[i] = record;
    }
    return finished;
}

// Where accuracy 0.8 sits on the metric's axis from 0.5 to 0.9 (three quarters, but the records hold floats).
const double kThreeQuarters = (double(0.8f) - double(0.5f)) / (double(0.9f) - double(0.5f));

void send(QWidget* widget, QEvent::Type type, QPointF at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, widget->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestSweepPlots : public QObject {
    Q_OBJECT

    std::vector<PlannedRun> m_plan = sixRuns();
    SweepPlotData m_data = sweepPlotData(m_plan, finishedRuns(m_plan));

private Q_SLOTS:
    void scalesPlaceValues()
    {
        const SweepAxisScale lr = SweepAxisScale::ofValues({"0.001", "0.01", "0.1", "0.01"});
        QVERIFY(lr.isNumeric() && lr.isLogarithmic());
        QCOMPARE(lr.position("0.01"), 0.5);
        QCOMPARE(lr.position("0.1"), 1.0);
        const SweepAxisScale units = SweepAxisScale::ofValues({"32", "64", "128"});
        QVERIFY(units.isNumeric() && !units.isLogarithmic()); // 128 < 10 x 32: linear
        QCOMPARE(units.position("64"), 32.0 / 96.0);
        const SweepAxisScale names = SweepAxisScale::ofValues({"sgd", "adam", "rmsprop", "adam"});
        QVERIFY(!names.isNumeric());
        QCOMPARE(names.position("adam"), 0.5);
        QCOMPARE(names.position("rmsprop"), 1.0);
        QCOMPARE(names.position("adamw"), -1.0);
        QCOMPARE(int(names.ticks().size()), 3);
        QCOMPARE(SweepAxisScale::ofValues({"0.2"}).position("0.2"), 0.5);
    }

    void bestRunIsTheOneRankRunsPutsFirst()
    {
        QCOMPARE(m_data.keys, (std::vector<std::string>{"lr", "optimizer"}));
        QCOMPARE(m_data.best, 1); // 0.9, by hand
        std::vector<neurite::RunRecord> records;
        for (const auto& entry : finishedRuns(m_plan))
            records.push_back(entry.second);
        QCOMPARE(records[rankRuns(records).front()].name, m_plan[1].name);
        QVERIFY(!m_data.runs[5].hasMetric());
        QCOMPARE(m_data.metricName, QStringLiteral("accuracy"));
    }

    void polylinesGoThroughTheirValues()
    {
        ParallelCoordinatesPlot plot;
        plot.resize(700, 340);
        plot.setData(m_data);
        QCOMPARE(plot.axisCount(), 3);
        const QRectF area = plot.plotArea();
        QCOMPARE(plot.axisX(0), area.left());
        QCOMPARE(plot.axisX(1), area.left() + area.width() / 2);
        QCOMPARE(plot.axisX(2), area.right());
        // Run 3: lr = 0.01 (half way up the log axis), adam (the top), accuracy 0.8 of 0.5..0.9 (three quarters).
        const QPolygonF line = plot.polyline(3);
        QCOMPARE(line.size(), 3);
        QCOMPARE(line[0], QPointF(area.left(), area.bottom() - 0.5 * area.height()));
        QCOMPARE(line[1], QPointF(area.left() + area.width() / 2, area.top()));
        QVERIFY(std::abs(line[2].y() - (area.bottom() - kThreeQuarters * area.height())) < 1e-9);
        // Run 4: lr = 0.1 at the top, sgd at the bottom; run 2 has the worst accuracy: the metric's bottom.
        QCOMPARE(plot.polyline(4)[0].y(), area.top());
        QCOMPARE(plot.polyline(4)[1].y(), area.bottom());
        QCOMPARE(plot.polyline(2)[2].y(), area.bottom());
        QCOMPARE(plot.polyline(1)[2].y(), area.top()); // the best
        // The unfinished run has no vertex on the metric's axis yet.
        QCOMPARE(plot.polyline(5).size(), 2);
    }

    void brushingKeepsExactlyTheRunsInRange()
    {
        ParallelCoordinatesPlot plot;
        plot.resize(700, 340);
        plot.setData(m_data);
        QSignalSpy brushed(&plot, &ParallelCoordinatesPlot::brushedRunsChanged);
        QCOMPARE(plot.runsInBrushes(), (std::set<int>{0, 1, 2, 3, 4, 5}));
        // Accuracy 0.7 and up: positions 0.5..1 of 0.5..0.9.
        plot.setBrush(2, 0.5, 1.0);
        QCOMPARE(plot.runsInBrushes(), (std::set<int>{0, 1, 3}));
        QCOMPARE(brushed.count(), 1);
        // And adam only: a drag along the optimiser's axis over its top half.
        const double x = plot.axisX(1);
        send(&plot, QEvent::MouseButtonPress, QPointF(x + 2, plot.yOfPosition(0.6)), Qt::LeftButton);
        send(&plot, QEvent::MouseMove, QPointF(x + 2, plot.yOfPosition(0.8)), Qt::LeftButton);
        send(&plot, QEvent::MouseMove, QPointF(x + 3, plot.yOfPosition(1.0)), Qt::LeftButton);
        send(&plot, QEvent::MouseButtonRelease, QPointF(x + 3, plot.yOfPosition(1.0)), Qt::NoButton);
        QVERIFY(plot.brushes().count(1));
        QCOMPARE(plot.runsInBrushes(), (std::set<int>{1, 3}));
        QCOMPARE(brushed.last().at(0).value<std::set<int>>(), (std::set<int>{1, 3}));
        // A click on the optimiser's axis (away from any line) clears its brush.
        send(&plot, QEvent::MouseButtonPress, QPointF(x, plot.yOfPosition(0.3)), Qt::LeftButton);
        send(&plot, QEvent::MouseButtonRelease, QPointF(x, plot.yOfPosition(0.3)), Qt::NoButton);
        QCOMPARE(plot.runsInBrushes(), (std::set<int>{0, 1, 3}));
        plot.clearBrushes();
        QCOMPARE(int(plot.runsInBrushes().size()), 6);
    }

    void clickingALineSelectsItsRun()
    {
        ParallelCoordinatesPlot plot;
        plot.resize(700, 340);
        plot.setData(m_data);
        QSignalSpy clicked(&plot, &ParallelCoordinatesPlot::runClicked);
        for (int run : {4, 0}) {
            const QPolygonF line = plot.polyline(run);
            const QPointF middle = (line[1] + line[2]) / 2; // between the optimiser and the metric
            send(&plot, QEvent::MouseButtonPress, middle, Qt::LeftButton);
            send(&plot, QEvent::MouseButtonRelease, middle, Qt::NoButton);
            QCOMPARE(clicked.last().at(0).toInt(), run);
        }
        QCOMPARE(clicked.count(), 2);
    }

    void scatterPutsDotsAtValueAndMetric()
    {
        SweepScatterPlot scatter;
        scatter.resize(600, 320);
        scatter.setData(m_data);
        const QRectF area = scatter.plotArea();
        const QPointF middle = scatter.pointOf(3); // lr 0.01: the middle across; 0.8: three quarters up
        QVERIFY(std::abs(middle.x() - area.center().x()) < 1e-6);
        QVERIFY(std::abs(middle.y() - (area.bottom() - kThreeQuarters * area.height())) < 1e-9);
        QVERIFY(scatter.pointOf(5).isNull()); // not finished
        scatter.setKey(1);
        QVERIFY(scatter.pointOf(3).x() > scatter.pointOf(2).x()); // adam right of sgd
        QSignalSpy clicked(&scatter, &SweepScatterPlot::runClicked);
        const QPointF at = scatter.pointOf(1);
        send(&scatter, QEvent::MouseButtonRelease, at, Qt::NoButton);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 1);
    }
};

QTEST_MAIN(TestSweepPlots)
#include "tst_sweepplots.moc"
