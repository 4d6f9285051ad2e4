// Tests loading image folders: classes (spaces, Unicode), mixed sizes and colour modes, the chosen
// encoding, the stratified split and the train/test/val layout, the cache (used, invalidated, damaged),
// exact resizing, training the picked design, and every refusal naming the folder or image.
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "ImageFolderFixture.h"
#include "ImageSamples.h"
#include "neurite/DesignForData.h"
#include "neurite/ImageFolder.h"
#include "neurite/Trainer.h"
#include "neurite/Validation.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <unistd.h>

using namespace neurite;
using neurite::test::errorOf;

namespace {

constexpr int kPerClass = 150;

} // namespace

class TestImageFolder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_fashion; // 4 classes x kPerClass images, mixed sizes and formats
    std::vector<QString> m_files;

    DataOptions options() const
    {
        DataOptions o;
        o.dataDir = (m_dir.path() + "/data").toStdString();
        return o;
    }
    QString folder(const QString& name) const { return m_dir.path() + "/" + name; }
    std::string write(const QString& path, const std::string& bytes) const
    {
        QDir().mkpath(QFileInfo(path).path());
        test::writeBytes(path.toStdString(), bytes);
        return path.toStdString();
    }
    // A folder with two classes of three small PNGs each, for the refusals.
    QString twoClasses(const QString& name) const
    {
        const QString root = folder(name);
        test::writeFashionClasses(root, {{"a", 1}, {"b", 2}}, 3);
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        render::installImageDecoder();
        m_fashion = folder("fashion");
        m_files = test::writeFashionClasses(m_fashion, test::fashionClasses(), kPerClass);
        QCOMPARE(int(m_files.size()), 4 * kPerClass);
    }

    void classesSizesAndColourComeFromTheData()
    {
        ImageFolderReport report;
        const Dataset data = loadImageFolder(m_fashion.toStdString(), options(), &report);
        // Sorted by bytes, as torchvision sorts the folder names.
        const std::vector<std::string> expected = {"Bag 👜", "Pull-over à col", "Sandale été", "Trouser pants"};
        QCOMPARE(data.classNames, expected);
        QCOMPARE(report.classNames, expected);
        QCOMPARE(report.layout, ImageFolderLayout::ClassFolders);
        // A third of the images are 40x36 JPEGs, two thirds 28x28 PNGs (half of them grey).
        QCOMPARE(report.sizesFound.size(), std::size_t(2));
        QCOMPARE(report.sizesFound[0], std::make_pair(std::string("28x28"), std::size_t(400)));
        QCOMPARE(report.sizesFound[1], std::make_pair(std::string("40x36"), std::size_t(200)));
        QCOMPARE(report.greyImages, std::size_t(200));
        QCOMPARE(report.colourImages, std::size_t(400));
        QCOMPARE(report.encoding, (ImageEncoding{3, 28, 28}));
        QVERIFY(!report.sizeCapped);
        QCOMPARE(data.schema.kind, DataSchema::Kind::Images);
        QCOMPARE(data.schema.image, (ImageEncoding{3, 28, 28}));
        QCOMPARE(data.schema.imagePreparation, ImagePreparation::Resize);
        QCOMPARE(data.train.shape(), (Shape{3, 28, 28}));
        // round(150 * 0.2) = 30 of each class held out.
        QCOMPARE(report.testCounts, (std::vector<std::size_t>{30, 30, 30, 30}));
        QCOMPARE(report.trainCounts, (std::vector<std::size_t>{120, 120, 120, 120}));
        QCOMPARE(data.train.count(), std::size_t(480));
        QCOMPARE(data.test.count(), std::size_t(120));
        QCOMPARE(data.validation.count(), std::size_t(0));
    }

    void givenSizeAndChannelsWin()
    {
        DataOptions o = options();
        o.imageRows = 20;
        o.imageCols = 24;
        o.imageChannels = 1;
        ImageFolderReport report;
        const Dataset data = loadImageFolder(m_fashion.toStdString(), o, &report);
        QCOMPARE(data.schema.image, (ImageEncoding{1, 20, 24}));
        QCOMPARE(data.train.shape(), (Shape{1, 20, 24}));
        QCOMPARE(data.train.pixels.size(), data.train.count() * 480);
    }

    void splitIsStratifiedAndSeeded()
    {
        const QString root = folder("uneven");
        test::writeFashionClasses(root, {{"ten", 1}}, 10);
        test::writeFashionClasses(root, {{"seven", 2}}, 7);
        test::writeFashionClasses(root, {{"three", 5}}, 3);
        DataOptions o = options();
        o.testSplit = 0.2;
        ImageFolderReport first, second, other;
        const Dataset a = loadImageFolder(root.toStdString(), o, &first);
        // Classes sorted: seven, ten, three; round(n * 0.2) held out of each: 1, 2, 1.
        QCOMPARE(first.testCounts, (std::vector<std::size_t>{1, 2, 1}));
        QCOMPARE(first.trainCounts, (std::vector<std::size_t>{6, 8, 2}));
        const Dataset b = loadImageFolder(root.toStdString(), o, &second);
        QCOMPARE(a.test.pixels, b.test.pixels);
        o.splitSeed = 7;
        const Dataset c = loadImageFolder(root.toStdString(), o, &other);
        QCOMPARE(other.testCounts, first.testCounts);
        QVERIFY(c.test.pixels != a.test.pixels);
        o.testSplit = 0;
        QCOMPARE(loadImageFolder(root.toStdString(), o).test.count(), std::size_t(0));
    }

    void trainTestAndValFoldersAreTheParts()
    {
        const QString root = folder("layout");
        const std::vector<test::FashionClass> classes = {{"trouser", 1}, {"bag", 8}};
        test::writeFashionClasses(root + "/train", classes, 12);
        test::writeFashionClasses(root + "/test", classes, 5, 12);
        test::writeFashionClasses(root + "/val", {{"bag", 8}}, 4, 17);
        ImageFolderReport report;
        const Dataset data = loadImageFolder(root.toStdString(), options(), &report);
        QCOMPARE(report.layout, ImageFolderLayout::TrainTestFolders);
        QCOMPARE(data.classNames, (std::vector<std::string>{"bag", "trouser"}));
        QCOMPARE(report.trainCounts, (std::vector<std::size_t>{12, 12}));
        QCOMPARE(report.testCounts, (std::vector<std::size_t>{5, 5}));
        QCOMPARE(report.valCounts, (std::vector<std::size_t>{4, 0}));
        QCOMPARE(data.validation.count(), std::size_t(4));
        QCOMPARE(data.validation.labels, (std::vector<std::uint8_t>{0, 0, 0, 0}));
        // The trainer validates on val/: the reported validation accuracy is over its four images.
        Dataset trained = data;
        Network network(designForData(trained), 1);
        TrainingSettings settings;
        settings.epochs = 1;
        const TrainingResult result = train(network, trained, settings);
        const float accuracy = result.history.epochs.back().validationAccuracy;
        QVERIFY(accuracy == 0.0f || accuracy == 0.25f || accuracy == 0.5f || accuracy == 0.75f || accuracy == 1.0f);
        // A test/ class that train/ lacks is refused.
        test::writeFashionClasses(root + "/test", {{"sandal", 5}}, 2);
        QVERIFY(errorOf([&] {
                    loadImageFolder(root.toStdString(), options());
                }).contains("class folder 'sandal' that the training folder lacks"));
    }

    void secondLoadComesFromTheCacheUntilAFileChanges()
    {
        const QString root = folder("cached");
        const std::vector<QString> files = test::writeFashionClasses(root, {{"x", 1}, {"y", 2}}, 9);
        ImageFolderReport report;
        const Dataset first = loadImageFolder(root.toStdString(), options(), &report);
        QVERIFY(!report.fromCache);
        QVERIFY(QFileInfo::exists(QString::fromStdString(report.cacheFile)));
        const std::string cacheFile = report.cacheFile;
        const Dataset second = loadImageFolder(root.toStdString(), options(), &report);
        QVERIFY(report.fromCache);
        QCOMPARE(second.train.pixels, first.train.pixels);
        QCOMPARE(second.test.labels, first.test.labels);
        QCOMPARE(report.sizesFound.size(), std::size_t(2)); // the headers are cached too
        // A project reloads with the size and channels it saved: the cache made when they were chosen from
        // the data serves it too. Another size decodes again and replaces the cache.
        DataOptions saved = options();
        saved.imageChannels = 3;
        saved.imageRows = saved.imageCols = 28;
        QCOMPARE(loadImageFolder(root.toStdString(), saved, &report).train.pixels, first.train.pixels);
        QVERIFY(report.fromCache);
        saved.imageRows = saved.imageCols = 14;
        QCOMPARE(loadImageFolder(root.toStdString(), saved, &report).schema.image, (ImageEncoding{3, 14, 14}));
        QVERIFY(!report.fromCache);
        QCOMPARE(report.sizesFound.size(), std::size_t(2));
        // Rewriting one image (new content, new time) invalidates the cache.
        QImage changed(28, 28, QImage::Format_RGB888);
        changed.fill(Qt::white);
        QVERIFY(changed.save(files[2], "PNG"));
        std::filesystem::last_write_time(files[2].toStdString(),
                                         std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
        const Dataset third = loadImageFolder(root.toStdString(), options(), &report);
        QVERIFY(!report.fromCache);
        QVERIFY(third.train.pixels != first.train.pixels || third.test.pixels != first.test.pixels);
        // A damaged cache (truncated, or its bytes changed in the header) is decoded again, not trusted.
        std::string bytes = test::readBytes(cacheFile);
        test::writeBytes(cacheFile, bytes.substr(0, bytes.size() - 10));
        QCOMPARE(loadImageFolder(root.toStdString(), options(), &report).train.pixels, third.train.pixels);
        QVERIFY(!report.fromCache);
        bytes = test::readBytes(cacheFile);
        bytes[36] = char(0x7f); // rows
        test::writeBytes(cacheFile, bytes);
        QCOMPARE(loadImageFolder(root.toStdString(), options(), &report).train.pixels, third.train.pixels);
        QVERIFY(!report.fromCache);
    }

    void aTwoToOneDownscaleAveragesTheBlocks()
    {
        // 8x6 (width x height) of 2x2 blocks of distinct colours: halving gives each block's colour.
        QImage image(8, 6, QImage::Format_RGB888);
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 8; ++x)
                image.setPixelColor(x, y, QColor(30 * (x / 2) + 10, 40 * (y / 2) + 5, 200 - 20 * (x / 2 + y / 2)));
        const std::vector<std::uint8_t> rgb = render::sampleFromQImage(image, {3, 3, 4});
        const std::vector<std::uint8_t> grey = render::sampleFromQImage(image, {1, 3, 4});
        for (int y = 0; y < 3; ++y)
            for (int x = 0; x < 4; ++x) {
                const int r = 30 * x + 10, g = 40 * y + 5, b = 200 - 20 * (x + y);
                QCOMPARE(int(rgb[std::size_t(0 * 12 + y * 4 + x)]), r);
                QCOMPARE(int(rgb[std::size_t(1 * 12 + y * 4 + x)]), g);
                QCOMPARE(int(rgb[std::size_t(2 * 12 + y * 4 + x)]), b);
                QCOMPARE(int(grey[std::size_t(y * 4 + x)]),
                         (r * 4899 + g * 9617 + b * 1868 + 8192) >> 14); // cv2's luma
            }
        // And back: the sample as a QImage holds the same pixels.
        const QImage shown = render::qImageFromSample(rgb.data(), {3, 3, 4});
        QCOMPARE(shown.pixelColor(3, 2), QColor(100, 85, 100));
    }

    void anImageFileLoadsAsTheFolderLoadedIt()
    {
        const QString root = folder("single");
        test::writeFashionClasses(root, {{"a", 1}, {"b", 2}}, 3);
        DataOptions o = options();
        o.testSplit = 0;
        const Dataset data = loadImageFolder(root.toStdString(), o);
        // Scan order: a/img0000.png, a/img0001.jpg, ...; the JPEG is resized from 40x36.
        const std::string jpeg = (root + "/a/img0001.jpg").toStdString();
        const std::vector<std::uint8_t> sample = loadImageFile(jpeg, data.schema.image);
        const std::vector<std::uint8_t> loaded(data.train.image(1), data.train.image(1) + data.train.valuesPerSample());
        QCOMPARE(sample, loaded);
    }

    void everyImageExtensionIsRead()
    {
        // The same picture as PNG, BMP, lossless WebP and JPEG (any case of extension) reads the same,
        // the JPEG within its compression error.
        const QString root = folder("formats");
        QDir().mkpath(root + "/a");
        QDir().mkpath(root + "/b");
        QImage image(12, 10, QImage::Format_RGB888);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 12; ++x)
                image.setPixelColor(x, y, QColor(20 * x, 25 * y, 128));
        QVERIFY(image.save(root + "/a/p.png", "PNG"));
        QVERIFY(image.save(root + "/a/p.BMP", "BMP"));
        QVERIFY(image.save(root + "/b/p.webp", "WEBP", 100));
        QVERIFY(image.save(root + "/b/p.JPEG", "JPEG", 100));
        const ImageEncoding encoding{3, 10, 12};
        const std::vector<std::uint8_t> png = loadImageFile((root + "/a/p.png").toStdString(), encoding);
        QCOMPARE(loadImageFile((root + "/a/p.BMP").toStdString(), encoding), png);
        QCOMPARE(loadImageFile((root + "/b/p.webp").toStdString(), encoding), png);
        const std::vector<std::uint8_t> jpeg = loadImageFile((root + "/b/p.JPEG").toStdString(), encoding);
        double error = 0; // JPEG subsamples the colours: compare on average
        for (std::size_t i = 0; i < png.size(); ++i)
            error += std::abs(int(jpeg[i]) - int(png[i]));
        qInfo("JPEG quality 100 against PNG: mean |difference| %.2f", error / double(png.size()));
        QVERIFY(error / double(png.size()) < 4);
        ImageFolderReport report;
        loadImageFolder(root.toStdString(), options(), &report);
        QCOMPARE(report.trainCounts[0] + report.testCounts[0] + report.trainCounts[1] + report.testCounts[1],
                 std::size_t(4));
        QCOMPARE(report.ignoredFiles, std::size_t(0));
    }

    void thePickedDesignLearnsTheClasses()
    {
        const Dataset data = loadImageFolder(m_fashion.toStdString(), options());
        const NetworkSpec spec = designForData(data);
        QVERIFY(validate(spec).ok());
        Network network(spec, 1);
        TrainingSettings settings = settingsForData(data);
        settings.epochs = 4;
        const TrainingResult result = train(network, data, settings);
        qInfo("test accuracy after 4 epochs: %.3f", double(result.history.testAccuracy));
        QVERIFY(result.history.testAccuracy >= 0.7f);
    }

    void thePickedDesignFitsOtherSizesAndGrey()
    {
        DataOptions o = options();
        for (const auto& [rows, cols, channels] :
             {std::tuple{36, 40, 3}, std::tuple{12, 10, 1}, std::tuple{64, 64, 3}}) {
            o.imageRows = rows;
            o.imageCols = cols;
            o.imageChannels = channels;
            const Dataset data = loadImageFolder(twoClasses("sizes").toStdString(), o);
            const NetworkSpec spec = designForData(data);
            QVERIFY2(validate(spec).ok(), std::to_string(rows).c_str());
            Network network(spec, 1);
            checkDataFitsNetwork(network, data);
            for (const char* name : {"mlp", "lenet"}) {
                const NetworkSpec fitted = adaptDesignToData(*preset(name), data);
                if (rows >= 16) // LeNet's two 5x5 convolutions need 16 pixels a side
                    QVERIFY2(validate(fitted).ok(), name);
            }
        }
    }

    void anIdxFolderIsNotAnImageFolder()
    {
        QVERIFY(!isImageFolder("/usr/share/datasets/fashion-mnist"));
        QVERIFY(isImageFolder(m_fashion.toStdString()));
        QVERIFY(!isImageFolder((m_fashion + "/Bag 👜/img0000.png").toStdString()));
    }

    void refusalsNameTheFolderOrImage()
    {
        // One class.
        const QString one = folder("one");
        test::writeFashionClasses(one, {{"only", 1}}, 3);
        QVERIFY(
            errorOf([&] { loadImageFolder(one.toStdString(), options()); }).contains("a single class folder (only)"));
        // No class folders, only files.
        const QString flat = folder("flat");
        write(flat + "/a.png", test::pngClaiming(4, 4));
        QVERIFY(errorOf([&] { loadImageFolder(flat.toStdString(), options()); }).contains("no class folders"));
        // An empty class folder, and one with only other files.
        const QString empty = twoClasses("empty");
        QDir().mkpath(empty + "/c");
        QVERIFY(errorOf([&] {
                    loadImageFolder(empty.toStdString(), options());
                }).contains("The class folder " + empty + "/c has no images"));
        write(empty + "/c/notes.txt", "hello");
        QVERIFY(errorOf([&] { loadImageFolder(empty.toStdString(), options()); }).contains("(1 other files)"));
        // A .png holding text.
        const QString text = twoClasses("text");
        write(text + "/a/fake.png", "this is not an image\n");
        QCOMPARE(errorOf([&] { loadImageFolder(text.toStdString(), options()); }),
                 "The file " + text + "/a/fake.png is not an image that can be read (PNG, JPEG, BMP or WebP)");
    }

    void hostileFilesAreRefusedBeforeDecoding()
    {
        // A valid PNG header claiming 30,000 x 30,000 pixels: refused from the header.
        const QString bomb = twoClasses("bomb");
        write(bomb + "/b/bomb.png", test::pngClaiming(30000, 30000));
        QCOMPARE(errorOf([&] { loadImageFolder(bomb.toStdString(), options()); }),
                 "The image " + bomb +
                     "/b/bomb.png claims 30000x30000 pixels, more than the 67 million allowed; it "
                     "was not decoded");
        // A link from a class folder back to the top folder.
        const QString loop = twoClasses("loop");
        QVERIFY(QFile::link(loop, loop + "/a/back"));
        QVERIFY(errorOf([&] {
                    loadImageFolder(loop.toStdString(), options());
                }).contains("a symbolic link back to a folder that contains it"));
        // A file that cannot be read: without permission (as a user) or a broken link (root reads anything).
        const QString unreadable = twoClasses("unreadable");
        if (::geteuid() != 0) {
            write(unreadable + "/a/locked.png", test::pngClaiming(4, 4));
            QFile::setPermissions(unreadable + "/a/locked.png", QFileDevice::Permissions());
            QVERIFY(errorOf([&] {
                        loadImageFolder(unreadable.toStdString(), options());
                    }).contains("Cannot read the image " + unreadable + "/a/locked.png"));
        }
        QVERIFY(QFile::link(unreadable + "/missing.png", unreadable + "/b/gone.png"));
        QVERIFY(errorOf([&] {
                    loadImageFolder(unreadable.toStdString(), options());
                }).contains("Cannot read the image " + unreadable + "/b/gone.png: it is a broken symbolic link"));
        // Model encodings from untrusted files are checked before decoding.
        QVERIFY(errorOf([&] {
                    loadImageFile((bomb + "/a/img0000.png").toStdString(), {2, 28, 28});
                }).contains("grey (1 channel) or RGB (3)"));
    }
};

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_imagefolder.moc"
