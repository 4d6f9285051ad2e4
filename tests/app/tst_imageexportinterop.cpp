// A model trained on an RGB image folder, exported to ONNX and run by an independent reader: OpenCV reads
// the raw image file (cv2.imread, BGR to RGB), resizes it (cv2.resize, INTER_AREA), scales it by 1/255 and
// runs the ONNX model through cv2.dnn; its probabilities must match `neurite predict` on the same file.
// The decoder's resize itself is compared with cv2.resize, pixel by pixel, within a tolerance.
#include "ImageFolderFixture.h"
#include "ImageSamples.h"
#include "ProcessRun.h"
#include "neurite/ImageFolder.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using neurite::test::ProcessRun;
using neurite::test::runNeurite;

namespace {

const char* const kPython = "/usr/bin/python3";

// Prints the model's probabilities for the image, then the resized RGB bytes (CHW) that went in.
const char* const kOpenCvScript = R"PY(
import sys
import numpy as np
import cv2
model, image, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
bgr = cv2.imread(image, cv2.IMREAD_COLOR)
rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
resized = cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA)
chw = np.ascontiguousarray(resized.transpose(2, 0, 1))
if model == "-":  # only the resize
    print("")
else:
    net = cv2.dnn.readNetFromONNX(model)
    net.setInput(chw[np.newaxis].astype(np.float32) / 255.0)
    print(" ".join(f"{p:.6f}" for p in net.forward()[0]))
print(" ".join(str(v) for v in chw.reshape(-1)))
)PY";

QStringList runOpenCv(const QStringList& args)
{
    QProcess p;
    p.start(kPython, QStringList{"-c", kOpenCvScript} + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning("%s", p.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).split('\n');
}

// An RGB picture of `width` x `height` with smooth gradients and a few sharp edges, saved as PNG.
QString writePicture(const QString& path, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor(255 * x / width, 255 * y / height, (x / 7 + y / 5) % 2 ? 220 : 30));
    image.save(path, "PNG");
    return path;
}

} // namespace

class TestImageExportInterop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { neurite::render::installImageDecoder(); }

    void theDecodersResizeMatchesOpenCvInterArea()
    {
        QTemporaryDir dir;
        const QString picture = writePicture(dir.filePath("gradient.png"), 45, 37);
        const QStringList lines = runOpenCv({"-", picture, "28", "24"});
        QVERIFY2(lines.size() >= 2, "python3-opencv failed (see the warning above)");
        const QStringList reference = lines[1].split(' ');
        const std::vector<std::uint8_t> ours = neurite::loadImageFile(picture.toStdString(), {3, 24, 28});
        QCOMPARE(qsizetype(ours.size()), reference.size());
        double sum = 0, worst = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            const double difference = std::abs(double(ours[i]) - reference[qsizetype(i)].toDouble());
            sum += difference;
            worst = std::max(worst, difference);
        }
        qInfo("resize 45x37 -> 28x24 against cv2 INTER_AREA: mean |difference| %.3f, largest %.0f", sum / ours.size(),
              worst);
        // Both average the covered source pixels; they differ only in rounding.
        QVERIFY(sum / double(ours.size()) < 1.0);
        QVERIFY(worst <= 2);
    }

    void onnxThroughOpenCvMatchesPredict()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("rgb");
        // Three tinted classes of the fixture (28x28 PNGs, grey and RGB, 40x36 JPEGs), read as RGB at 28x24.
        neurite::test::writeFashionClasses(folder, {{"trouser", 1}, {"sandal", 5}, {"bag", 8}}, 45);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("NEURITE_DATA_DIR", dir.filePath("data"));
        const QString model = dir.filePath("rgb.neurite"), onnx = dir.filePath("rgb.onnx");
        const ProcessRun trained = runNeurite({"train", "--data", folder, "--channels", "rgb", "--image-size", "28x24",
                                               "--epochs", "3", "--out", model},
                                              env);
        QVERIFY2(trained.status == 0, qPrintable(trained.err));
        const ProcessRun exported = runNeurite({"export", model, "--format", "onnx", "--out", onnx}, env);
        QVERIFY2(exported.status == 0, qPrintable(exported.err));

        double largest = 0;
        for (const QString& file : {writePicture(dir.filePath("picture.png"), 45, 37), folder + "/sandal/img0002.png",
                                    folder + "/bag/img0001.jpg"}) {
            const QStringList lines = runOpenCv({onnx, file, "28", "24"});
            QVERIFY2(lines.size() >= 2, "cv2.dnn failed (see the warning above)");
            const QStringList opencv = lines[0].split(' ');
            const ProcessRun predicted = runNeurite({"predict", model, file}, env);
            QVERIFY2(predicted.status == 0, qPrintable(predicted.err));
            // "  bag  0.1234" lines, most likely first: read them back into class order.
            const QStringList classes = {"bag", "sandal", "trouser"};
            QCOMPARE(opencv.size(), classes.size());
            for (int c = 0; c < classes.size(); ++c) {
                const QRegularExpression line("^  " + classes[c] + "  ([0-9.]+)$", QRegularExpression::MultilineOption);
                const double ours = line.match(predicted.out).captured(1).toDouble();
                const double theirs = opencv[c].toDouble();
                largest = std::max(largest, std::abs(ours - theirs));
                QVERIFY2(std::abs(ours - theirs) < 0.01,
                         qPrintable(file + " " + classes[c] + ": " + QString::number(ours) + " vs " +
                                    QString::number(theirs)));
            }
            qInfo("%s: neurite predict says %s", qPrintable(QFileInfo(file).fileName()),
                  qPrintable(predicted.out.section('\n', 0, 0)));
        }
        qInfo("largest difference between the probabilities of predict and of OpenCV: %.4f", largest);
    }
};

QTEST_GUILESS_MAIN(TestImageExportInterop)
#include "tst_imageexportinterop.moc"
