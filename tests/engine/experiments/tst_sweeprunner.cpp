// Tests the sweep runner: every planned run trained and reported once, results that match an independent
// evaluation of the kept weights, pause and cancel between runs that keep the finished ones, a stop of the
// running run, runs two at a time giving the same results, and a failing run that does not end the sweep.
#include "TestSupport.h"
#include "neurite/SweepRunner.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <map>
#include <thread>

using namespace neurite;
using namespace neurite::test;

namespace {

Experiment smallExperiment()
{
    Experiment experiment;
    experiment.design = chainSpec(8, {dense("dense1", 8, "relu"), dense("dense2", 3, "softmax")});
    experiment.settings.epochs = 2;
    experiment.settings.batchSize = 16;
    experiment.settings.threads = 1;
    experiment.axes = {parseSweepAxis("lr=0.01,0.1"), parseSweepAxis("dense1.units=4,8")};
    return experiment;
}

// Stops the sweep from inside the run's own batch reports.
class CancellingSink : public ProgressSink {
public:
    explicit CancellingSink(SweepRunner& runner) : m_runner(runner) {}
    void onBatch(const BatchReport& report) override
    {
        if (report.step == 2)
            m_runner.cancel(true);
    }

private:
    SweepRunner& m_runner;
};

} // namespace

class TestSweepRunner : public QObject {
    Q_OBJECT

    const Dataset m_data = blobs(30, 3, 8, 1);

private Q_SLOTS:
    void everyRunIsTrainedAndReportedOnce()
    {
        const std::vector<PlannedRun> plan = planSweep(smallExperiment());
        SweepRunner runner(plan, m_data);
        std::vector<int> started, finished;
        runner.onRunStarted([&started](int index, const PlannedRun&) { started.push_back(index); });
        runner.onRunFinished([&finished](int index, const RunRecord&) { finished.push_back(index); });
        runner.run();
        QCOMPARE(started, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(finished, (std::vector<int>{0, 1, 2, 3}));
        const std::vector<RunRecord> runs = runner.finishedRuns();
        QCOMPARE(runs.size(), std::size_t(4));
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const RunRecord& run = runs[i];
            QCOMPARE(run.name, plan[i].name);
            QVERIFY(run.swept == plan[i].swept);
            QVERIFY(run.design == plan[i].design);
            QCOMPARE(run.settings.optimizer.learningRate, plan[i].settings.optimizer.learningRate);
            QCOMPARE(run.history.epochs.size(), std::size_t(2));
            QCOMPARE(run.outcome, RunOutcome::Completed);
            QVERIFY(run.weights.has_value());
            // The recorded test accuracy is that of the kept weights, evaluated here independently.
            Network network(run.design, 1);
            network.setWeights(*run.weights);
            const Evaluation check = evaluate(network, m_data.test, 3);
            QCOMPARE(run.test.accuracy, check.accuracy);
            QCOMPARE(run.test.loss, check.loss);
            QCOMPARE(run.dataSetName, m_data.name);
            QVERIFY(!run.date.empty());
        }
    }

    void aPauseHoldsBackTheNextRunUntilResumed()
    {
        SweepRunner runner(planSweep(smallExperiment()), m_data);
        runner.onRunFinished([&runner](int index, const RunRecord&) {
            if (index == 0)
                runner.pause();
        });
        std::thread worker([&runner] { runner.run(); });
        QTRY_COMPARE_WITH_TIMEOUT(int(runner.finishedRuns().size()), 1, 60000 * kSanitizerSlowdown);
        QTest::qWait(300);
        QVERIFY(runner.paused());
        QCOMPARE(runner.startedCount(), 1);
        QCOMPARE(int(runner.finishedRuns().size()), 1);
        runner.resume();
        worker.join();
        QCOMPARE(int(runner.finishedRuns().size()), 4);
    }

    void cancellingKeepsTheFinishedRuns()
    {
        SweepRunner runner(planSweep(smallExperiment()), m_data);
        runner.onRunFinished([&runner](int index, const RunRecord&) {
            if (index == 1)
                runner.cancel();
        });
        runner.run();
        QVERIFY(runner.cancelled());
        QCOMPARE(runner.startedCount(), 2);
        const std::vector<RunRecord> runs = runner.finishedRuns();
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[1].outcome, RunOutcome::Completed);
        QCOMPARE(runs[1].history.epochs.size(), std::size_t(2));
    }

    // A paused sweep can be cancelled too: run() returns without starting another run.
    void cancellingAPausedSweepEndsIt()
    {
        SweepRunner runner(planSweep(smallExperiment()), m_data);
        runner.pause();
        std::thread worker([&runner] { runner.run(); });
        QTest::qWait(100);
        runner.cancel();
        worker.join();
        QCOMPARE(runner.startedCount(), 0);
        QVERIFY(runner.finishedRuns().empty());
    }

    void stoppingTheRunningRunReportsItAsStopped()
    {
        SweepRunner runner(planSweep(smallExperiment()), m_data);
        CancellingSink cancelling(runner);
        runner.setSinkForRun([&cancelling](int index) -> ProgressSink* { return index == 1 ? &cancelling : nullptr; });
        runner.run();
        const std::vector<RunRecord> runs = runner.finishedRuns();
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].outcome, RunOutcome::Completed);
        QCOMPARE(runs[1].outcome, RunOutcome::Stopped);
        QCOMPARE(runs[1].history.batches.size(), std::size_t(2));
    }

    // With one thread per run, two runs at a time train exactly what one after another trains.
    void twoRunsAtATimeGiveTheSameResults()
    {
        const std::vector<PlannedRun> plan = planSweep(smallExperiment());
        SweepRunner sequential(plan, m_data, 1);
        sequential.run();
        SweepRunner concurrent(plan, m_data, 2);
        std::atomic<int> callbacks = 0;
        concurrent.onRunFinished([&callbacks](int, const RunRecord&) { ++callbacks; });
        concurrent.run();
        QCOMPARE(callbacks.load(), 4);
        std::map<std::string, float> accuracies;
        for (const RunRecord& run : sequential.finishedRuns())
            accuracies[run.name] = run.test.accuracy;
        const std::vector<RunRecord> runs = concurrent.finishedRuns();
        QCOMPARE(runs.size(), std::size_t(4));
        for (const RunRecord& run : runs) {
            QCOMPARE(run.test.accuracy, accuracies.at(run.name));
            QCOMPARE(run.settings.threads, 1);
        }
    }

    void aRunThatCannotTrainDoesNotEndTheSweep()
    {
        Experiment experiment = smallExperiment();
        experiment.axes = {parseSweepAxis("dense2.units=2,3")}; // 2 outputs do not fit 3 classes
        SweepRunner runner(planSweep(experiment), m_data);
        QString failure;
        runner.onRunFailed([&failure](int index, const std::string& message) {
            QCOMPARE(index, 0);
            failure = QString::fromStdString(message);
        });
        runner.run();
        QCOMPARE(failure, QString("The Output receives 2 values but data set 'blobs' has 3 classes: give the last "
                                  "Dense layer 3 units."));
        QCOMPARE(runner.finishedRuns().size(), std::size_t(1));
        QCOMPARE(runner.finishedRuns()[0].name, std::string("dense2.units=3"));
    }
};

QTEST_GUILESS_MAIN(TestSweepRunner)
#include "tst_sweeprunner.moc"
