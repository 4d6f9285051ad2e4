// The sweep window runs a real sweep (a tiny design on blobs, four runs of a few batches) on the queue's own
// thread: every planned run is appended to the document with its swept values, the table says what each run
// is doing and ends with their metrics, the best run is the one rankRuns ranks first; pausing holds the next
// run back until resume; cancelling keeps the finished runs (and can stop the running one, kept as stopped);
// a run whose values do not fit the data fails alone, saying why; selecting a finished run names it among
// the project's runs; its CSV export is the command line's; Train › New Sweep… opens it.
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "sweep/ParallelCoordinatesPlot.h"
#include "sweep/SweepMenu.h"
#include "sweep/SweepPlanForm.h"
#include "sweep/SweepQueue.h"
#include "sweep/SweepResultsTable.h"
#include "sweep/SweepWindow.h"
#include "training/TrainingController.h"
#include "window/MainWindow.h"
#include "Workspace.h"

#include <neurite/Error.h>
#include <neurite/SweepResults.h>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr int kTimeoutMs = 120000 * test::kSanitizerSlowdown;

NetworkSpec tinyDesign()
{
    return test::chainSpec(4, {test::dense("dense1", 8, "relu"), test::dense("out", 3, "softmax")});
}

} // namespace

class TestSweepWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingController> m_loader;
    std::unique_ptr<SweepWindow> m_window;

    // lr = 0.01, 0.1 x dense1.units = 4, 8: four runs of 2 epochs of 8 batches.
    void planFourRuns(int epochs = 2)
    {
        TrainingSettings settings = m_document->settings();
        settings.epochs = epochs;
        settings.batchSize = 16;
        settings.threads = 1;
        m_document->setSettings(settings);
        m_window->planForm()->setAxis("lr", "0.01, 0.1");
        m_window->planForm()->setAxis("dense1.units", "4, 8");
        QCOMPARE(m_window->planForm()->plan()->size(), std::size_t(4));
    }

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<ProjectDocument>();
        m_document->newDesign(tinyDesign());
        m_loader = std::make_unique<TrainingController>();
        m_window = std::make_unique<SweepWindow>(m_document.get(), m_loader.get());
        m_window->setDataSetOverride(std::make_shared<const Dataset>(test::blobs(40, 3, 4, 5)));
        m_window->resize(1024, 700);
        m_window->show();
    }

    void cleanup()
    {
        m_window.reset();
        m_loader.reset();
        m_document.reset();
    }

    void sweepAppendsEveryRunWithItsValues()
    {
        planFourRuns();
        const std::vector<PlannedRun> plan = *m_window->planForm()->plan();
        QSignalSpy ended(m_window.get(), &SweepWindow::sweepEnded);
        QVERIFY(m_window->startSweep());
        QVERIFY(!m_window->planForm()->isEnabled());
        QVERIFY(ended.wait(kTimeoutMs));
        const std::vector<neurite::RunRecord>& runs = m_document->runs();
        QCOMPARE(runs.size(), plan.size());
        for (std::size_t i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs[i].name, plan[i].name);
            QVERIFY(runs[i].swept == plan[i].swept);
            QCOMPARE(runs[i].settings.optimizer.learningRate, plan[i].settings.optimizer.learningRate);
            QCOMPARE(runs[i].design.layers[1].number("units", 0), plan[i].design.layers[1].number("units", 0));
            QCOMPARE(int(runs[i].history.epochs.size()), 2);
            QVERIFY(std::isfinite(runMetric(runs[i])));
            QCOMPARE(m_window->resultsTable()->status(int(i)), SweepResultsTable::Status::Done);
        }
        QCOMPARE(runs[3].settings.optimizer.learningRate, 0.1f);
        QCOMPARE(runs[3].design.layers[1].number("units", 0), 8.0);
        QVERIFY(m_document->isModified());
        // The best run: rankRuns' first, and no run has a higher metric.
        const int best = m_window->plotData().best;
        QCOMPARE(runs[rankRuns(runs).front()].name, plan[std::size_t(best)].name);
        for (const neurite::RunRecord& run : runs)
            QVERIFY(runMetric(run) <= runMetric(runs[std::size_t(best)]));
        QVERIFY(m_window->resultsTable()->item(m_window->resultsTable()->rowOf(best), 1)->text().endsWith("best"));
        QVERIFY(m_window->statusLabel()->text().contains("4 of 4"));
        // Exported, the table is what `neurite sweep --out` writes for these runs, byte for byte.
        QVERIFY(m_window->exportButton()->isEnabled());
        QTemporaryDir folder;
        const QString csv = folder.filePath("sweep.csv");
        m_window->exportResults(csv);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), sweepResultsCsv(runs));
        QVERIFY_THROWS_EXCEPTION(NeuriteError, m_window->exportResults(folder.filePath("missing/sweep.csv")));
        QVERIFY(m_window->planForm()->isEnabled());
    }

    void pausedBeforeItsFirstRunNothingStartsUntilResume()
    {
        planFourRuns();
        QSignalSpy started(m_window->queue(), &SweepQueue::runStarted);
        m_window->pauseSweep();
        QVERIFY(m_window->startSweep());
        QTest::qWait(800); // time enough for runs to start, were they allowed to
        QCOMPARE(started.count(), 0);
        QVERIFY(m_window->queue()->isRunning());
        QCOMPARE(m_window->pauseButton()->text(), QStringLiteral("Resume"));
        QVERIFY(m_window->statusLabel()->text().startsWith(QStringLiteral("Paused")));
        QTest::mouseClick(m_window->pauseButton(), Qt::LeftButton);
        QVERIFY(m_window->queue()->waitUntilDone(kTimeoutMs));
        QCOMPARE(started.count(), 4);
        QCOMPARE(m_document->runs().size(), std::size_t(4));
    }

    // Paused after the first run finished: the run already going (if one started) finishes, then nothing
    // starts until resume, and every finished run is in the project.
    void pauseBetweenRunsHoldsTheNextRun()
    {
        planFourRuns(600); // runs long enough that the GUI hears of run 0 before run 2 could start
        QSignalSpy started(m_window->queue(), &SweepQueue::runStarted);
        QSignalSpy finished(m_window->queue(), &SweepQueue::runFinished);
        connect(m_window->queue(), &SweepQueue::runFinished, this, [this](int index) {
            if (index == 0)
                m_window->pauseSweep();
        });
        QVERIFY(m_window->startSweep());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), started.count(), kTimeoutMs);
        QTest::qWait(800);
        const int held = int(finished.count());
        QVERIFY2(held < 4, "every run finished before the pause took effect");
        QCOMPARE(int(started.count()), held);
        QCOMPARE(int(m_document->runs().size()), held);
        QCOMPARE(m_window->resultsTable()->status(held), SweepResultsTable::Status::Queued);
        m_window->resumeSweep();
        QVERIFY(m_window->queue()->waitUntilDone(kTimeoutMs));
        QCOMPARE(m_document->runs().size(), std::size_t(4));
    }

    void cancelKeepsTheFinishedRuns()
    {
        planFourRuns(600); // runs long enough that the GUI hears of run 0 before run 2 could start
        connect(m_window->queue(), &SweepQueue::runFinished, this, [this](int index) {
            if (index == 0)
                m_window->cancelSweep(false);
        });
        QVERIFY(m_window->startSweep());
        QVERIFY(m_window->queue()->waitUntilDone(kTimeoutMs));
        // Run 0, and run 1 if it had started before the cancel: both kept; the others never ran.
        const std::size_t kept = m_document->runs().size();
        QVERIFY(kept >= 1 && kept < 4);
        const std::vector<PlannedRun>& plan = *m_window->planForm()->plan();
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const bool done = i < kept;
            if (done)
                QCOMPARE(m_document->runs()[i].name, plan[i].name);
            QCOMPARE(m_window->resultsTable()->status(int(i)),
                     done ? SweepResultsTable::Status::Done : SweepResultsTable::Status::NotRun);
        }
        QVERIFY(m_window->startButton()->isEnabled());
    }

    void cancelCanStopTheRunningRun()
    {
        planFourRuns(2000); // long runs: the first is still training when it is stopped
        bool stopped = false;
        connect(m_window->queue(), &SweepQueue::runProgress, this, [this, &stopped](int, int epoch) {
            if (epoch >= 2 && !stopped) {
                stopped = true;
                m_window->cancelSweep(true);
            }
        });
        QVERIFY(m_window->startSweep());
        QVERIFY(m_window->queue()->waitUntilDone(kTimeoutMs));
        QVERIFY(stopped);
        QCOMPARE(m_document->runs().size(), std::size_t(1));
        QCOMPARE(m_document->runs()[0].outcome, RunOutcome::Stopped);
        QVERIFY(m_document->runs()[0].history.epochs.size() < 2000);
        QCOMPARE(m_window->resultsTable()->status(1), SweepResultsTable::Status::NotRun);
    }

    // Opening another project while sweeping stops the sweep: its runs belong to the project it started in.
    void openingAnotherProjectStopsTheSweep()
    {
        planFourRuns(2000);
        const Project other = m_document->toProject(); // no runs
        connect(m_window->queue(), &SweepQueue::runStarted, this, [this, other](int index) {
            if (index == 0)
                m_document->loadProject(other, QStringLiteral("other.neurite"));
        });
        QVERIFY(m_window->startSweep());
        QVERIFY(m_window->queue()->waitUntilDone(kTimeoutMs));
        QVERIFY(m_document->runs().empty());
        QCOMPARE(m_window->resultsTable()->status(0), SweepResultsTable::Status::Done); // stopped, shown here
        QCOMPARE(m_window->resultsTable()->status(1), SweepResultsTable::Status::NotRun);
        QVERIFY(m_window->planForm()->isEnabled());
    }

    void aRunThatCannotTrainFailsAloneAndSaysWhy()
    {
        planFourRuns();
        m_window->planForm()->removeAxis(1);
        m_window->planForm()->removeAxis(0);
        m_window->planForm()->setAxis("out.units", "2, 3"); // 2 outputs do not fit 3 classes
        QSignalSpy ended(m_window.get(), &SweepWindow::sweepEnded);
        QVERIFY(m_window->startSweep());
        QVERIFY(ended.wait(kTimeoutMs));
        QCOMPARE(m_window->resultsTable()->status(0), SweepResultsTable::Status::Failed);
        QVERIFY2(m_window->resultsTable()->statusText(0).startsWith("failed: The Output receives 2 values"),
                 qPrintable(m_window->resultsTable()->statusText(0)));
        QCOMPARE(m_window->resultsTable()->status(1), SweepResultsTable::Status::Done);
        QCOMPARE(m_document->runs().size(), std::size_t(1));
        QCOMPARE(m_document->runs()[0].name, std::string("out.units=3"));
        QCOMPARE(m_window->plotData().best, 1);
        QVERIFY2(m_window->statusLabel()->text().contains("1 of 2 runs done (1 failed)"),
                 qPrintable(m_window->statusLabel()->text()));
    }

    void selectingAFinishedRunNamesIt()
    {
        m_document->appendRun(neurite::RunRecord{}); // a run from before: the sweep's runs come after it
        planFourRuns();
        QSignalSpy ended(m_window.get(), &SweepWindow::sweepEnded);
        QVERIFY(m_window->startSweep());
        QVERIFY(ended.wait(kTimeoutMs));
        QSignalSpy selected(m_window.get(), &SweepWindow::runSelected);
        SweepResultsTable* table = m_window->resultsTable();
        table->selectRow(table->rowOf(2));
        QCOMPARE(m_window->selectedRun(), 2);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toString(), QString::fromStdString(m_document->runs()[3].name));
        QCOMPARE(m_window->plotData().selected, 2);
        // A click on run 0's line in the plot selects it in the table too.
        ParallelCoordinatesPlot* plot = m_window->parallelCoordinates();
        const QPolygonF line = plot->polyline(0);
        QTest::mouseClick(plot, Qt::LeftButton, {}, ((line[0] + line[1]) / 2).toPoint());
        QCOMPARE(m_window->selectedRun(), 0);
        QCOMPARE(table->runAt(table->selectedItems().front()->row()), 0);
        // Brushing the metric's top hides the other rows.
        plot->setBrush(plot->axisCount() - 1, 0.999, 1.0);
        const int best = m_window->plotData().best;
        for (int run = 0; run < 4; ++run)
            QCOMPARE(table->isRowHidden(table->rowOf(run)), !plot->runsInBrushes().count(run));
        QVERIFY(!table->isRowHidden(table->rowOf(best)));
    }

    // The assembled window: Train › New Sweep… opens the sweep window on the window's own document, whose
    // choices follow its design (a layer added in the editor can be swept at once).
    void assembledWindowOpensTheSweepOnItsDocument()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow main;
        cli::assembleWorkspace(main);
        auto* action = main.findChild<QAction*>(QStringLiteral("newSweepAction"));
        QVERIFY(action);
        action->trigger();
        auto* sweep = main.findChild<SweepWindow*>(QStringLiteral("sweepWindow"));
        QVERIFY(sweep && sweep->isVisible());
        QComboBox* keys = sweep->planForm()->keyChoice();
        QVERIFY(keys->findData(QStringLiteral("dense9.units")) < 0);
        main.document()->newDesign(
            test::chainSpec(4, {test::dense("dense9", 8, "relu"), test::dense("out", 3, "softmax")}));
        QVERIFY(keys->findData(QStringLiteral("dense9.units")) >= 0);
        sweep->planForm()->setAxis("dense9.units", "4, 8");
        QCOMPARE(sweep->planForm()->plan()->front().design.layers[1].id, std::string("dense9"));
    }

    void menuOpensTheSweepWindow()
    {
        QMainWindow main;
        main.menuBar()->addMenu(QStringLiteral("&Help"));
        SweepWindow* sweep = installSweepMenu(main, m_document.get(), m_loader.get());
        auto* menu = main.menuBar()->findChild<QMenu*>(QStringLiteral("trainMenu"));
        QVERIFY(menu);
        QCOMPARE(main.menuBar()->actions().back()->text(), QStringLiteral("&Help")); // Help stays last
        auto* action = main.findChild<QAction*>(QStringLiteral("newSweepAction"));
        QVERIFY(action && !sweep->isVisible());
        action->trigger();
        QVERIFY(sweep->isVisible());
        QCOMPARE(trainMenu(main), menu); // another part adding to Train finds the same menu
    }
};

QTEST_MAIN(TestSweepWindow)
#include "tst_sweepwindow.moc"
