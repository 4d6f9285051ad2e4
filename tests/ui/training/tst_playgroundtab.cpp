// The Train tab as a playground, tried as a new user would: the playground template brings the circle set,
// the plane shows the seed's initial weights, a step shows the network after one batch and the editor gets
// the neurons' maps; Reset goes back to bit-identical initial weights, so the next run starts where the
// first did; a feature widens the Input; painting a point of a new class makes the painted set and adds
// an output.
#include "document/ProjectDocument.h"
#include "playground/DecisionPlaneView.h"
#include "playground/PaintToolbar.h"
#include "playground/PlaneClassPicker.h"
#include "playground/PlanePanel.h"
#include "training/PlaneOptionRows.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"

#include "BuiltinTemplateByPreset.h"

#include <neurite/BuiltinTemplates.h>

#include <QAbstractButton>
#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

int inputWidth(const NetworkSpec& spec)
{
    for (const LayerSpec& layer : spec.layers)
        if (layer.type == "Input")
            return int(layer.number("channels", 0));
    return 0;
}

int lastDenseUnits(const NetworkSpec& spec)
{
    for (const LayerSpec& layer : spec.layers)
        if (layer.id == "classes")
            return int(layer.number("units", 0));
    return 0;
}

} // namespace

class TestPlaygroundTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aStepShowsTheNetworkAfterOneBatchAndResetStartsAgainIdentically();
    void aFeatureWidensTheInput();
    void paintingAPointOfANewClassMakesThePaintedSet();

private:
    // The newest insight the panel sent (weights and grid), once its caption contains `text`.
    void waitForCaption(const QString& text);
    std::shared_ptr<const Weights> lastInsightWeights() const;

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
    std::unique_ptr<QSignalSpy> m_insights;
};

void TestPlaygroundTab::init()
{
    const BuiltinTemplate& preset = test::builtinTemplate("playground");
    QVERIFY(preset.settings);
    QCOMPARE(preset.settings->dataSet, std::string("circle"));
    m_document = std::make_unique<ProjectDocument>();
    m_document->newDesign(preset.design);
    TrainingSettings settings = *preset.settings;
    settings.threads = 1;
    m_document->setSettings(settings);
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    m_panel->setStopQuestion([](const StopOffer&) { return StopChoice::KeepLast; });
    m_insights = std::make_unique<QSignalSpy>(m_panel.get(), &TrainingPanel::planeInsight);
    m_panel->resize(1400, 900);
    m_panel->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->planePanel()->hasData(), 20000);
    QVERIFY(m_panel->planePanel()->isVisible());
}

void TestPlaygroundTab::cleanup()
{
    m_insights.reset();
    m_panel.reset();
    m_document.reset();
}

void TestPlaygroundTab::waitForCaption(const QString& text)
{
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->planePanel()->captionText().contains(text),
                              qPrintable(m_panel->planePanel()->captionText()), 20000);
}

std::shared_ptr<const Weights> TestPlaygroundTab::lastInsightWeights() const
{
    return m_insights->isEmpty() ? nullptr : m_insights->last().at(1).value<std::shared_ptr<const Weights>>();
}

void TestPlaygroundTab::aStepShowsTheNetworkAfterOneBatchAndResetStartsAgainIdentically()
{
    const NetworkSpec spec = m_document->spec();
    waitForCaption(QStringLiteral("Initial weights of seed 1"));
    QVERIFY(lastInsightWeights() && *lastInsightWeights() == Network(spec, 1).weights());
    const auto grid = m_insights->last().at(0).value<std::shared_ptr<const PlaneGrid>>();
    QVERIFY(grid);
    QCOMPARE(m_panel->planePanel()->view()->grid(), grid);
    std::vector<std::string> mapped;
    for (const NeuronMaps& maps : grid->neurons)
        mapped.push_back(maps.layerId);
    QVERIFY(std::find(mapped.begin(), mapped.end(), "hidden1") != mapped.end());
    QVERIFY(std::find(mapped.begin(), mapped.end(), "hidden2") != mapped.end());

    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    waitForCaption(QStringLiteral("Run 1 after 1 batches"));
    const Weights afterOne = *lastInsightWeights();
    QVERIFY(!(afterOne == Network(spec, 1).weights()));
    QTest::mouseClick(m_panel->stepEpochButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!(*lastInsightWeights() == afterOne), 20000);

    QTest::mouseClick(m_panel->resetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isTraining(), 20000);
    waitForCaption(QStringLiteral("Initial weights of seed 1"));
    QVERIFY(*lastInsightWeights() == Network(spec, 1).weights());
    QTest::mouseClick(m_panel->stepBatchButton(), Qt::LeftButton);
    waitForCaption(QStringLiteral("Run 2 after 1 batches"));
    QVERIFY(*lastInsightWeights() == afterOne); // bit-identical: the same start, the same first batch
    m_panel->controller()->stop();
    QVERIFY(m_panel->controller()->waitUntilIdle(20000));
}

void TestPlaygroundTab::aFeatureWidensTheInput()
{
    QCOMPARE(inputWidth(m_document->spec()), 2);
    QCheckBox* square = m_panel->settingsForm()->planeRows()->featureBox(PlaneFeature::X1Squared);
    QVERIFY(square && square->isVisible());
    square->click();
    QTRY_COMPARE_WITH_TIMEOUT(inputWidth(m_document->spec()), 3, 20000);
    QCOMPARE(m_document->settings().plane.features, kDefaultPlaneFeatures | featureBit(PlaneFeature::X1Squared));
    QVERIFY(m_document->canTrain());
    // The plane now asks the widened network: its Input's map has three features.
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_insights->isEmpty() &&
            m_insights->last().at(0).value<std::shared_ptr<const PlaneGrid>>()->neurons.front().units == 3,
        20000);
}

void TestPlaygroundTab::paintingAPointOfANewClassMakesThePaintedSet()
{
    PlanePanel* plane = m_panel->planePanel();
    const std::size_t before = plane->view()->samples().size();
    QCOMPARE(lastDenseUnits(m_document->spec()), 2);
    plane->toolbar()->setPainting(true);
    QVERIFY(plane->toolbar()->isEnabled());
    QCOMPARE(plane->toolbar()->picker()->classes().size(), 2);
    QVERIFY(plane->toolbar()->picker()->addButton()->isVisible());
    plane->toolbar()->picker()->addButton()->click(); // a third class, chosen
    QCOMPARE(plane->toolbar()->picker()->classes().size(), 3);
    const QPointF corner = plane->view()->frame().toWidget(5.5, 5.5);
    QTest::mouseClick(plane->view(), Qt::LeftButton, {}, corner.toPoint());
    QTRY_COMPARE_WITH_TIMEOUT(m_document->settings().dataSet, std::string(kPaintedDataSet), 20000);
    QCOMPARE(m_document->settings().plane.painted.points.size(), before + 1);
    // A class of a single point cannot be split: the painted set says so, and a second point makes it load.
    QTest::qWait(1000); // the first point's set is refused (a class of one point) before the second comes
    // Where the plane is now: the refusal's message in the sidebar may have moved it.
    QTest::mouseClick(plane->view(), Qt::LeftButton, {}, plane->view()->frame().toWidget(4.8, 4.8).toPoint());
    QTRY_COMPARE_WITH_TIMEOUT(m_document->settings().plane.painted.points.size(), before + 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lastDenseUnits(m_document->spec()), 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(plane->view()->classNames().size(), 3, 20000);
    QCOMPARE(plane->view()->samples().size(), before + 2);
}

QTEST_MAIN(TestPlaygroundTab)
#include "tst_playgroundtab.moc"
