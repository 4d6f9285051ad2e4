// Tests for DigitCanvas: strokes, undo/clear, mouse, tablet, throttling, drops, and the full canvas path
// (an MNIST test image upscaled onto the canvas and preprocessed back) against plain predictions.
#include <QtTest>

#include <QMimeData>
#include <QPainter>
#include <QPointingDevice>
#include <QTabletEvent>
#include <QTemporaryDir>

#include "predict/DigitCanvas.h"
#include "ImagePreprocessing.h"
#include "QuickMnistModel.h"

#include "neurite/DigitPreprocessing.h"

using namespace neurite;
using neurite::ui::DigitCanvas;

namespace {

constexpr int kSize = DigitCanvas::kImageSize;

int pixel(const GreyImage& image, int x, int y)
{
    return image.pixels[std::size_t(y) * image.width + x];
}

long inkSum(const GreyImage& image)
{
    long sum = 0;
    for (std::uint8_t p : image.pixels)
        sum += p;
    return sum;
}

int argmax(const std::vector<float>& v)
{
    return int(std::max_element(v.begin(), v.end()) - v.begin());
}

void sendTablet(QWidget* w, QEvent::Type type, QPointF pos)
{
    QTabletEvent event(type, QPointingDevice::primaryPointingDevice(), pos, w->mapToGlobal(pos), 0.5, 0, 0, 0, 0, 0,
                       Qt::NoModifier, type == QEvent::TabletRelease ? Qt::NoButton : Qt::LeftButton,
                       type == QEvent::TabletRelease ? Qt::NoButton : Qt::LeftButton);
    QApplication::sendEvent(w, &event);
}

} // namespace

class TestDigitCanvas : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsEmptyAndBlack();
    void strokeIsThickRoundAndAntialiased();
    void undoRemovesTheLastStroke();
    void clearEmptiesTheCanvas();
    void penWidthIsClampedAndUsed();
    void mouseDrawsWhereThePointerGoes();
    void tabletDrawsOneStroke();
    void strokeChangedIsThrottled();
    void setImageFillsTheCanvas();
    void dropsOfImageFilesAreReported();
    void fullCanvasPathKeepsMnistPredictions();
};

void TestDigitCanvas::startsEmptyAndBlack()
{
    DigitCanvas canvas;
    QVERIFY(canvas.isEmpty());
    const GreyImage image = canvas.image();
    QCOMPARE(image.width, kSize);
    QCOMPARE(image.height, kSize);
    QCOMPARE(inkSum(image), 0L);
    QVERIFY(!preprocessDigit(image));
}

// A horizontal stroke of width 40 at y = 200.5: full ink on the line, its edges at 180.5 and 220.5 cut
// pixel rows 180 and 220 in half (grey), nothing beyond; the round cap reaches 20 px past the end point.
void TestDigitCanvas::strokeIsThickRoundAndAntialiased()
{
    DigitCanvas canvas;
    canvas.setPenWidth(40);
    QSignalSpy finished(&canvas, &DigitCanvas::strokeFinished);
    canvas.addStroke({{100, 200.5}, {300, 200.5}});
    QCOMPARE(finished.count(), 1);
    QCOMPARE(canvas.strokeCount(), 1);
    const GreyImage image = canvas.image();
    QCOMPARE(pixel(image, 200, 200), 255);
    QCOMPARE(pixel(image, 200, 183), 255);
    QCOMPARE(pixel(image, 200, 176), 0);
    QCOMPARE(pixel(image, 200, 224), 0);
    int greys = 0;
    for (int y = 170; y < 230; ++y)
        greys += pixel(image, 200, y) > 0 && pixel(image, 200, y) < 255;
    QVERIFY2(greys >= 1 && greys <= 4, qPrintable(QString("%1 grey pixels across the edge").arg(greys)));
    QCOMPARE(pixel(image, 315, 200), 255); // inside the round cap
    QCOMPARE(pixel(image, 315, 215), 0);   // a square cap would cover this corner
    QCOMPARE(pixel(image, 325, 200), 0);
}

void TestDigitCanvas::undoRemovesTheLastStroke()
{
    DigitCanvas canvas;
    canvas.addStroke({{100, 100}, {300, 120}});
    const GreyImage one = canvas.image();
    canvas.addStroke({{150, 300}, {200, 50}, {260, 300}});
    QVERIFY(canvas.image().pixels != one.pixels);
    QSignalSpy replaced(&canvas, &DigitCanvas::drawingReplaced);
    canvas.undo();
    QCOMPARE(replaced.count(), 1);
    QCOMPARE(canvas.strokeCount(), 1);
    QCOMPARE(canvas.image().pixels, one.pixels);
    canvas.undo();
    QVERIFY(canvas.isEmpty());
    QCOMPARE(inkSum(canvas.image()), 0L);
    canvas.undo(); // nothing left: no change, no signal
    QCOMPARE(replaced.count(), 2);
}

void TestDigitCanvas::clearEmptiesTheCanvas()
{
    DigitCanvas canvas;
    canvas.addStroke({{100, 100}, {300, 300}});
    canvas.addStroke({{300, 100}, {100, 300}});
    QSignalSpy replaced(&canvas, &DigitCanvas::drawingReplaced);
    canvas.clear();
    QCOMPARE(replaced.count(), 1);
    QVERIFY(canvas.isEmpty());
    QCOMPARE(inkSum(canvas.image()), 0L);
}

void TestDigitCanvas::penWidthIsClampedAndUsed()
{
    DigitCanvas canvas;
    QCOMPARE(canvas.penWidth(), DigitCanvas::kDefaultPenWidth);
    canvas.setPenWidth(1000);
    QCOMPARE(canvas.penWidth(), DigitCanvas::kMaxPenWidth);
    canvas.setPenWidth(0);
    QCOMPARE(canvas.penWidth(), DigitCanvas::kMinPenWidth);

    canvas.setPenWidth(10);
    canvas.addStroke({{50, 200}, {350, 200}});
    const long thin = inkSum(canvas.image());
    canvas.clear();
    canvas.setPenWidth(40);
    canvas.addStroke({{50, 200}, {350, 200}});
    const long thick = inkSum(canvas.image());
    // Ink area is about length * width + a round cap: 300*40 + pi*20^2 vs 300*10 + pi*5^2.
    const double ratio = double(thick) / double(thin);
    QVERIFY2(ratio > 3.5 && ratio < 4.5, qPrintable(QString("ratio %1").arg(ratio)));
}

// The widget is shown at 224 x 224 (half the image size): widget (56, 112) is image (112, 224).
void TestDigitCanvas::mouseDrawsWhereThePointerGoes()
{
    DigitCanvas canvas;
    canvas.resize(224, 224);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QCOMPARE(canvas.toImage(QPointF(56, 112)), QPointF(112, 224));
    QSignalSpy finished(&canvas, &DigitCanvas::strokeFinished);
    QTest::mousePress(&canvas, Qt::LeftButton, {}, QPoint(56, 112));
    for (int x = 60; x <= 168; x += 12)
        QTest::mouseMove(&canvas, QPoint(x, 112));
    QVERIFY(canvas.isDrawing());
    QTest::mouseRelease(&canvas, Qt::LeftButton, {}, QPoint(168, 112));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!canvas.isDrawing());
    const GreyImage image = canvas.image();
    QCOMPARE(pixel(image, 112, 224), 255);
    QCOMPARE(pixel(image, 224, 224), 255);
    QCOMPARE(pixel(image, 336, 224), 255);
    QCOMPARE(pixel(image, 224, 100), 0);
    QCOMPARE(pixel(image, 400, 224), 0);
}

void TestDigitCanvas::tabletDrawsOneStroke()
{
    DigitCanvas canvas;
    canvas.resize(448, 448);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy finished(&canvas, &DigitCanvas::strokeFinished);
    sendTablet(&canvas, QEvent::TabletPress, QPointF(200, 100));
    for (int y = 110; y <= 300; y += 10)
        sendTablet(&canvas, QEvent::TabletMove, QPointF(200, y));
    sendTablet(&canvas, QEvent::TabletRelease, QPointF(200, 300));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(canvas.strokeCount(), 1);
    QCOMPARE(pixel(canvas.image(), 200, 200), 255);
    QCOMPARE(pixel(canvas.image(), 100, 200), 0);
}

// A stroke delivered at once gets one strokeChanged at its start (and one more per 33 ms it takes), none
// after it ended; a stroke drawn over ~400 ms gets about 30 a second, never more than one per 33 ms.
void TestDigitCanvas::strokeChangedIsThrottled()
{
    DigitCanvas canvas;
    QSignalSpy changed(&canvas, &DigitCanvas::strokeChanged);
    QList<QPointF> points;
    for (int i = 0; i < 200; ++i)
        points << QPointF(50 + i, 100 + i);
    QElapsedTimer whole;
    whole.start();
    canvas.addStroke(points);
    const int atOnce = int(changed.count());
    QVERIFY(atOnce >= 1 && atOnce <= whole.elapsed() / DigitCanvas::kChangeIntervalMs + 1);
    QTest::qWait(60);
    QCOMPARE(changed.count(), atOnce); // a pending change is dropped when the stroke finishes

    changed.clear();
    canvas.resize(448, 448);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QElapsedTimer clock;
    clock.start();
    QTest::mousePress(&canvas, Qt::LeftButton, {}, QPoint(40, 40));
    for (int i = 1; i <= 40; ++i) {
        QTest::mouseMove(&canvas, QPoint(40 + 8 * i, 40 + 5 * i));
        QTest::qWait(10);
    }
    const qint64 elapsed = clock.elapsed();
    const int count = int(changed.count());
    QTest::mouseRelease(&canvas, Qt::LeftButton, {}, QPoint(360, 240));
    qInfo("%d strokeChanged signals in %lld ms of drawing", count, elapsed);
    QVERIFY(count >= 3);
    QVERIFY(count <= elapsed / DigitCanvas::kChangeIntervalMs + 2);
}

void TestDigitCanvas::setImageFillsTheCanvas()
{
    DigitCanvas canvas;
    // A 28 x 28 image with one white 4 x 4 block in its middle: scaled 16x it covers about 64 x 64.
    GreyImage small{28, 28, std::vector<std::uint8_t>(784, 0)};
    for (int y = 12; y < 16; ++y)
        for (int x = 12; x < 16; ++x)
            small.pixels[std::size_t(y) * 28 + x] = 255;
    QSignalSpy replaced(&canvas, &DigitCanvas::drawingReplaced);
    canvas.setImage(small);
    QCOMPARE(replaced.count(), 1);
    QVERIFY(!canvas.isEmpty());
    QCOMPARE(pixel(canvas.image(), 224, 224), 255);
    QCOMPARE(pixel(canvas.image(), 100, 100), 0);
    // Strokes go on top; Undo removes them first, then the image.
    canvas.addStroke({{20, 20}, {60, 60}});
    canvas.undo();
    QCOMPARE(pixel(canvas.image(), 40, 40), 0);
    QCOMPARE(pixel(canvas.image(), 224, 224), 255);
    canvas.undo();
    QVERIFY(canvas.isEmpty());

    // A canvas-sized image is taken over byte for byte.
    GreyImage full{kSize, kSize, std::vector<std::uint8_t>(std::size_t(kSize) * kSize)};
    for (std::size_t i = 0; i < full.pixels.size(); ++i)
        full.pixels[i] = std::uint8_t(i * 7 % 256);
    canvas.setImage(full);
    QCOMPARE(canvas.image().pixels, full.pixels);
}

void TestDigitCanvas::dropsOfImageFilesAreReported()
{
    QTemporaryDir dir;
    const QString png = dir.filePath("digit.png"), text = dir.filePath("notes.txt");
    QImage image(64, 64, QImage::Format_Grayscale8);
    image.fill(0);
    QVERIFY(image.save(png));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello");
    file.close();

    DigitCanvas canvas;
    canvas.resize(300, 300);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy dropped(&canvas, &DigitCanvas::fileDropped);
    auto drop = [&](const QString& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(150, 150), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&canvas, &enter);
        const bool accepted = enter.isAccepted();
        QDropEvent event(QPointF(150, 150), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&canvas, &event);
        return accepted;
    };
    QVERIFY(drop(png));
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.front().front().toString(), png);
    QVERIFY(!drop(text));
    QCOMPARE(dropped.count(), 1);
}

// Each of 500 MNIST test images is upscaled smoothly onto the canvas (28 -> 448), then preprocessed back
// to 28x28; the network must classify it as it classifies the plain image at least 95% of the time.
void TestDigitCanvas::fullCanvasPathKeepsMnistPredictions()
{
    const auto model = test::quickMnistModel("mlp", 3);
    if (!model)
        QSKIP("mnist-10k has not been prepared (run ./run.sh)");
    qInfo("quick model test accuracy %.4f", model->testAccuracy);
    QVERIFY(model->testAccuracy > 0.85f);
    const SampleSet& test = model->data.test;
    DigitCanvas canvas;
    std::vector<float> plain(784), probs(10);
    int same = 0, count = 0, rightPlain = 0, rightCanvas = 0;
    for (std::size_t i = 0; i < test.count() && count < 500; i += test.count() / 500, ++count) {
        const std::uint8_t* pixels = test.image(i);
        for (int p = 0; p < 784; ++p)
            plain[std::size_t(p)] = float(pixels[p]) * kPixelScale;
        model->network->predictOne(plain.data(), probs.data());
        const int plainClass = argmax(probs);
        canvas.setImage(GreyImage{28, 28, std::vector<std::uint8_t>(pixels, pixels + 784)});
        const auto input = preprocessDigit(canvas.image());
        QVERIFY(input);
        model->network->predictOne(input->data(), probs.data());
        const int canvasClass = argmax(probs);
        same += canvasClass == plainClass;
        rightPlain += plainClass == test.labels[i];
        rightCanvas += canvasClass == test.labels[i];
    }
    qInfo("canvas path agrees with the plain image on %d of %d (plain right %d, canvas right %d)", same, count,
          rightPlain, rightCanvas);
    QCOMPARE(count, 500);
    QVERIFY(same >= 475);
}

QTEST_MAIN(TestDigitCanvas)
#include "tst_digitcanvas.moc"
