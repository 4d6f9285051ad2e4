// The Runs tab in the assembled window: it sits between Train and Predict and lists an opened project's runs;
// "use for prediction" brings the Predict tab forward with the run's model chosen, "restore" the Design tab
// with the run's design and the Train tab with its curves, "compare" the two selected runs side by side.
#include "BarModel.h"
#include "IsolatedUserState.h"
#include "SampleRuns.h"
#include "Workspace.h"
#include "compare/RunCompareDialog.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "predict/ModelChooser.h"
#include "predict/PredictPanel.h"
#include "runs/RunsPanel.h"
#include "window/MainWindow.h"

#include <neurite/ProjectFile.h>

#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

// A project of two mnist-shaped runs: the hand-set bar model (kept weights) and a stopped MLP run.
Project barProject()
{
    Project project;
    project.spec = *preset("mlp");
    RunRecord bars;
    bars.name = "bars";
    bars.design = *preset("logistic");
    bars.weights = test::barModel(0.25f)->weights();
    bars.dataSetName = "mnist-10k";
    bars.classNames = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    bars.schema = DataSchema{};
    bars.settings.optimizer.learningRate = 0.01f;
    bars.history.epochs.resize(2);
    bars.history.epochs[0].epoch = 1;
    bars.history.epochs[1].epoch = 2;
    bars.history.testAccuracy = 0.5f;
    bars.test.accuracy = 0.5f;
    project.runs.push_back(bars);
    RunRecord mlp = test::sampleRuns()[1];
    mlp.design = *preset("mlp");
    project.runs.push_back(mlp);
    return project;
}

} // namespace

class TestRunsTab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateUserState(m_dir);
        m_path = m_dir.filePath("bars.neurite");
        saveProject(barProject(), QFile::encodeName(m_path).toStdString());
    }

    void theTabListsTheOpenedProjectsRuns()
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        QTabWidget* tabs = window.workspaceTabs();
        QCOMPARE(tabs->tabText(2), QStringLiteral("Runs"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("Predict"));
        auto* runs = window.findChild<RunsPanel*>();
        QVERIFY(runs);
        QCOMPARE(runs->table()->model()->rowCount(), 0);
        QVERIFY(window.openProject(m_path));
        QCOMPARE(runs->table()->model()->rowCount(), 2);
    }

    void useForPredictionChoosesTheRunsModel()
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        QVERIFY(window.openProject(m_path));
        auto* runs = window.findChild<RunsPanel*>();
        auto* predict = window.findChild<PredictPanel*>();
        window.workspaceTabs()->setCurrentWidget(runs);
        runs->selectRuns({0});
        runs->predictButton()->click();
        QCOMPARE(window.workspaceTabs()->currentWidget(), predict);
        const ModelChoice* model = predict->modelChooser()->current();
        QVERIFY(model);
        QCOMPARE(model->name, QStringLiteral("bars (bars.neurite)"));
        // The bar model's answer to a horizontal bar, recomputed from its weights: class 4 gets 0.25 per pixel.
        std::vector<float> image(784, 0.0f), probabilities(10);
        int onWeights = 0; // the bar's pixels that lie on class 4's weights (away from the middle)
        for (int x = 0; x < 28; ++x)
            if (std::abs(x - 14) > 4) {
                image[std::size_t(14 * 28 + x)] = 1.0f;
                ++onWeights;
            }
        model->network->predictOne(image.data(), probabilities.data());
        const double logit = 0.25 * onWeights; // every other class's logit is 0
        const double expected = std::exp(logit) / (std::exp(logit) + 9.0);
        QVERIFY2(std::abs(probabilities[4] - expected) < 1e-5,
                 qPrintable(QString("%1 vs %2").arg(probabilities[4]).arg(expected)));
    }

    void restoreShowsTheDesignAndTheCurves()
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        QVERIFY(window.openProject(m_path));
        auto* runs = window.findChild<RunsPanel*>();
        window.workspaceTabs()->setCurrentWidget(runs);
        runs->selectRuns({0});
        runs->restoreButton()->click();
        QCOMPARE(window.workspaceTabs()->currentWidget(), window.designEditor());
        QVERIFY(window.document()->spec() == *preset("logistic"));
        QCOMPARE(window.document()->settings().optimizer.learningRate, 0.01f);
        QVERIFY(window.document()->isModified());
        bool shown = false; // the Train tab's progress line reads the restored run's history
        for (auto* bar : window.findChildren<QProgressBar*>())
            shown = shown || bar->format().startsWith(QStringLiteral("Saved run: 2 epochs"));
        QVERIFY(shown);
        window.document()->setModified(false);
    }

    // Compare… with two runs selected opens the comparison of exactly those two, in the order of the table.
    void compareOpensTheTwoSelectedRuns()
    {
        MainWindow window;
        cli::assembleWorkspace(window);
        QVERIFY(window.openProject(m_path));
        auto* runs = window.findChild<RunsPanel*>();
        window.workspaceTabs()->setCurrentWidget(runs);
        runs->selectRuns({0, 1});
        QVERIFY(runs->compareButton()->isEnabled());
        runs->compareButton()->click();
        auto* dialog = window.findChild<RunCompareDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->windowTitle().contains(QStringLiteral("bars")));
        QVERIFY(dialog->windowTitle().contains(QString::fromStdString(window.document()->runs()[1].name)));
        dialog->close();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestRunsTab)
#include "tst_runstab.moc"
