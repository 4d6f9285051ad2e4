// Image folders on the command line as a user meets them: train --data DIR picks a CNN and prints the load
// report (classes, sizes, encoding, cache), predict on a raw image file equals the network on the loaded
// sample, eval reads the folder with the model's encoding, and every bad folder exits with status 1 and a
// message naming the folder or image.
#include "ImageFolderFixture.h"
#include "ImageSamples.h"
#include "ProcessRun.h"
#include "neurite/Dataset.h"
#include "neurite/ImageFolder.h"
#include "neurite/ProjectFile.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using neurite::test::ProcessRun;
using neurite::test::runNeurite;

namespace {

// The probabilities `neurite predict` printed for one image, by class name ("  Bag 👜  0.1234").
std::map<QString, double> printedProbabilities(const QString& out)
{
    std::map<QString, double> probabilities;
    const QRegularExpression line(R"(^  (.+)  ([0-9.]+)$)", QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto match = it.next();
        probabilities[match.captured(1)] = match.captured(2).toDouble();
    }
    return probabilities;
}

} // namespace

class TestImageCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_folder;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    ProcessRun neurite(const QStringList& args) const { return runNeurite(args, m_env); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("NEURITE_BINARY").isEmpty());
        neurite::render::installImageDecoder();
        m_env.insert("NEURITE_DATA_DIR", m_dir.filePath("data"));
        m_folder = m_dir.filePath("clothes");
        neurite::test::writeFashionClasses(m_folder, neurite::test::fashionClasses(), 60);
    }

    void trainReportsTheFolderAndPredictAgrees()
    {
        const QString model = m_dir.filePath("clothes.neurite");
        const ProcessRun first = neurite({"train", "--data", m_folder, "--epochs", "3", "--out", model});
        QVERIFY2(first.status == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains("Image folder " + m_folder + ": 4 classes, 192 training and 48 test images"),
                 qPrintable(first.out));
        QVERIFY(first.out.contains(QRegularExpression("\n  Bag 👜 +48 +12\n")));
        QVERIFY(first.out.contains("Sizes found: 28x28 (160), 40x36 (80); 160 in colour, 80 grey"));
        QVERIFY(first.out.contains("Encoding: RGB 28x28, pixels / 255"));
        QVERIFY(first.out.contains("Decoded 240 images in"));
        QVERIFY(first.out.contains("Test accuracy:"));
        // Retraining the project reads the same folder from the cache, with the size saved in the project.
        const ProcessRun second = neurite({"train", "--design", model, "--epochs", "1"});
        QVERIFY2(second.status == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains("Read 240 decoded images from the cache"), qPrintable(second.out));

        // predict on a raw JPEG (40x36) equals the network's output on the loader's own conversion of it.
        const QString jpeg = m_folder + "/Sandale été/img0004.jpg";
        const ProcessRun predicted = neurite({"predict", model, jpeg});
        QVERIFY2(predicted.status == 0, qPrintable(predicted.err));
        const std::map<QString, double> printed = printedProbabilities(predicted.out);
        const neurite::Project project = neurite::loadProject(model.toStdString());
        QCOMPARE(project.settings.image, (neurite::ImageSettings{28, 28, 3, 0.2f}));
        neurite::Network network = neurite::networkFromProject(project);
        const std::vector<std::uint8_t> sample = neurite::loadImageFile(jpeg.toStdString(), project.schema->image);
        std::vector<float> input(sample.size()), output(4);
        for (std::size_t i = 0; i < sample.size(); ++i)
            input[i] = float(sample[i]) * neurite::kPixelScale;
        network.predictOne(input.data(), output.data());
        QCOMPARE(int(printed.size()), 4);
        for (int c = 0; c < 4; ++c)
            QVERIFY(std::abs(printed.at(QString::fromStdString(project.classNames[std::size_t(c)])) - output[c]) <=
                    6e-5);

        // eval reads the folder with the model's encoding and split: the same 48 test images.
        const ProcessRun eval = neurite({"eval", model, "--data", m_folder});
        QVERIFY2(eval.status == 0, qPrintable(eval.err));
        QVERIFY(eval.out.contains("(48 images of " + m_folder + ")"));
    }

    void theImageOptionsChooseTheEncoding()
    {
        const ProcessRun run = neurite({"train", "--data", m_folder, "--epochs", "1", "--image-size", "20x16",
                                        "--channels", "grey", "--test-split", "0.25", "--preset", "lenet"});
        QVERIFY2(run.status == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains("180 training and 60 test images"));
        QVERIFY(run.out.contains("Encoding: grey 20x16"));
        const ProcessRun bad = neurite({"train", "--data", m_folder, "--image-size", "20by16"});
        QCOMPARE(bad.status, 2);
        QVERIFY(bad.err.contains("--image-size expects WIDTHxHEIGHT"));
    }

    void badFoldersExitWithStatusOne()
    {
        const QString root = m_dir.filePath("bad");
        neurite::test::writeFashionClasses(root + "/one", {{"only", 1}}, 2);
        QDir().mkpath(root + "/empty/a");
        QDir().mkpath(root + "/empty/b");
        neurite::test::writeFashionClasses(root + "/bomb", {{"a", 1}, {"b", 2}}, 2);
        QFile bomb(root + "/bomb/a/huge.png");
        QVERIFY(bomb.open(QIODevice::WriteOnly));
        const std::string png = neurite::test::pngClaiming(30000, 30000);
        bomb.write(png.data(), qint64(png.size()));
        bomb.close();
        const std::vector<std::pair<QString, QString>> cases = {
            {root + "/one", "a single class folder (only)"},
            {root + "/empty", "The class folder " + root + "/empty/a has no images"},
            {root + "/bomb", "The image " + root + "/bomb/a/huge.png claims 30000x30000 pixels"}};
        for (const auto& [folder, message] : cases) {
            const ProcessRun run = neurite({"train", "--data", folder, "--epochs", "1"});
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
        }
        // predict on a .png that holds text: status 1, the file named.
        QFile notes(m_dir.filePath("notes.png"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("shopping list\n");
        notes.close();
        const ProcessRun text = neurite({"predict", m_dir.filePath("clothes.neurite"), notes.fileName()});
        QCOMPARE(text.status, 1);
        QVERIFY2(text.err.contains(notes.fileName() + " is not an image that can be read"), qPrintable(text.err));
    }
};

QTEST_GUILESS_MAIN(TestImageCli)
#include "tst_imagecli.moc"
