// The Train tab's Layers view and the node editor's health marks in the real window: a short run fills a row
// per layer with its charts and marks each layer's node; a run judged unhealthy turns the node's mark red with
// the warning as its tooltip; another document clears both.
#include "IsolatedUserState.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "Workspace.h"
#include "document/ProjectDocument.h"
#include "editor/DesignEditor.h"
#include "editor/GraphScene.h"
#include "editor/HealthMarkItem.h"
#include "health/HealthChart.h"
#include "health/LayerHealthRow.h"
#include "health/LayerHealthView.h"
#include "training/TrainingPanel.h"
#include "window/MainWindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestLayerHealthTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateUserState(m_dir);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        cli::assembleWorkspace(*m_window);
        m_window->show();
        m_panel = m_window->findChild<TrainingPanel*>();
        QVERIFY(m_panel);
    }

    void cleanup()
    {
        m_window->document()->setModified(false);
        m_window.reset();
    }

    void aRunFillsTheLayersViewAndMarksTheNodes()
    {
        train(1);
        LayerHealthView* view = m_panel->layerHealthView();
        QCOMPARE(view->samples().size(), std::size_t(10)); // 200 images in batches of 20, each sampled
        QCOMPARE(view->rowCount(), 3);
        for (int r = 0; r < view->rowCount(); ++r)
            for (HealthChart* chart : view->row(r)->charts()) {
                QVERIFY(!chart->series().empty());
                QCOMPARE(chart->series().at(9)->layerId, view->samples().back().layers[std::size_t(r)].layerId);
            }
        QVERIFY2(view->summaryText().startsWith("Step 10 "), qPrintable(view->summaryText()));
        GraphScene* scene = m_window->designEditor()->scene();
        for (const char* id : {"dense1", "dense2", "dense3"}) {
            HealthMarkItem* mark = scene->healthMark(id);
            QVERIFY2(mark, id);
            QVERIFY(!mark->toolTip().isEmpty());
            QCOMPARE(mark->mark().level, view->marks().value(id).level);
        }
        QVERIFY(!scene->healthMark("input"));
        QVERIFY(!scene->healthMark("output"));
        // The Layers tab sits beside the live charts.
        auto* tabs = m_panel->findChild<QTabWidget*>();
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), QString("Layers"));
    }

    void samplesArriveWhileTraining()
    {
        QSignalSpy live(m_panel->controller(), &TrainingController::healthReported);
        train(2);
        QCOMPARE(live.count(), 20);
        QCOMPARE(m_panel->layerHealthView()->samples().size(), std::size_t(20));
    }

    void anUnhealthyLayerTurnsItsMarkRed()
    {
        train(1);
        std::vector<HealthSample> samples = m_panel->layerHealthView()->samples();
        for (HealthSample& sample : samples)
            sample.layers.front().updateRatio = 0.5f; // each step would move dense1's weights by half
        m_panel->layerHealthView()->showRun(samples, m_window->document()->spec());
        HealthMarkItem* mark = m_window->designEditor()->scene()->healthMark("dense1");
        QVERIFY(mark);
        QCOMPARE(mark->mark().level, HealthLevel::Problem);
        QVERIFY2(mark->toolTip().contains("dense1: gradients are exploding"), qPrintable(mark->toolTip()));
        QCOMPARE(mark->mark().level == HealthLevel::Problem,
                 healthColor(HealthLevel::Problem) == QColor(0xd9, 0x30, 0x25));
        QVERIFY(m_panel->layerHealthView()->summaryText().contains("exploding"));
    }

    void anotherDocumentClearsTheView()
    {
        train(1);
        m_window->document()->setModified(false);
        m_window->document()->newDesign(*preset("mlp"));
        QCOMPARE(m_panel->layerHealthView()->rowCount(), 0);
        QVERIFY(!m_window->designEditor()->scene()->healthMark("dense1"));
    }

private:
    void train(int epochs)
    {
        ProjectDocument* document = m_window->document();
        m_panel->setDataSetOverride(std::make_shared<const Dataset>(test::syntheticImages(28, 10, 20, 10, 3)));
        document->newDesign(*preset("mlp"));
        TrainingSettings settings = document->settings();
        settings.dataSet = "synthetic";
        settings.epochs = epochs;
        settings.batchSize = 20;
        settings.healthEvery = 1;
        document->setSettings(settings);
        QVERIFY(m_panel->startButton()->isEnabled());
        m_panel->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome().has_value(), 30000);
        QVERIFY(m_panel->controller()->waitUntilIdle(10000));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TrainingPanel* m_panel = nullptr;
};

QTEST_MAIN(TestLayerHealthTab)
#include "tst_layerhealthtab.moc"
