// Opening or creating a document resets every view to that document's own state: after a run, New from
// Template, Open of a trained project and of a design file leave nothing of the previous project on the
// Train tab (Live status, charts, Results, the learning-rate field) or the Predict tab (model, canvas).
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "charts/LossChart.h"
#include "document/ProjectDocument.h"
#include "editor/DesignTemplates.h"
#include "predict/DigitCanvas.h"
#include "predict/PredictPanel.h"
#include "results/TrainingResultsView.h"
#include "SyntheticImages.h"
#include "TestSupport.h"
#include "neurite/DigitPreprocessing.h"
#include "training/TrainingPanel.h"
#include "Workspace.h"

#include <neurite/DesignFile.h>
#include "ErrorCapture.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

const QString kNoResults = QStringLiteral("Test results appear here when a run ends.");

QLineEdit* learningRateField(TrainingPanel* panel)
{
    for (QLineEdit* edit : panel->findChildren<QLineEdit*>())
        if (edit->placeholderText() == QLatin1String("e.g. 3e-4"))
            return edit;
    return nullptr;
}

} // namespace

class TestDocumentSwitch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newFromTemplateClearsTheLastRun();
    void openingATrainedProjectShowsItsOwnHistory();
    void openingADesignFileClearsTheLastRun();

private:
    // Trains the reference MLP for one epoch on synthetic 28 x 28 images, draws on the canvas and types a
    // learning rate: the state a switch must not keep.
    void trainAndDraw();
    void verifyNothingOfTheRunStays();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TrainingPanel* m_panel = nullptr;
    PredictPanel* m_predict = nullptr;
};

void TestDocumentSwitch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserState(m_dir);
}

void TestDocumentSwitch::init()
{
    m_window = std::make_unique<MainWindow>();
    cli::assembleWorkspace(*m_window);
    m_window->show();
    m_panel = m_window->findChild<TrainingPanel*>();
    m_predict = m_window->findChild<PredictPanel*>();
    QVERIFY(m_panel && m_predict);
}

void TestDocumentSwitch::cleanup()
{
    m_window->document()->setModified(false);
    m_window.reset();
}

void TestDocumentSwitch::trainAndDraw()
{
    ProjectDocument* document = m_window->document();
    m_panel->setDataSetOverride(std::make_shared<const Dataset>(test::syntheticImages(28, 10, 20, 10, 3)));
    document->newDesign(*preset("mlp"));
    TrainingSettings settings = document->settings();
    settings.dataSet = "synthetic";
    settings.epochs = 1;
    settings.batchSize = 20;
    document->setSettings(settings);
    QVERIFY(m_panel->startButton()->isEnabled());
    m_panel->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome().has_value(), 30000);
    QVERIFY(m_panel->controller()->waitUntilIdle(10000));
    QVERIFY(m_panel->statusText().startsWith("Completed. Test accuracy"));
    QVERIFY(m_panel->results()->summaryText() != kNoResults);
    QVERIFY2(m_predict->modelText().contains("(run "), qPrintable(m_predict->modelText()));
    m_predict->canvas()->setImage(GreyImage{28, 28, std::vector<std::uint8_t>(28 * 28, 200)});
    QVERIFY(!m_predict->canvas()->isEmpty());
    learningRateField(m_panel)->setText("0.5");
    document->setModified(false);
}

void TestDocumentSwitch::verifyNothingOfTheRunStays()
{
    QCOMPARE(m_panel->results()->summaryText(), kNoResults);
    QVERIFY2(!m_panel->statusText().contains("Completed"), qPrintable(m_panel->statusText()));
    QVERIFY(!m_panel->lastOutcome());
    QVERIFY(std::isnan(m_panel->testAccuracy()));
    QCOMPARE(learningRateField(m_panel)->text(), QString());
    QVERIFY(m_predict->canvas()->isEmpty());
    QVERIFY2(!m_predict->modelText().contains("(run "), qPrintable(m_predict->modelText()));
    // The log keeps the session's runs, and says that they belong to the document before.
    QVERIFY2(m_panel->logText().trimmed().endsWith("the runs above belong to the previous document."),
             qPrintable(m_panel->logText()));
}

void TestDocumentSwitch::newFromTemplateClearsTheLastRun()
{
    trainAndDraw();
    QVERIFY(m_window->newFromTemplate(designTemplates().first().resource));
    verifyNothingOfTheRunStays();
    QVERIFY(m_panel->statusText().startsWith("Not started"));
    QVERIFY(m_panel->lossChart()->rawBatches().points().empty());
    QVERIFY(m_predict->modelText().contains("Default model"));
}

void TestDocumentSwitch::openingATrainedProjectShowsItsOwnHistory()
{
    trainAndDraw();
    const QString trained = m_dir.filePath("trained.neurite");
    QVERIFY(m_window->document()->history().epochs.size() == 1);
    m_window->document()->save(trained);
    trainAndDraw(); // a second run, not saved: what is shown must be the file's
    QVERIFY(m_window->openProject(trained));
    verifyNothingOfTheRunStays();
    QVERIFY2(m_panel->statusText().startsWith("Saved run: 1 epochs · test accuracy"),
             qPrintable(m_panel->statusText()));
    QVERIFY(m_panel->lossChart()->rawBatches().points().size() > 0);
    QVERIFY2(m_predict->modelText().contains("trained.neurite"), qPrintable(m_predict->modelText()));
}

void TestDocumentSwitch::openingADesignFileClearsTheLastRun()
{
    const QString design = m_dir.filePath("design.json");
    QVERIFY(test::errorOf([&] {
                saveDesignFile(DesignFile{"d", "", *preset("logistic"), "{}"}, QFile::encodeName(design).toStdString());
            }).isEmpty());
    trainAndDraw();
    QVERIFY(m_window->openProject(design));
    verifyNothingOfTheRunStays();
    QVERIFY(m_panel->statusText().startsWith("Not started"));
}

QTEST_MAIN(TestDocumentSwitch)
#include "tst_documentswitch.moc"
