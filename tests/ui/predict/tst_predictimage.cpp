// The Predict tab for a model trained on a folder of images: the image area replaces the digit canvas; an
// image file opened, dropped on it or pasted predicts what the engine predicts for that file (loadImageFile
// with the model's stored encoding, then Network::predictOne) and shows the resized input the network sees;
// choosing a digit model brings the canvas back.
#include "TestSupport.h"
#include "charts/ProbabilityChart.h"
#include "predict/DigitCanvas.h"
#include "predict/ImageDropArea.h"
#include "predict/NetworkInputView.h"
#include "predict/PredictPanel.h"

#include "ImageSamples.h"

#include <neurite/DesignForData.h>
#include <neurite/ImageFolder.h>
#include <neurite/Trainer.h>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <cmath>
#include <random>

using namespace neurite;
using namespace neurite::ui;

namespace {

// A 30x20 image of noise over a bright channel `hue` (0 red, 1 green); two classes in DIR/<class>/.
QImage hueImage(int hue, std::mt19937& random)
{
    std::uniform_int_distribution<int> noise(0, 100);
    QImage image(30, 20, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            int rgb[3] = {noise(random), noise(random), noise(random)};
            rgb[hue] += 150;
            image.setPixelColor(x, y, QColor(rgb[0], rgb[1], rgb[2]));
        }
    return image;
}

void writeFolder(const QString& dir)
{
    std::mt19937 random(11);
    for (int hue = 0; hue < 2; ++hue) {
        const QString classDir = dir + (hue == 0 ? "/red" : "/green");
        QVERIFY(QDir().mkpath(classDir));
        for (int i = 0; i < 12; ++i)
            QVERIFY(hueImage(hue, random).save(QStringLiteral("%1/%2.png").arg(classDir).arg(i)));
    }
}

// What the engine predicts for the file: its own decoding with the model's encoding.
std::vector<float> enginePrediction(Network& network, const QString& path, const ImageEncoding& encoding)
{
    const std::vector<std::uint8_t> sample = loadImageFile(path.toStdString(), encoding);
    std::vector<float> input(sample.size()), output(std::size_t(network.outputSize()));
    for (std::size_t i = 0; i < sample.size(); ++i)
        input[i] = float(sample[i]) * kPixelScale;
    network.predictOne(input.data(), output.data());
    return output;
}

} // namespace

class TestPredictImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void anOpenedFilePredictsAsTheEngine();
    void aDroppedFileAndAPastedImagePredict();
    void aDigitModelBringsTheCanvasBack();

private:
    void compareWithEngine(const PredictPanel& panel, const QString& path);

    QTemporaryDir m_dataDir;
    QTemporaryDir m_dir;
    QString m_folder;
    Dataset m_data;
    std::shared_ptr<Network> m_network;
    std::unique_ptr<Network> m_reference; // the same weights, for the engine's side
};

void TestPredictImage::initTestCase()
{
    QVERIFY(m_dataDir.isValid() && m_dir.isValid());
    qputenv("NEURITE_DATA_DIR", m_dataDir.path().toUtf8());
    render::installImageDecoder();
    m_folder = m_dir.filePath("hues");
    writeFolder(m_folder);
    DataOptions options;
    options.imageRows = 16; // not the files' 30x20: the area must show the resized input
    options.imageCols = 24;
    m_data = loadImageFolder(m_folder.toStdString(), options);
    QCOMPARE(m_data.schema.kind, DataSchema::Kind::Images);
    QCOMPARE(m_data.schema.image, (ImageEncoding{3, 16, 24}));
    m_network = std::make_shared<Network>(adaptDesignToData(designForData(m_data), m_data), 2);
    TrainingSettings settings;
    settings.epochs = 5;
    settings.batchSize = 4;
    train(*m_network, m_data, settings);
    m_reference = std::make_unique<Network>(adaptDesignToData(designForData(m_data), m_data));
    m_reference->setWeights(m_network->weights());
}

void TestPredictImage::compareWithEngine(const PredictPanel& panel, const QString& path)
{
    const std::vector<float> expected = enginePrediction(*m_reference, path, m_data.schema.image);
    const std::vector<float> shown = panel.currentProbabilities();
    QCOMPARE(shown.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(shown[i] - expected[i]) < 1e-6f,
                 qPrintable(QStringLiteral("%1 vs %2").arg(shown[i]).arg(expected[i])));
}

void TestPredictImage::anOpenedFilePredictsAsTheEngine()
{
    PredictPanel panel;
    panel.setSchema(m_data.schema);
    panel.setModel(m_network, "hues", std::nan(""), {"green", "red"});
    QVERIFY(panel.showsImageArea());
    QVERIFY(panel.imageArea()->isVisibleTo(&panel));
    QVERIFY(!panel.canvas()->isVisibleTo(&panel));
    QVERIFY(panel.currentProbabilities().empty()); // nothing opened yet

    const QString path = m_folder + "/red/3.png";
    QVERIFY(panel.openImageFile(path));
    compareWithEngine(panel, path);
    QCOMPARE(panel.imageArea()->image().size(), QSize(30, 20)); // the picture as it is
    // The input view shows what the network sees: the engine's decoding, 24x16, in colour.
    const std::vector<std::uint8_t> sample = loadImageFile(path.toStdString(), m_data.schema.image);
    QCOMPARE(panel.inputView()->inputImage(), render::qImageFromSample(sample.data(), m_data.schema.image));
    QCOMPARE(int(panel.currentInput().size()), 3 * 16 * 24);
    QCOMPARE(panel.chart()->classNames(), (QStringList{"green", "red"}));
    QCOMPARE(panel.predictedClass(), 1); // a red image
    QVERIFY2(panel.statusText().contains("3.png"), qPrintable(panel.statusText()));
    // The saliency overlay is the network input's size (channels summed), over the picture as well.
    panel.updateSaliency();
    QCOMPARE(panel.explainedClass(), 1);
    QCOMPARE(panel.saliencyOverlay().size(), QSize(24, 16));
    QCOMPARE(panel.imageArea()->overlay().size(), QSize(24, 16));
    QCOMPARE(panel.inputView()->overlay().size(), QSize(24, 16));

    // A file that is not an image says so and keeps the window usable.
    const QString notes = m_dir.filePath("notes.png");
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a picture");
    file.close();
    QVERIFY(!panel.openImageFile(notes));
    QVERIFY2(panel.statusText().contains("notes.png"), qPrintable(panel.statusText()));
}

void TestPredictImage::aDroppedFileAndAPastedImagePredict()
{
    PredictPanel panel;
    panel.setSchema(m_data.schema);
    panel.setModel(m_network, "hues", std::nan(""), {"green", "red"});
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QString path = m_folder + "/green/5.png";
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.imageArea(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.imageArea(), &drop);
    QCOMPARE(panel.imageArea()->image().size(), QSize(30, 20));
    QVERIFY2(panel.statusText().contains("5.png"), qPrintable(panel.statusText()));
    compareWithEngine(panel, path);
    QCOMPARE(panel.predictedClass(), 0);

    // Pasted with Ctrl+V: the clipboard's image goes through the same conversion as the decoder's.
    const QImage red(m_folder + "/red/7.png");
    QGuiApplication::clipboard()->setImage(red);
    panel.imageArea()->clear();
    panel.activateWindow();
    panel.imageArea()->setFocus();
    QTest::keyClick(panel.imageArea(), Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY(!panel.imageArea()->image().isNull());
    QVERIFY2(panel.statusText().contains("pasted"), qPrintable(panel.statusText()));
    compareWithEngine(panel, m_folder + "/red/7.png");
    QCOMPARE(panel.predictedClass(), 1);
}

void TestPredictImage::aDigitModelBringsTheCanvasBack()
{
    PredictPanel panel;
    panel.setSchema(m_data.schema);
    panel.setModel(m_network, "hues", std::nan(""), {"green", "red"});
    QVERIFY(panel.showsImageArea());
    DataSchema digits; // grey 28x28 images: the canvas
    auto digitModel = std::make_shared<Network>(test::chainSpec(784, {test::dense("out", 10, "softmax")}));
    panel.setSchema(digits);
    panel.setModel(digitModel, "digits", std::nan(""), {});
    QVERIFY(!panel.showsImageArea());
    QVERIFY(!panel.imageArea()->isVisibleTo(&panel));
    QVERIFY(panel.canvas()->isVisibleTo(&panel));
    // And back: the image model's view again.
    panel.setSchema(m_data.schema);
    panel.setModel(m_network, "hues", std::nan(""), {"green", "red"});
    QVERIFY(panel.imageArea()->isVisibleTo(&panel));
}

QTEST_MAIN(TestPredictImage)
#include "tst_predictimage.moc"
