// Start checks the chosen data set before anything is logged: a folder that does not exist, files that
// are not IDX, images or classes that do not fit the design, a named set that is not installed. A refused
// start says why and leaves no "Run N" in the log or the run list; a data set that fits trains.
#include "CornersDataSet.h"
#include "document/ProjectDocument.h"
#include "results/RunComparison.h"
#include "TestSupport.h"
#include "training/RunPreflight.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

NetworkSpec mlpWithOutputs(int outputs)
{
    return test::chainSpec(784, {test::dense("hidden", 16, "relu"), test::dense("out", outputs, "softmax")});
}

} // namespace

class TestRunPreflight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aMissingFolderIsRefusedBeforeARun();
    void aFolderOfBrokenFilesIsRefused();
    void aFolderThatDoesNotFitTheDesignIsRefused();
    void aNamedDataSetNotInstalledIsRefused();
    void aFolderThatFitsTrainsAsRunOne();

private:
    // Chooses `dataSet` and presses Start with the design `spec`.
    void pressStart(const NetworkSpec& spec, const QString& dataSet);
    // The start was refused with a message containing `expected`, and nothing of a run is left.
    void expectRefused(const QString& expected);

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
    std::unique_ptr<QSignalSpy> m_failed;
    std::unique_ptr<QSignalSpy> m_started;
};

void TestRunPreflight::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Named data sets are looked for here, where there is none.
    QVERIFY(QDir(m_dir.path()).mkpath("data"));
    qputenv("NEURITE_DATA_DIR", QFile::encodeName(m_dir.filePath("data")));
    QVERIFY(QDir(m_dir.path()).mkpath("corners"));
    test::writeCornersDataSet(m_dir.filePath("corners"));
    QVERIFY(QDir(m_dir.path()).mkpath("broken"));
    for (const char* name :
         {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
        QFile file(m_dir.filePath(QStringLiteral("broken/") + name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not an IDX file");
    }
}

void TestRunPreflight::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    m_failed = std::make_unique<QSignalSpy>(m_panel->controller(), &TrainingController::failed);
    m_started = std::make_unique<QSignalSpy>(m_panel->controller(), &TrainingController::runStarted);
}

void TestRunPreflight::cleanup()
{
    m_failed.reset();
    m_started.reset();
    m_panel.reset();
    m_document.reset();
}

void TestRunPreflight::pressStart(const NetworkSpec& spec, const QString& dataSet)
{
    m_document->newDesign(spec);
    TrainingSettings settings;
    settings.dataSet = dataSet.toStdString();
    settings.epochs = 2;
    settings.batchSize = 10;
    m_document->setSettings(settings);
    QCOMPARE(m_panel->settingsForm()->dataSetName(), dataSet);
    QVERIFY(m_panel->startButton()->isEnabled()); // a folder's images are known only once it is loaded
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
}

void TestRunPreflight::expectRefused(const QString& expected)
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isCheckingData(), 20000);
    const QString status = m_panel->statusText();
    QVERIFY2(status.contains(QStringLiteral("Training cannot start")), qPrintable(status));
    QVERIFY2(status.contains(expected), qPrintable(status));
    QVERIFY(!m_panel->isTraining());
    QVERIFY2(!m_panel->logText().contains(QStringLiteral("Run")), qPrintable(m_panel->logText()));
    QCOMPARE(m_panel->runComparison()->runCount(), 0);
    QCOMPARE(m_started->count(), 0); // no run reached the worker
    QCOMPARE(m_failed->count(), 0);
    QVERIFY(!m_document->isDesignLocked());
    QVERIFY(m_panel->startButton()->isEnabled()); // the user can fix it and start again
    QVERIFY(m_panel->settingsForm()->isEnabled());
}

void TestRunPreflight::aMissingFolderIsRefusedBeforeARun()
{
    const QString folder = m_dir.filePath("missing");
    pressStart(mlpWithOutputs(10), folder);
    // While it loads, nothing is logged and the design and Start wait.
    QVERIFY(m_panel->isCheckingData());
    QVERIFY(!m_panel->startButton()->isEnabled());
    QVERIFY(m_document->isDesignLocked());
    QVERIFY(m_panel->logText().isEmpty());
    expectRefused(folder);
}

void TestRunPreflight::aFolderOfBrokenFilesIsRefused()
{
    pressStart(mlpWithOutputs(10), m_dir.filePath("broken"));
    expectRefused(QStringLiteral("not an IDX file"));
    QVERIFY(m_panel->statusText().contains(m_dir.filePath("broken/"))); // names the file
}

void TestRunPreflight::aFolderThatDoesNotFitTheDesignIsRefused()
{
    pressStart(mlpWithOutputs(10), m_dir.filePath("corners"));
    expectRefused(QStringLiteral("has 2 classes: set Units of 'out' to 2"));
}

void TestRunPreflight::aNamedDataSetNotInstalledIsRefused()
{
    pressStart(mlpWithOutputs(10), QStringLiteral("mnist-10k"));
    expectRefused(QStringLiteral("mnist-10k"));
}

void TestRunPreflight::aFolderThatFitsTrainsAsRunOne()
{
    pressStart(mlpWithOutputs(2), m_dir.filePath("corners"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome().has_value(), 30000);
    QVERIFY(m_panel->controller()->waitUntilIdle(10000));
    QCOMPARE(m_panel->lastOutcome()->outcome, TrainingResult::Outcome::Completed);
    QCOMPARE(m_panel->logText().count(QStringLiteral("— Run 1:")), 1);
    QCOMPARE(m_panel->runComparison()->runCount(), 1);
    QCOMPARE(m_started->count(), 1);
    // A second start reuses the data set loaded for the first: it starts at once.
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QVERIFY(!m_panel->isCheckingData());
    QVERIFY(m_panel->isTraining());
    QVERIFY(m_panel->controller()->waitUntilIdle(30000));
    QCOMPARE(m_panel->logText().count(QStringLiteral("— Run 2:")), 1);
}

QTEST_MAIN(TestRunPreflight)
#include "tst_runpreflight.moc"
