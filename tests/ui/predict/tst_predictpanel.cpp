// Tests for PredictPanel: live prediction after strokes, chart / input view / activations agreeing with the
// network, image files (same input as `neurite predict`), random test images, latency, default model,
// and the screenshot for the README.
#include <QtTest>

#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QTemporaryDir>

#include "predict/ActivationView.h"
#include "predict/DefaultModel.h"
#include "predict/DigitCanvas.h"
#include "ImagePreprocessing.h"
#include "predict/NetworkInputView.h"
#include "predict/PredictPanel.h"
#include "charts/ProbabilityChart.h"
#include "BarModel.h"
#include "QuickMnistModel.h"
#include "ErrorCapture.h"

#include "neurite/DigitPreprocessing.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <cmath>

using namespace neurite;
using namespace neurite::ui;
using namespace neurite::render;

namespace {

constexpr int kSide = 28;

// The bar model (tests/support/BarModel.h) with its horizontal bar weighed like the vertical one: class 1
// for a vertical bar, class 4 for a horizontal one, outputs recomputed here as softmax(x . W).
std::shared_ptr<Network> barModel(std::vector<float>* weightsOut = nullptr)
{
    return neurite::test::barModel(0.3f, weightsOut);
}

std::vector<float> softmaxOf(const std::vector<float>& x, const std::vector<float>& w)
{
    std::vector<double> logits(10, 0.0);
    for (int p = 0; p < 784; ++p)
        for (int k = 0; k < 10; ++k)
            logits[std::size_t(k)] += double(x[std::size_t(p)]) * w[std::size_t(p) * 10 + k];
    const double top = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (double& l : logits)
        sum += (l = std::exp(l - top));
    std::vector<float> out;
    for (double l : logits)
        out.push_back(float(l / sum));
    return out;
}

// Drags the mouse through `points` (canvas image coordinates) as a user would.
void drawWithMouse(DigitCanvas* canvas, const QList<QPointF>& points)
{
    const QRectF r = canvas->imageRect();
    auto toWidget = [&](QPointF p) { return (r.topLeft() + p * (r.width() / DigitCanvas::kImageSize)).toPoint(); };
    QTest::mousePress(canvas, Qt::LeftButton, {}, toWidget(points.front()));
    for (qsizetype i = 1; i < points.size(); ++i)
        QTest::mouseMove(canvas, toWidget(points[i]));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, toWidget(points.back()));
}

QList<QPointF> arc(QPointF centre, double rx, double ry, double fromDeg, double toDeg, int steps = 24)
{
    QList<QPointF> points;
    for (int i = 0; i <= steps; ++i) {
        const double t = (fromDeg + (toDeg - fromDeg) * i / steps) * M_PI / 180;
        points << centre + QPointF(rx * std::cos(t), ry * std::sin(t));
    }
    return points;
}

// Handwriting-like strokes for the ten digits on the 448 canvas (y grows downwards).
QList<QList<QPointF>> digitStrokes(int digit)
{
    switch (digit) {
    case 0: return {arc({224, 224}, 95, 150, 0, 360, 36)};
    case 1: return {{{200, 90}, {236, 70}, {236, 380}}};
    case 2: return {arc({224, 160}, 90, 80, 200, 360, 12) + QList<QPointF>{{300, 200}, {140, 370}, {320, 370}}};
    case 3: return {arc({220, 150}, 85, 70, 210, 450, 16) + arc({220, 295}, 95, 80, 270, 510, 16)};
    case 4: return {{{260, 70}, {130, 280}, {330, 280}}, {{270, 170}, {270, 390}}};
    case 5: return {{{310, 80}, {170, 80}, {160, 210}}, arc({220, 290}, 95, 90, 230, 500, 18)};
    case 6: return {QList<QPointF>{{280, 70}, {200, 160}} + arc({225, 290}, 85, 85, 200, 560, 24)};
    case 7: return {{{130, 90}, {320, 90}, {200, 380}}};
    case 8: return {arc({224, 150}, 75, 70, 90, 450, 24) + arc({224, 300}, 90, 80, -90, 270, 24)};
    default: return {arc({220, 160}, 85, 80, 0, 360, 24), {{305, 160}, {290, 390}}};
    }
}

} // namespace

class TestPredictPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutModelNothingIsPredicted();
    void predictsAfterEveryStroke();
    void viewsShowWhatTheNetworkSaw();
    void activationsFollowTheInput();
    void classNamesAndModelText();
    void clearAndUndoUpdateThePrediction();
    void strokeEndToChartLatency();
    void imageFileMatchesTheCanvasAndTheCommandLine();
    void darkOnLightFilesAreInverted();
    void badFilesSayWhy();
    void droppedFileIsPredicted();
    void randomTestImageShowsItsLabel();
    void drawnDigitsAreRecognised();
    void defaultModelLoads();
    void screenshot();
};

void TestPredictPanel::withoutModelNothingIsPredicted()
{
    PredictPanel panel;
    QVERIFY(panel.modelText().contains("No model"));
    panel.canvas()->addStroke({{100, 100}, {300, 300}});
    QVERIFY(panel.currentProbabilities().empty());
    QCOMPARE(panel.chart()->topClass(), -1);
}

void TestPredictPanel::predictsAfterEveryStroke()
{
    std::vector<float> w;
    PredictPanel panel;
    panel.setModel(barModel(&w), "bars", std::nan(""), {});
    QVERIFY(panel.currentProbabilities().empty()); // empty canvas: nothing to predict
    QSignalSpy updated(&panel, &PredictPanel::predictionUpdated);

    panel.canvas()->addStroke({{224, 60}, {224, 390}}); // vertical
    QVERIFY(updated.count() >= 1);
    QCOMPARE(panel.predictedClass(), 1);
    std::vector<float> expected = softmaxOf(panel.currentInput(), w);
    for (int k = 0; k < 10; ++k)
        QVERIFY(std::abs(panel.currentProbabilities()[std::size_t(k)] - expected[std::size_t(k)]) < 1e-5f);

    panel.canvas()->clear();
    panel.canvas()->addStroke({{60, 224}, {390, 224}}); // horizontal
    QCOMPARE(panel.predictedClass(), 4);
    expected = softmaxOf(panel.currentInput(), w);
    QVERIFY(std::abs(panel.currentProbabilities()[4] - expected[4]) < 1e-5f);
    QVERIFY(expected[4] > 0.5f);
}

void TestPredictPanel::viewsShowWhatTheNetworkSaw()
{
    PredictPanel panel;
    panel.setModel(barModel(), "bars", 0.5, {});
    panel.canvas()->addStroke({{150, 100}, {300, 120}, {200, 350}});
    const auto expectedInput = preprocessDigit(panel.canvas()->image());
    QVERIFY(expectedInput);
    QCOMPARE(panel.currentInput(), *expectedInput);

    const QImage seen = panel.inputView()->inputImage();
    QCOMPARE(seen.size(), QSize(28, 28));
    for (int p = 0; p < 784; ++p)
        QCOMPARE(int(seen.constScanLine(p / 28)[p % 28]), int(std::lround(255 * (*expectedInput)[std::size_t(p)])));

    const auto probs = panel.currentProbabilities();
    const int top = panel.predictedClass();
    QCOMPARE(panel.chart()->topClass(), top);
    QVERIFY(panel.chart()->isHighlighted(top));
    for (int k = 0; k < 10; ++k) {
        QCOMPARE(panel.chart()->barValue(k), 100.0 * probs[std::size_t(k)]);
        if (k != top)
            QVERIFY(!panel.chart()->isHighlighted(k));
    }
    QVERIFY2(panel.chart()->titleText().startsWith(QString::number(top)), qPrintable(panel.chart()->titleText()));
    QVERIFY(panel.chart()->titleText().contains(QString::number(100.0 * probs[std::size_t(top)], 'f', 1) + "%"));
}

// The MLP's hidden layers are dense1 and dense2 (dense3 is the class scores in the chart); dense1's 128
// neurons each get a weight tile, lit by its ReLU output relative to the strongest.
void TestPredictPanel::activationsFollowTheInput()
{
    auto network = std::make_shared<Network>(*preset("mlp"), 7);
    PredictPanel panel;
    panel.setModel(network, "random mlp", std::nan(""), {});
    ActivationView* view = panel.activationView();
    QCOMPARE(view->weightLayerId(), QString("dense1"));
    QCOMPARE(view->weightTileCount(), 128);
    QCOMPARE(view->weightTiles().size(), QSize(16 * 29 + 1, 8 * 29 + 1));
    QVERIFY(view->shownLayers().isEmpty());

    // A Dense after convolutions reads features, not pixels, even with 784 of them (16 x 7 x 7): no tiles.
    NetworkSpec cnn = *preset("lenet");
    for (LayerSpec& layer : cnn.layers)
        if (layer.id == "conv1" || layer.id == "conv2") // "same": 28 -> pool 14 -> pool 7
            layer.options["padding"] = std::string("same");
    PredictPanel features;
    features.setModel(std::make_shared<Network>(cnn, 7), "cnn", std::nan(""), {});
    QCOMPARE(validate(cnn).layers.at("flatten").outputShape.size(), 784L);
    QCOMPARE(features.activationView()->weightTileCount(), 0);

    panel.canvas()->addStroke(arc({224, 224}, 100, 150, 0, 360));
    QCOMPARE(view->shownLayers(), QStringList({"dense1", "dense2"}));
    const auto activations = network->activations();
    const auto dense1 = std::find_if(activations.begin(), activations.end(),
                                     [](const LayerActivation& a) { return a.layerId == "dense1"; });
    QVERIFY(dense1 != activations.end());
    const float top = *std::max_element(dense1->values.begin(), dense1->values.end());
    QVERIFY(top > 0);
    const std::vector<float> activity = view->tileActivity();
    QCOMPARE(activity.size(), std::size_t(128));
    for (int i = 0; i < 128; ++i)
        QCOMPARE(activity[std::size_t(i)], std::max(0.0f, dense1->values[std::size_t(i)] / top));

    // The tile of neuron 0 shows its weights: the most positive pixel is the reddest.
    const auto weights = network->weights();
    const auto& w = weights.front();
    QCOMPARE(QString::fromStdString(w.name), QString("dense1.weight"));
    int best = 0;
    for (int p = 1; p < 784; ++p)
        if (w.values[std::size_t(p) * 128] > w.values[std::size_t(best) * 128])
            best = p;
    const QColor c = view->weightTiles().pixelColor(1 + best % 28, 1 + best / 28);
    QVERIFY2(c.red() > 150 && c.blue() < 60, qPrintable(c.name()));

    panel.canvas()->clear();
    QVERIFY(view->shownLayers().isEmpty());
}

void TestPredictPanel::classNamesAndModelText()
{
    PredictPanel panel;
    const QStringList fashion{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    panel.setModel(barModel(), "fashion mlp", 0.8712, fashion);
    QCOMPARE(panel.chart()->classNames(), fashion);
    QVERIFY2(panel.modelText().contains("fashion mlp") && panel.modelText().contains("87.1%"),
             qPrintable(panel.modelText()));
    panel.canvas()->addStroke({{224, 60}, {224, 390}});
    QVERIFY(panel.chart()->titleText().startsWith("Trouser"));

    panel.setModel(barModel(), "no names", std::nan(""), {});
    QCOMPARE(panel.chart()->classNames().front(), QString("0"));
    QCOMPARE(panel.chart()->classNames().back(), QString("9"));
    QVERIFY(panel.modelText().contains("unknown"));
    QCOMPARE(panel.predictedClass(), 1); // a new model predicts the drawing at once
}

void TestPredictPanel::clearAndUndoUpdateThePrediction()
{
    PredictPanel panel;
    panel.setModel(barModel(), "bars", 0.5, {});
    panel.canvas()->addStroke({{224, 60}, {224, 390}});
    panel.canvas()->addStroke({{60, 224}, {390, 224}});
    const auto both = panel.currentProbabilities();
    panel.canvas()->undo();
    QCOMPARE(panel.predictedClass(), 1);
    QVERIFY(panel.currentProbabilities() != both);
    panel.canvas()->clear();
    QVERIFY(panel.currentProbabilities().empty());
    QCOMPARE(panel.chart()->topClass(), -1);
    QVERIFY(panel.inputView()->inputImage().isNull());
}

// From the mouse release that ends a stroke to the chart having its new values and the panel repainted.
void TestPredictPanel::strokeEndToChartLatency()
{
    PredictPanel panel;
    auto network = std::make_shared<Network>(*preset("mlp"), 3);
    panel.setModel(network, "mlp", std::nan(""), {});
    panel.resize(1100, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    DigitCanvas* canvas = panel.canvas();
    const QRectF r = canvas->imageRect();
    const QPoint a = (r.topLeft() + QPointF(0.3 * r.width(), 0.2 * r.height())).toPoint();
    const QPoint b = (r.topLeft() + QPointF(0.6 * r.width(), 0.8 * r.height())).toPoint();

    qint64 worst = 0, total = 0, worstRepaint = 0;
    const int rounds = 10;
    for (int i = 0; i < rounds; ++i) {
        canvas->clear();
        QTest::mousePress(canvas, Qt::LeftButton, {}, a);
        QTest::mouseMove(canvas, b);
        QSignalSpy updated(&panel, &PredictPanel::predictionUpdated);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, b);
        const qint64 predicted = clock.nsecsElapsed();
        QCOMPARE(updated.count(), 1);
        QCOMPARE(panel.chart()->topClass(), panel.predictedClass());
        panel.chart()->repaint(); // the chart drawn with its new bars
        const qint64 repainted = clock.nsecsElapsed();
        worst = std::max(worst, predicted);
        worstRepaint = std::max(worstRepaint, repainted);
        total += predicted;
    }
    qInfo("stroke end -> prediction and chart values: mean %.2f ms, worst %.2f ms; with chart repaint worst %.2f ms",
          total / rounds / 1e6, worst / 1e6, worstRepaint / 1e6);
    QVERIFY(worstRepaint < 200'000'000);

    std::vector<float> input = panel.currentInput(), out(10);
    QElapsedTimer clock;
    clock.start();
    const int n = 20000;
    for (int i = 0; i < n; ++i)
        network->predictOne(input.data(), out.data());
    qInfo("engine inference: %.2f us per sample (reference MLP, predictOne)", clock.nsecsElapsed() / 1e3 / n);
}

// `neurite predict` uses preprocessImageFile; the canvas path is preprocessDigit(canvas image). For a
// canvas-sized file the two must agree exactly, and the panel's Open image must give that same input.
void TestPredictPanel::imageFileMatchesTheCanvasAndTheCommandLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("three.png");
    QImage image(DigitCanvas::kImageSize, DigitCanvas::kImageSize, QImage::Format_RGB32);
    image.fill(Qt::black);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(Qt::white, 34, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath three;
        three.moveTo(140, 100);
        three.cubicTo(300, 40, 330, 200, 200, 220);
        three.cubicTo(350, 240, 320, 420, 130, 360);
        p.drawPath(three);
    }
    QVERIFY(image.save(path));

    std::vector<float> fromFile;
    const QString error = test::errorOf([&] { fromFile = preprocessImageFile(path); });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    DigitCanvas canvas;
    canvas.setImage(greyFromQImage(QImage(path)));
    const auto fromCanvas = preprocessDigit(canvas.image());
    QVERIFY(fromCanvas);
    QCOMPARE(*fromCanvas, fromFile);

    PredictPanel panel;
    auto network = std::make_shared<Network>(*preset("mlp"), 5);
    panel.setModel(network, "mlp", std::nan(""), {});
    QVERIFY(panel.openImageFile(path));
    QCOMPARE(panel.currentInput(), fromFile);
    std::vector<float> probs(10);
    network->predictOne(fromFile.data(), probs.data());
    QCOMPARE(panel.currentProbabilities(), probs);
    QVERIFY(panel.statusText().contains("three.png"));
    QCOMPARE(panel.canvas()->image().pixels, canvas.image().pixels); // the file is shown on the canvas

    // Drawing on top of the opened image makes the canvas the input again.
    panel.canvas()->addStroke({{60, 420}, {400, 420}});
    QVERIFY(panel.currentInput() != fromFile);
}

void TestPredictPanel::darkOnLightFilesAreInverted()
{
    QTemporaryDir dir;
    auto save = [&](const QString& name, bool dark, const char* format) {
        QImage image(300, 360, QImage::Format_RGB32);
        image.fill(dark ? Qt::white : Qt::black);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(dark ? Qt::black : Qt::white, 24, Qt::SolidLine, Qt::RoundCap));
        p.drawEllipse(QPointF(150, 180), 80, 120);
        p.end();
        const QString path = dir.filePath(name);
        image.save(path, format, 95);
        return path;
    };
    const auto light = preprocessImageFile(save("light.png", false, "PNG"));
    const auto dark = preprocessImageFile(save("dark.png", true, "PNG"));
    QVERIFY(!light.empty() && !dark.empty());
    QCOMPARE(dark, light);
    // A JPEG has compression noise: the background is cut by the levels step, the digit stays the same.
    const auto jpeg = preprocessImageFile(save("dark.jpg", true, "JPEG"));
    QVERIFY(!jpeg.empty());
    double diff = 0;
    for (std::size_t i = 0; i < light.size(); ++i)
        diff += std::abs(jpeg[i] - light[i]);
    qInfo("JPEG vs PNG mean absolute difference %.4f", diff / 784);
    QVERIFY(diff / 784 < 0.03);
}

void TestPredictPanel::badFilesSayWhy()
{
    QTemporaryDir dir;
    PredictPanel panel;
    panel.setModel(barModel(), "bars", 0.5, {});
    const QString missing = dir.filePath("missing.png");
    QVERIFY(!panel.openImageFile(missing));
    QVERIFY2(panel.statusText().contains("missing.png"), qPrintable(panel.statusText()));

    const QString blank = dir.filePath("blank.png");
    QImage white(100, 100, QImage::Format_RGB32);
    white.fill(Qt::white);
    QVERIFY(white.save(blank));
    const QString error = test::errorOf([&] { preprocessImageFile(blank); });
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains("blank"), qPrintable(error));
    QVERIFY(!panel.openImageFile(blank));
    QVERIFY(panel.statusText().contains("blank"));
}

void TestPredictPanel::droppedFileIsPredicted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("one.png");
    QImage image(120, 200, QImage::Format_Grayscale8);
    image.fill(0);
    {
        QPainter p(&image);
        p.setPen(QPen(Qt::white, 14, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(60, 20, 60, 180);
    }
    QVERIFY(image.save(path));
    PredictPanel panel;
    panel.setModel(barModel(), "bars", 0.5, {});
    panel.resize(1000, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.canvas(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(panel.canvas(), &drop);
    QVERIFY2(panel.statusText().contains("one.png"), qPrintable(panel.statusText()));
    QCOMPARE(panel.predictedClass(), 1);
    QCOMPARE(panel.currentInput(), preprocessImageFile(path));
}

void TestPredictPanel::randomTestImageShowsItsLabel()
{
    const auto model = test::quickMnistModel("mlp", 3);
    if (!model)
        QSKIP("mnist-10k has not been prepared (run ./run.sh)");
    PredictPanel panel;
    panel.setModel(model->network, "quick mlp", model->testAccuracy, {});
    panel.setDataSetName("mnist-10k");
    QVERIFY(panel.showRandomTestImage());
    QVERIFY2(panel.statusText().contains("true label"), qPrintable(panel.statusText()));
    // The input is one of the test images exactly as stored.
    const std::vector<float> input = panel.currentInput();
    const SampleSet& test = model->data.test;
    bool found = false;
    for (std::size_t i = 0; i < test.count() && !found; ++i) {
        bool same = true;
        for (int p = 0; p < 784 && same; ++p)
            same = float(test.image(i)[p]) * kPixelScale == input[std::size_t(p)];
        if (same) {
            found = true;
            QVERIFY(panel.statusText().contains(QString("true label: <b>%1</b>").arg(test.labels[i])));
        }
    }
    QVERIFY(found);
}

// Digits drawn with the mouse as a user would, recognised by a model trained for a few seconds.
void TestPredictPanel::drawnDigitsAreRecognised()
{
    const auto model = test::quickMnistModel("mlp", 3);
    if (!model)
        QSKIP("mnist-10k has not been prepared (run ./run.sh)");
    PredictPanel panel;
    panel.setModel(model->network, "quick mlp", model->testAccuracy, {});
    panel.resize(1000, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    int right = 0;
    QString seen;
    for (int digit = 0; digit < 10; ++digit) {
        panel.canvas()->clear();
        for (const auto& stroke : digitStrokes(digit))
            drawWithMouse(panel.canvas(), stroke);
        seen += QString::number(panel.predictedClass());
        right += panel.predictedClass() == digit;
    }
    qInfo("drawn 0123456789 predicted as %s", qPrintable(seen));
    QVERIFY2(right >= 8, qPrintable(seen));
}

void TestPredictPanel::defaultModelLoads()
{
    QString where, error;
    const auto project = loadDefaultModel(&where, &error);
    if (!project)
        QSKIP(qPrintable("no default model: " + error));
    qInfo("default model from %s", qPrintable(where));
    QVERIFY(project->weights);
    PredictPanel panel;
    QVERIFY(panel.setModelFromProject(*project, "default MNIST"));
    QVERIFY2(panel.modelText().contains("default MNIST"), qPrintable(panel.modelText()));
    QVERIFY(!std::isnan(project->history.testAccuracy));
    QVERIFY(panel.modelText().contains(QString::number(100.0 * project->history.testAccuracy, 'f', 1) + "%"));
    for (int digit : {0, 1, 7}) {
        panel.canvas()->clear();
        for (const auto& stroke : digitStrokes(digit))
            panel.canvas()->addStroke(stroke);
        QCOMPARE(panel.predictedClass(), digit);
    }
}

// Renders the panel as a user would see it; with NEURITE_SCREENSHOT_DIR set, saves predict.png there.
void TestPredictPanel::screenshot()
{
    PredictPanel panel;
    const auto project = loadDefaultModel();
    const auto quick = project ? std::nullopt : test::quickMnistModel("mlp", 3);
    if (project)
        panel.setModelFromProject(*project, "Default MNIST MLP (784-128-64-10)");
    else if (quick)
        panel.setModel(quick->network, "quick mlp", quick->testAccuracy, {});
    else
        QSKIP("neither the default model nor mnist-10k is available");
    panel.resize(1100, 860);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    for (const auto& stroke : digitStrokes(3))
        drawWithMouse(panel.canvas(), stroke);
    QCOMPARE(panel.predictedClass(), 3);
    QTest::qWait(50);
    const QPixmap shot = panel.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("NEURITE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(shot.save(QDir(dir).filePath("predict.png")));
        qInfo("saved %s", qPrintable(QDir(dir).filePath("predict.png")));
    }
}

QTEST_MAIN(TestPredictPanel)
#include "tst_predictpanel.moc"
