// The Predict tab names its model and lets the user choose it: runs of this session, the project's weights,
// the default model or a .neurite file. A new run is used only while the user has not chosen a model.
#include "IsolatedUserState.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "editor/DesignTemplates.h"
#include "predict/ModelChooser.h"
#include "predict/PredictPanel.h"
#include "SyntheticImages.h"
#include "training/TrainingPanel.h"
#include "Workspace.h"

#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

int rowNamed(ModelChooser* chooser, const QString& text)
{
    for (int i = 0; i < chooser->list()->count(); ++i)
        if (chooser->list()->itemText(i).contains(text))
            return i;
    return -1;
}

} // namespace

class TestModelChooser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aNewRunIsUsedUntilTheUserChooses();
    void aChosenModelIsNotReplacedByANewRun();
    void aModelFileCanBeChosen();
    void anotherDocumentFollowsItsOwnWeightsAgain();

private:
    void train();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TrainingPanel* m_panel = nullptr;
    PredictPanel* m_predict = nullptr;
    ModelChooser* m_chooser = nullptr;
};

void TestModelChooser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateUserState(m_dir);
}

void TestModelChooser::init()
{
    m_window = std::make_unique<MainWindow>();
    cli::assembleWorkspace(*m_window);
    m_panel = m_window->findChild<TrainingPanel*>();
    m_predict = m_window->findChild<PredictPanel*>();
    m_chooser = m_predict->modelChooser();
    m_panel->setDataSetOverride(std::make_shared<const Dataset>(test::syntheticImages(28, 10, 20, 10, 3)));
    m_window->document()->newDesign(*preset("mlp"));
    TrainingSettings settings = m_window->document()->settings();
    settings.dataSet = "synthetic";
    settings.epochs = 1;
    settings.batchSize = 20;
    m_window->document()->setSettings(settings);
}

void TestModelChooser::cleanup()
{
    m_window->document()->setModified(false);
    m_window.reset();
}

void TestModelChooser::train()
{
    const auto before = m_panel->lastOutcome() ? m_panel->lastOutcome()->runId : 0;
    m_panel->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome() && m_panel->lastOutcome()->runId != before, 30000);
    QVERIFY(m_panel->controller()->waitUntilIdle(10000));
}

void TestModelChooser::aNewRunIsUsedUntilTheUserChooses()
{
    QVERIFY2(m_predict->modelText().contains("Default model"), qPrintable(m_predict->modelText()));
    QVERIFY(!m_chooser->userHasChosen());
    QVERIFY(m_chooser->noteText().contains("Follows the newest run"));
    train();
    QVERIFY2(m_predict->modelText().contains("(run 1)"), qPrintable(m_predict->modelText()));
    const int run = rowNamed(m_chooser, "(run 1)");
    QVERIFY(run >= 0);
    QCOMPARE(m_chooser->list()->currentIndex(), run);
    QVERIFY2(m_chooser->list()->itemText(run).contains("% test"), qPrintable(m_chooser->list()->itemText(run)));
    train();
    QVERIFY2(m_predict->modelText().contains("(run 2)"), qPrintable(m_predict->modelText()));
    QVERIFY(rowNamed(m_chooser, "(run 1)") >= 0); // the earlier run stays on offer
}

void TestModelChooser::aChosenModelIsNotReplacedByANewRun()
{
    train();
    const int run1 = rowNamed(m_chooser, "(run 1)");
    Q_EMIT m_chooser->list()->activated(run1); // as the user picks it
    QVERIFY(m_chooser->userHasChosen());
    QVERIFY(m_chooser->noteText().contains("Kept until you choose another"));
    train();
    QVERIFY(rowNamed(m_chooser, "(run 2)") >= 0);
    QVERIFY2(m_predict->modelText().contains("(run 1)"), qPrintable(m_predict->modelText()));
    m_chooser->choose(rowNamed(m_chooser, "Default model"));
    QVERIFY(m_predict->modelText().contains("Default model"));
}

void TestModelChooser::aModelFileCanBeChosen()
{
    train();
    const QString file = m_dir.filePath("digits.neurite");
    m_window->document()->save(file);
    m_window->document()->newDesign(*preset("logistic"));
    QVERIFY2(m_chooser->openModelFile(file), qPrintable(m_chooser->lastError()));
    QVERIFY(m_chooser->userHasChosen());
    QVERIFY2(m_predict->modelText().contains("digits.neurite"), qPrintable(m_predict->modelText()));
    QVERIFY(!m_chooser->openModelFile(m_dir.filePath("missing.neurite")));
    QVERIFY(m_predict->modelText().contains("digits.neurite"));
    QVERIFY(!m_chooser->lastError().isEmpty());
}

void TestModelChooser::anotherDocumentFollowsItsOwnWeightsAgain()
{
    train();
    m_chooser->choose(rowNamed(m_chooser, "Default model"));
    const QString file = m_dir.filePath("own.neurite");
    m_window->document()->save(file);
    QVERIFY(m_window->openProject(file));
    QVERIFY(!m_chooser->userHasChosen());
    QVERIFY2(m_predict->modelText().contains("Project weights (own.neurite)"), qPrintable(m_predict->modelText()));
    QVERIFY(rowNamed(m_chooser, "(run 1)") >= 0); // runs of this session stay on offer
    QVERIFY(m_window->newFromTemplate(designTemplates().first().resource));
    QVERIFY(m_predict->modelText().contains("Default model"));
    QCOMPARE(rowNamed(m_chooser, "Project weights"), -1);
}

QTEST_MAIN(TestModelChooser)
#include "tst_modelchooser.moc"
