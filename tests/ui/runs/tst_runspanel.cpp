// The Runs tab as a user meets it: the selection overlays curves and sets which actions are offered; star,
// rename, note and delete reach the document and survive saving and opening the project; restore puts a
// run's design and settings back (undoably); use for prediction hands over exactly the run's weights.
#include "SampleRuns.h"
#include "charts/RunCurvesChart.h"
#include "document/ProjectDocument.h"
#include "predict/ModelChooser.h"
#include "runs/RunsPanel.h"
#include "runs/RunsTableModel.h"

#include <neurite/ProjectFile.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

// softmax(x . W + b) for a (4, 3) Dense, written out: the reference the chosen model is checked against.
std::vector<float> denseSoftmax(const Weights& weights, const std::vector<float>& x)
{
    std::vector<double> logits(3);
    for (int j = 0; j < 3; ++j) {
        logits[std::size_t(j)] = weights[1].values[std::size_t(j)];
        for (int i = 0; i < 4; ++i)
            logits[std::size_t(j)] += double(x[std::size_t(i)]) * weights[0].values[std::size_t(i * 3 + j)];
    }
    double sum = 0;
    for (double& l : logits)
        sum += (l = std::exp(l));
    return {float(logits[0] / sum), float(logits[1] / sum), float(logits[2] / sum)};
}

} // namespace

class TestRunsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selectionSetsTheCurvesAndTheActions()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsPanel panel(&document);
        QCOMPARE(panel.table()->model()->rowCount(), 4);
        QVERIFY(!panel.restoreButton()->isEnabled());
        QVERIFY(!panel.compareButton()->isEnabled());
        QVERIFY(!panel.deleteButton()->isEnabled());
        QCOMPARE(panel.curves()->drawnSeriesCount(), 0);

        panel.selectRuns({1});
        QCOMPARE(panel.selectedRuns(), std::vector<int>{1});
        QCOMPARE(panel.curves()->drawnSeriesCount(), 1);
        QVERIFY(panel.restoreButton()->isEnabled());
        QVERIFY(!panel.predictButton()->isEnabled()); // run 1 kept no weights, and says so
        QVERIFY2(panel.predictButton()->toolTip().contains("kept no weights"),
                 qPrintable(panel.predictButton()->toolTip()));
        QVERIFY(!panel.compareButton()->isEnabled());
        QCOMPARE(panel.noteEdit()->toPlainText(), QStringLiteral("too fast"));

        panel.selectRuns({0, 3});
        QCOMPARE(panel.curves()->drawnSeriesCount(), 2);
        QVERIFY(panel.compareButton()->isEnabled());
        QVERIFY(!panel.restoreButton()->isEnabled());
        QVERIFY(!panel.noteEdit()->isEnabled());
        QSignalSpy compare(&panel, &RunsPanel::compareRequested);
        panel.compareButton()->click();
        QCOMPARE(compare.count(), 1);
        // The table is newest first: run 4 above run 1.
        QCOMPARE(compare.first().at(0).toInt(), 3);
        QCOMPARE(compare.first().at(1).toInt(), 0);

        panel.selectRuns({0, 1, 2});
        QVERIFY(!panel.compareButton()->isEnabled());
        QCOMPARE(panel.curves()->drawnSeriesCount(), 3);

        document.setDesignLocked(true); // a training runs: the design cannot be replaced
        panel.selectRuns({0});
        QVERIFY(!panel.restoreButton()->isEnabled());
    }

    void editsReachTheDocumentAndItsFile()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsPanel panel(&document);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        // A click on the star cell of run 1 (the bottom row: newest first).
        QTableView* table = panel.table();
        const QModelIndex star = table->model()->index(3, RunsTableModel::Star);
        QCOMPARE(table->model()->index(3, RunsTableModel::Name).data(Qt::EditRole).toString(), QStringLiteral("run 1"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(star).center());
        QVERIFY(document.runs()[0].starred);
        QVERIFY(document.isModified());

        // A taken name is refused with a message; a free one renames.
        QVERIFY(!table->model()->setData(table->model()->index(3, RunsTableModel::Name), "run 3"));
        QVERIFY2(panel.message().contains("already called 'run 3'"), qPrintable(panel.message()));
        QVERIFY(table->model()->setData(table->model()->index(3, RunsTableModel::Name), "baseline"));

        panel.selectRuns({0});
        QTest::keyClicks(panel.noteEdit(), "best so far");
        QTRY_COMPARE(document.runs()[0].note, std::string("best so far"));
        QCOMPARE(panel.selectedRuns(), std::vector<int>{0}); // the note's change kept the selection

        panel.selectRuns({2});
        panel.deleteButton()->click();
        QCOMPARE(document.runs().size(), std::size_t(3));
        document.undoStack()->undo();
        QCOMPARE(document.runs().size(), std::size_t(4));
        QCOMPARE(document.runs()[2].name, std::string("run 3"));
        document.undoStack()->redo();
        QCOMPARE(document.runs().size(), std::size_t(3));

        QTemporaryDir dir;
        const QString path = dir.filePath("runs.neurite");
        document.save(path);
        const Project saved = neurite::loadProject(QFile::encodeName(path).toStdString());
        QCOMPARE(saved.runs.size(), std::size_t(3));
        QCOMPARE(saved.runs[0].name, std::string("baseline"));
        QVERIFY(saved.runs[0].starred);
        QCOMPARE(saved.runs[0].note, std::string("best so far"));
        QCOMPARE(saved.runs[1].name, std::string("lr=0.01 batch=128"));
        QCOMPARE(saved.runs[2].name, std::string("run 4"));
        QVERIFY(saved.runs[0].weights == test::sampleRuns()[0].weights);
    }

    void deletingSeveralRunsIsOneUndoStep()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsPanel panel(&document);
        panel.selectRuns({0, 2, 3});
        panel.deleteSelected();
        QCOMPARE(document.runs().size(), std::size_t(1));
        QCOMPARE(document.runs()[0].name, std::string("lr=0.01 batch=128"));
        document.undoStack()->undo();
        QCOMPARE(document.runs().size(), std::size_t(4));
        const std::vector<RunRecord> original = test::sampleRuns();
        for (std::size_t i = 0; i < original.size(); ++i) {
            QCOMPARE(document.runs()[i].name, original[i].name);
            QVERIFY(document.runs()[i].weights == original[i].weights);
        }
    }

    void restorePutsTheRunsDesignAndSettingsBack()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        TrainingSettings current;
        current.epochs = 7;
        document.setSettings(current);
        RunsPanel panel(&document);
        QSignalSpy restored(&panel, &RunsPanel::runRestored);

        panel.selectRuns({2}); // the wide design, no weights kept
        panel.restoreButton()->click();
        QCOMPARE(restored.count(), 1);
        QVERIFY(document.spec() == test::sampleRunWideDesign());
        QVERIFY(document.settings() == test::sampleRuns()[2].settings);
        QVERIFY(!document.trainedWeights());
        QCOMPARE(document.history().epochs.size(), std::size_t(2));

        panel.selectRuns({0}); // the narrow design with its weights
        panel.restoreSelected();
        QVERIFY(document.spec() == test::sampleRunDesign());
        QVERIFY(document.settings() == test::sampleRuns()[0].settings);
        QVERIFY(document.trainedWeights() == test::sampleRuns()[0].weights);

        document.undoStack()->undo();
        QVERIFY(document.spec() == test::sampleRunWideDesign());
        QVERIFY(!document.trainedWeights());
        document.undoStack()->undo();
        QVERIFY(document.spec() == test::sampleRunDesign());
        QCOMPARE(document.settings().epochs, 7);
    }

    void predictionUsesExactlyTheRunsWeights()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsPanel panel(&document);
        ModelChooser chooser;
        connect(&panel, &RunsPanel::predictionRequested, &chooser, &ModelChooser::useModel);
        const std::vector<float> x = {0.5f, -1.0f, 2.0f, 0.25f};
        const std::vector<RunRecord> runs = test::sampleRuns();

        for (int run : {3, 0}) {
            panel.selectRuns({run});
            QVERIFY(panel.predictButton()->isEnabled());
            panel.predictButton()->click();
            QVERIFY(chooser.current());
            QVERIFY(chooser.userHasChosen());
            QVERIFY2(chooser.current()->name.startsWith(QString::fromStdString(runs[std::size_t(run)].name)),
                     qPrintable(chooser.current()->name));
            std::vector<float> probabilities(3);
            chooser.current()->network->predictOne(x.data(), probabilities.data());
            const std::vector<float> expected = denseSoftmax(*runs[std::size_t(run)].weights, x);
            for (int k = 0; k < 3; ++k)
                QVERIFY2(std::abs(probabilities[std::size_t(k)] - expected[std::size_t(k)]) < 1e-5f,
                         qPrintable(QString("run %1 class %2: %3 vs %4")
                                        .arg(run)
                                        .arg(k)
                                        .arg(probabilities[std::size_t(k)])
                                        .arg(expected[std::size_t(k)])));
        }
        // The two runs' weights give different answers: the check above can tell them apart.
        QVERIFY(std::abs(denseSoftmax(*runs[0].weights, x)[0] - denseSoftmax(*runs[3].weights, x)[0]) > 0.01f);
        // Choosing a run again replaces its entry rather than adding another.
        const int entries = chooser.list()->count();
        panel.predictButton()->click();
        QCOMPARE(chooser.list()->count(), entries);
    }

    void runsThatArriveKeepTheSelection()
    {
        ProjectDocument document;
        document.loadProject(test::sampleRunsProject(), {});
        RunsPanel panel(&document);
        panel.selectRuns({1, 2});
        RunRecord run = test::sampleRuns()[0];
        run.name.clear(); // named by the document
        document.appendRun(run);
        QCOMPARE(panel.table()->model()->rowCount(), 5);
        QCOMPARE(panel.selectedRuns().size(), std::size_t(2));
        QCOMPARE(panel.curves()->drawnSeriesCount(), 2);
    }
};

QTEST_MAIN(TestRunsPanel)
#include "tst_runspanel.moc"
