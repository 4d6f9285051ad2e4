// The Train tab on a folder of images, as a new user meets it: a folder of PNGs in class subfolders (written
// here: mixed sizes, colour and a few grey images) chosen in the data chooser loads on the worker with a
// progress bar, and the preview shows each class with its counts, the sizes found and the encoding; a
// folder with a broken image shows the engine's error and the tab stays usable; the size and colour chosen
// in the sidebar reload the folder and survive saving the project; a design that does not fit is adapted
// in one undoable step and trains.
#include "TestSupport.h"
#include "document/ProjectDocument.h"
#include "training/DataSetPreview.h"
#include "training/DesignFitBar.h"
#include "training/ImageFolderPreview.h"
#include "training/ImageOptionRows.h"
#include "training/TrainingPanel.h"
#include "training/TrainingSettingsForm.h"

#include "ImageSamples.h"

#include <neurite/DataFit.h>
#include <neurite/ProjectFile.h>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace neurite;
using namespace neurite::ui;

namespace {

// The classes and the colour each one's images lean to.
const char* const kClasses[] = {"blue", "green", "red"};
constexpr int kPerClass = 20; // images per class: 15 of 40x36, 4 of 32x32, 1 grey 40x36
constexpr int kImages = 3 * kPerClass;

// A noisy image whose channel `hue` (0 red, 1 green, 2 blue) is bright: easy to learn, not trivial.
QImage colourImage(int width, int height, int hue, std::mt19937& random)
{
    std::uniform_int_distribution<int> noise(0, 90);
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            int rgb[3] = {noise(random), noise(random), noise(random)};
            rgb[hue] += 150;
            image.setPixelColor(x, y, QColor(rgb[0], rgb[1], rgb[2]));
        }
    return image;
}

// DIR/<class>/<n>.png for the three classes.
void writeImageFolder(const QString& dir)
{
    std::mt19937 random(3);
    for (int c = 0; c < 3; ++c) {
        const QString classDir = dir + "/" + kClasses[c];
        QVERIFY(QDir().mkpath(classDir));
        const int hue = c == 0 ? 2 : c == 1 ? 1 : 0;
        for (int i = 0; i < kPerClass; ++i) {
            QImage image = colourImage(i < 15 || i == 19 ? 40 : 32, i < 15 || i == 19 ? 36 : 32, hue, random);
            if (i == 19)
                image = image.convertToFormat(QImage::Format_Grayscale8);
            QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(classDir).arg(i)));
        }
    }
}

} // namespace

class TestImageFolderTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void choosingAFolderShowsEachClassWithItsCounts();
    void aBrokenImageShowsTheEnginesErrorAndTheTabStaysUsable();
    void sizeAndColourReloadAndAreSavedInTheProject();
    void adaptingMakesTheDesignFitAndItTrains();

private:
    // Chooses `folder` in the form and waits for its preview.
    const ImageFolderReport& choose(const QString& folder);

    QTemporaryDir m_dataDir; // the decoded-image cache goes here, not into the user's data directory
    QTemporaryDir m_dir;
    QString m_folder;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<TrainingPanel> m_panel;
};

void TestImageFolderTraining::initTestCase()
{
    QVERIFY(m_dataDir.isValid() && m_dir.isValid());
    qputenv("NEURITE_DATA_DIR", m_dataDir.path().toUtf8());
    render::installImageDecoder();
    m_folder = m_dir.filePath("photos");
    writeImageFolder(m_folder);
}

void TestImageFolderTraining::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_document->setDataFitChecked(true);
    m_panel = std::make_unique<TrainingPanel>(m_document.get());
    // As the window does (Workspace.cpp): a folder's facts are known once the preview has loaded it.
    ProjectDocument* document = m_document.get();
    connect(m_panel->controller(), &TrainingController::dataSetLoaded, document,
            [document](const QString& name, const DataSetHandle& data) {
                DataFacts facts = dataFactsOf(*data);
                facts.name = name.toStdString();
                document->setLoadedData(facts);
            });
}

void TestImageFolderTraining::cleanup()
{
    m_panel.reset();
    m_document.reset();
}

const ImageFolderReport& TestImageFolderTraining::choose(const QString& folder)
{
    ImageFolderPreview* preview = m_panel->dataSetPreview()->imageFolderPreview();
    const ImageReportHandle before = preview->report();
    m_panel->settingsForm()->chooseDataSet(folder);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(preview->report() && preview->report() != before, 30000); }();
    return *preview->report();
}

void TestImageFolderTraining::choosingAFolderShowsEachClassWithItsCounts()
{
    // What the progress bar shows each time the controller reports decoded images.
    QList<int> shown, maxima;
    QProgressBar* bar = m_panel->dataSetPreview()->progressBar();
    connect(m_panel->controller(), &TrainingController::dataSetProgress, this, [&] {
        shown << bar->value();
        maxima << bar->maximum();
    });
    const ImageFolderReport& report = choose(m_folder);
    QVERIFY(!shown.isEmpty());
    qInfo("progress updates: %lld, last %d of %d", qlonglong(shown.size()), shown.last(), maxima.last());
    for (int i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i] >= shown[i - 1]);
    QCOMPARE(shown.last(), kImages);
    QCOMPARE(maxima.last(), kImages);
    QVERIFY(bar->isHidden()); // loaded: the classes replace it

    ImageFolderPreview* preview = m_panel->dataSetPreview()->imageFolderPreview();
    QVERIFY(!preview->isHidden());
    QCOMPARE(preview->classRows(), 3);
    const DataSetHandle data = m_panel->controller()->dataSet();
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(report.classNames[std::size_t(c)], std::string(kClasses[c]));
        const std::size_t train = report.trainCounts[std::size_t(c)], test = report.testCounts[std::size_t(c)];
        QCOMPARE(int(train + test), kPerClass);
        QVERIFY(test > 0);
        // The counts shown are those of the samples really loaded.
        QCOMPARE(std::size_t(std::count(data->train.labels.begin(), data->train.labels.end(), std::uint8_t(c))), train);
        const QString expected = QStringLiteral("%1 · train %2 · test %3").arg(kClasses[c]).arg(train).arg(test);
        QCOMPARE(preview->classRowText(c), expected);
        QCOMPARE(preview->thumbnailCount(c), ImageFolderPreview::kThumbnails);
    }
    // 45 images of 40x36 and 12 grey or colour of 32x32: the most common size, RGB since most have colour.
    QCOMPARE(report.encoding, (ImageEncoding{3, 36, 40}));
    QCOMPARE(report.colourImages, std::size_t(kImages - 3));
    QCOMPARE(report.greyImages, std::size_t(3));
    const QString summary = preview->summaryText();
    QVERIFY2(summary.contains("40×36 (48)") && summary.contains("32×32 (12)"), qPrintable(summary));
    QVERIFY2(summary.contains("57 colour · 3 grey"), qPrintable(summary));
    QVERIFY2(summary.contains("RGB 40×36"), qPrintable(summary));
    // The sidebar offers the folder's options, saying what "from the data" chose.
    TrainingSettingsForm* form = m_panel->settingsForm();
    QVERIFY(!form->imageRows()->sizeBox()->isHidden());
    QCOMPARE(form->imageRows()->sizeBox()->itemText(0), QString("From the data (40×36)"));
    QCOMPARE(form->imageRows()->colourBox()->itemText(0), QString("From the data (RGB)"));
    QVERIFY(!form->testSplitBox()->isHidden());
    // Chosen again, the folder comes from the cache.
    m_panel->settingsForm()->chooseDataSet(QStringLiteral("iris"));
    QTRY_VERIFY_WITH_TIMEOUT(preview->isHidden(), 20000);
    QVERIFY(form->imageRows()->sizeBox()->isHidden());
    QVERIFY(choose(m_folder).fromCache);
    QVERIFY2(preview->summaryText().contains("from the cache"), qPrintable(preview->summaryText()));
}

void TestImageFolderTraining::aBrokenImageShowsTheEnginesErrorAndTheTabStaysUsable()
{
    const QString broken = m_dir.filePath("broken");
    QVERIFY(QDir().mkpath(broken + "/a") && QDir().mkpath(broken + "/b"));
    std::mt19937 random(5);
    QVERIFY(colourImage(8, 8, 0, random).save(broken + "/a/fine.png"));
    QVERIFY(colourImage(8, 8, 1, random).save(broken + "/b/fine.png"));
    QFile text(broken + "/b/notes.png");
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("these are notes, not a picture\n");
    text.close();

    m_panel->settingsForm()->chooseDataSet(broken);
    DataSetPreview* preview = m_panel->dataSetPreview();
    QTRY_VERIFY_WITH_TIMEOUT(preview->messageText().contains("notes.png"), 20000);
    qInfo("%s", qPrintable(preview->messageText()));
    QVERIFY(preview->imageFolderPreview()->isHidden());
    QVERIFY(!m_panel->startButton()->isEnabled());
    // The tab stays usable: another folder loads.
    choose(m_folder);
    QVERIFY(!preview->imageFolderPreview()->isHidden());
}

void TestImageFolderTraining::sizeAndColourReloadAndAreSavedInTheProject()
{
    choose(m_folder);
    TrainingSettingsForm* form = m_panel->settingsForm();
    ImageFolderPreview* preview = m_panel->dataSetPreview()->imageFolderPreview();
    ImageReportHandle before = preview->report();
    QComboBox* size = form->imageRows()->sizeBox();
    size->setCurrentIndex(size->findData(QSize(32, 32)));
    QTRY_VERIFY_WITH_TIMEOUT(preview->report() != before, 20000);
    QCOMPARE(preview->report()->encoding, (ImageEncoding{3, 32, 32}));
    before = preview->report();
    QComboBox* colour = form->imageRows()->colourBox();
    colour->setCurrentIndex(colour->findData(1));
    QTRY_VERIFY_WITH_TIMEOUT(preview->report() != before, 20000);
    QCOMPARE(preview->report()->encoding, (ImageEncoding{1, 32, 32}));
    before = preview->report();
    form->testSplitBox()->setValue(0.25);
    QTRY_VERIFY_WITH_TIMEOUT(preview->report() != before, 20000);
    QCOMPARE(preview->report()->testCounts[0], std::size_t(5));
    QCOMPARE(m_document->settings().image, (ImageSettings{32, 32, 1, 0.25f}));

    m_document->newDesign(test::chainSpec(1024, {test::dense("out", 3, "softmax")}));
    const QString path = m_dir.filePath("images.neurite");
    m_document->save(path);
    const Project project = loadProject(path.toStdString());
    QCOMPARE(project.settings.dataSet, m_folder.toStdString());
    QCOMPARE(project.settings.image, (ImageSettings{32, 32, 1, 0.25f}));
    // Reopened, the form and the preview read the folder the same way.
    ProjectDocument reopened;
    TrainingPanel panel(&reopened);
    reopened.loadProject(project, path);
    QCOMPARE(panel.settingsForm()->settings().image, project.settings.image);
    QCOMPARE(panel.settingsForm()->imageRows()->sizeBox()->currentData().toSize(), QSize(32, 32));
    QCOMPARE(panel.settingsForm()->testSplitBox()->value(), 0.25);
}

void TestImageFolderTraining::adaptingMakesTheDesignFitAndItTrains()
{
    m_document->newDesign(test::chainSpec(784, {test::dense("hidden", 16, "relu"), test::dense("out", 10, "softmax")}));
    choose(m_folder);
    DesignFitBar* bar = m_panel->designFitBar();
    QTRY_VERIFY(!bar->isHidden());
    QVERIFY2(bar->problemsText().contains("photos"), qPrintable(bar->problemsText()));
    QVERIFY(!m_document->validation().ok()); // the Problems list says the same
    QVERIFY(!m_panel->startButton()->isEnabled());
    QTest::mouseClick(bar->adaptButton(), Qt::LeftButton);
    QVERIFY(bar->isHidden());
    QVERIFY(m_document->validation().ok());
    const NetworkSpec spec = m_document->spec(); // a value: spec() builds it from the graph
    const LayerSpec* input = spec.find("input");
    QCOMPARE(input->number("channels", 0), 3.0);
    QCOMPARE(input->number("height", 0), 36.0);
    QCOMPARE(input->number("width", 0), 40.0);
    QCOMPARE(m_document->spec().find("out")->number("units", 0), 3.0);

    TrainingSettings settings = m_document->settings();
    settings.epochs = 15;
    settings.batchSize = 8;
    settings.optimizer.learningRate = 0.003f;
    m_document->setSettings(settings);
    QTest::mouseClick(m_panel->startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->lastOutcome().has_value(), 120000);
    QVERIFY(m_panel->controller()->waitUntilIdle(10000));
    qInfo("three colour classes, test accuracy in the GUI: %.4f", m_panel->testAccuracy());
    QVERIFY2(m_panel->testAccuracy() >= 0.9, qPrintable(QString::number(m_panel->testAccuracy())));
    QCOMPARE(m_document->dataSchema()->kind, DataSchema::Kind::Images);
    QCOMPARE(m_document->dataSchema()->image, (ImageEncoding{3, 36, 40}));
    // One step of the undo stack takes the adaptation back.
    m_document->undoStack()->undo();
    QCOMPARE(m_document->spec().find("out")->number("units", 0), 10.0);
}

QTEST_MAIN(TestImageFolderTraining)
#include "tst_imagefoldertraining.moc"
