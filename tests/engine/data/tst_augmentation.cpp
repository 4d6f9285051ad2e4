// Data augmentation: exact identities (zero ranges, whole-pixel shifts, flips), rotation and scale against
// independent bilinear references (numpy in float64, OpenCV's warpAffine), determinism per (seed, epoch,
// batch) and thread count, the ranges of the random draws, and the validation of the settings.
#include "TestSupport.h"
#include "data/SampleRandom.h"
#include "data/SampleTransform.h"
#include "kernels/ThreadPool.h"
#include "neurite/Augmentation.h"
#include "neurite/Error.h"
#include "neurite/TrainingSettings.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

using namespace neurite;
using namespace neurite::test;

namespace {

const char* const kPython = "/usr/bin/python3"; // Debian's, which has python3-numpy and python3-opencv

AugmentationSettings noChanges()
{
    AugmentationSettings s;
    s.enabled = true;
    s.shift = s.rotation = s.scale = s.brightness = s.contrast = s.noise = 0.0f;
    s.horizontalFlip = false;
    return s;
}

// A smooth picture with detail at every scale: values in [0, 1], different per channel.
Matrix pattern(const Shape& shape)
{
    Matrix m(1, shape.size());
    for (int c = 0; c < shape.channels; ++c)
        for (int y = 0; y < shape.height; ++y)
            for (int x = 0; x < shape.width; ++x)
                m(0, (c * shape.height + y) * shape.width +
                         x) = 0.5f +
                              0.5f * std::sin(0.37f * float(x * (c + 1)) + 0.23f * float(y * y) * 0.1f + float(c));
    return m;
}

float at(const Matrix& m, const Shape& shape, int c, int y, int x)
{
    if (x < 0 || y < 0 || x >= shape.width || y >= shape.height)
        return 0.0f;
    return m(0, (c * shape.height + y) * shape.width + x);
}

Matrix transformed(const SampleTransform& t, const Shape& shape, const Matrix& input)
{
    Matrix out = input;
    TransformScratch scratch;
    applyTransform(t, shape, out.data(), scratch);
    return out;
}

void writeFloats(const QString& path, const Matrix& m)
{
    std::ofstream(path.toStdString(), std::ios::binary)
        .write(reinterpret_cast<const char*>(m.data()), std::streamsize(m.size() * sizeof(float)));
}

Matrix readFloats(const QString& path, long count)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    Matrix m(1, count);
    in.read(reinterpret_cast<char*>(m.data()), std::streamsize(count * sizeof(float)));
    if (in.gcount() != std::streamsize(count * sizeof(float)))
        qFatal("%s is short", qPrintable(path));
    return m;
}

// The references of warp_reference.py for `input` under `t`: {numpy exact, OpenCV}.
std::pair<Matrix, Matrix> referenceWarp(const SampleTransform& t, const Shape& shape, const Matrix& input)
{
    QTemporaryDir dir;
    writeFloats(dir.filePath("in.bin"), input);
    const QString script = QString(qgetenv("NEURITE_SOURCE_DIR")) + "/tests/engine/reference/warp_reference.py";
    QProcess python;
    python.start(kPython, {script, dir.filePath("in.bin"), dir.filePath("exact.bin"), dir.filePath("cv.bin"),
                           QString::number(shape.channels), QString::number(shape.height), QString::number(shape.width),
                           QString::number(double(t.shiftX), 'g', 9), QString::number(double(t.shiftY), 'g', 9),
                           QString::number(double(t.angle) * 180.0 / M_PI, 'g', 9),
                           QString::number(double(t.scale), 'g', 9), t.flip ? "1" : "0"});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        qFatal("warp_reference.py failed: %s", python.readAllStandardError().constData());
    return {readFloats(dir.filePath("exact.bin"), shape.size()), readFloats(dir.filePath("cv.bin"), shape.size())};
}

Matrix randomBatch(int rows, const Shape& shape, std::uint64_t seed)
{
    return randomMatrix(rows, int(shape.size()), seed, 0.0f, 1.0f);
}

Matrix augmentedOn(int threads, const AugmentationSettings& s, const Shape& shape, const Matrix& batch)
{
    Matrix out = batch;
    ThreadPool pool(threads);
    pool.enter([&] { augmentBatch(s, shape, out, 7, 2, 5); });
    return out;
}

} // namespace

class TestAugmentation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void zeroRangesLeaveTheBatchBitIdentical()
    {
        const Shape shape{3, 9, 7};
        const Matrix batch = randomBatch(40, shape, 1);
        Matrix out = batch;
        augmentBatch(noChanges(), shape, out, 1, 0, 0);
        QVERIFY(std::memcmp(out.data(), batch.data(), std::size_t(batch.size()) * sizeof(float)) == 0);
        AugmentationSettings off; // every range non-zero, but not enabled
        out = batch;
        augmentBatch(off, shape, out, 1, 0, 0);
        QVERIFY(out == batch);
    }

    void wholePixelShiftMovesPixelsExactly()
    {
        const Shape shape{2, 6, 8};
        const Matrix input = randomBatch(1, shape, 2);
        SampleTransform t;
        t.shiftX = 3;  // right
        t.shiftY = -2; // up
        const Matrix out = transformed(t, shape, input);
        for (int c = 0; c < shape.channels; ++c)
            for (int y = 0; y < shape.height; ++y)
                for (int x = 0; x < shape.width; ++x)
                    QCOMPARE(at(out, shape, c, y, x), at(input, shape, c, y + 2, x - 3));
    }

    void flipMirrorsExactly()
    {
        const Shape shape{3, 5, 7};
        const Matrix input = randomBatch(1, shape, 3);
        SampleTransform t;
        t.flip = true;
        const Matrix out = transformed(t, shape, input);
        for (int c = 0; c < shape.channels; ++c)
            for (int y = 0; y < shape.height; ++y)
                for (int x = 0; x < shape.width; ++x)
                    QCOMPARE(at(out, shape, c, y, x), at(input, shape, c, y, shape.width - 1 - x));
    }

    // With only the flip on, each row of a batch is either as it was or mirrored, and both occur.
    void flipSettingMirrorsAboutHalfTheRows()
    {
        const Shape shape{1, 4, 5};
        const Matrix batch = randomBatch(200, shape, 4);
        AugmentationSettings s = noChanges();
        s.horizontalFlip = true;
        Matrix out = batch;
        augmentBatch(s, shape, out, 3, 0, 0);
        int mirrored = 0;
        for (int r = 0; r < batch.rows(); ++r) {
            bool same = true, mirror = true;
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 5; ++x) {
                    same = same && out(r, y * 5 + x) == batch(r, y * 5 + x);
                    mirror = mirror && out(r, y * 5 + x) == batch(r, y * 5 + 4 - x);
                }
            QVERIFY(same != mirror);
            mirrored += mirror ? 1 : 0;
        }
        QVERIFY2(mirrored > 70 && mirrored < 130, qPrintable(QString::number(mirrored)));
    }

    void rotationAndScaleMatchIndependentReferences_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<float>("shiftX");
        QTest::addColumn<float>("shiftY");
        QTest::addColumn<float>("degrees");
        QTest::addColumn<float>("scale");
        QTest::addColumn<bool>("flip");
        QTest::newRow("grey 28x28 turned 17 degrees") << 1 << 28 << 28 << 0.0f << 0.0f << 17.0f << 1.0f << false;
        QTest::newRow("grey 28x28 zoomed out") << 1 << 28 << 28 << 0.0f << 0.0f << 0.0f << 0.83f << false;
        QTest::newRow("grey 28x28 everything") << 1 << 28 << 28 << 1.3f << -2.7f << -9.5f << 1.12f << true;
        QTest::newRow("RGB 32x32 turned and zoomed") << 3 << 32 << 32 << -0.4f << 2.25f << 31.0f << 1.2f << false;
        QTest::newRow("RGB 20x33 (odd, not square)") << 3 << 20 << 33 << 2.5f << 0.5f << -44.0f << 0.7f << true;
    }

    void rotationAndScaleMatchIndependentReferences()
    {
        QFETCH(int, channels);
        QFETCH(int, height);
        QFETCH(int, width);
        const Shape shape{channels, height, width};
        SampleTransform t;
        QFETCH(float, shiftX);
        QFETCH(float, shiftY);
        QFETCH(float, degrees);
        QFETCH(float, scale);
        QFETCH(bool, flip);
        t.shiftX = shiftX;
        t.shiftY = shiftY;
        t.angle = degrees * float(M_PI / 180.0);
        t.scale = scale;
        t.flip = flip;
        const Matrix input = pattern(shape);
        const Matrix out = transformed(t, shape, input);
        const auto [exact, opencv] = referenceWarp(t, shape, input);
        const float exactError = (out - exact).cwiseAbs().maxCoeff();
        // OpenCV rounds source positions to 1/32 pixel, so it differs by up to about 1/32 of a value step.
        const float opencvError = (out - opencv).cwiseAbs().maxCoeff();
        const float opencvMean = (out - opencv).cwiseAbs().mean();
        qInfo("max |neurite - numpy| %.2e, max |neurite - OpenCV| %.2e (mean %.2e)", double(exactError),
              double(opencvError), double(opencvMean));
        QVERIFY2(exactError < 2e-5f, qPrintable(QString::number(exactError)));
        QVERIFY2(opencvError < 0.04f && opencvMean < 0.005f, qPrintable(QString::number(opencvError)));
        QVERIFY(input.sum() > 0 && (out - input).cwiseAbs().maxCoeff() > 0.1f); // the warp changed the image
    }

    void photometricChangesFollowTheirFormula()
    {
        const Shape shape{1, 3, 4};
        Matrix input(1, 12);
        input << 0.0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f, 0.45f;
        SampleTransform t;
        t.contrast = 1.5f;
        t.brightness = -0.05f;
        const Matrix out = transformed(t, shape, input);
        const double mean = double(input.sum()) / 12.0;
        for (int i = 0; i < 12; ++i) {
            const double expected = std::clamp((double(input(0, i)) - mean) * 1.5 + mean - 0.05, 0.0, 1.0);
            QVERIFY2(std::abs(double(out(0, i)) - expected) < 1e-6, qPrintable(QString::number(i)));
        }
    }

    void noiseHasTheGivenDeviation()
    {
        const Shape shape{1, 100, 100};
        Matrix input = Matrix::Constant(1, shape.size(), 0.5f);
        SampleTransform t;
        t.noiseDeviation = 0.05f;
        t.noiseKey = 11;
        const Matrix out = transformed(t, shape, input);
        const double mean = double(out.mean());
        const double deviation = std::sqrt(double((out.array() - float(mean)).square().mean()));
        QVERIFY2(std::abs(mean - 0.5) < 0.002, qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(deviation - 0.05) < 0.002, qPrintable(QString::number(deviation)));
    }

    void sameSeedGivesSameBatchAndAnyChangeAnother()
    {
        const Shape shape{1, 12, 12};
        const Matrix batch = randomBatch(16, shape, 5);
        const AugmentationSettings s = [] {
            AugmentationSettings on;
            on.enabled = true;
            return on;
        }();
        const auto run = [&](std::uint64_t seed, int epoch, int index) {
            Matrix out = batch;
            augmentBatch(s, shape, out, seed, epoch, index);
            return out;
        };
        const Matrix a = run(1, 0, 0);
        QVERIFY(a == run(1, 0, 0));
        QVERIFY(!(a == batch));
        QVERIFY(!(a == run(2, 0, 0)));
        QVERIFY(!(a == run(1, 1, 0)));
        QVERIFY(!(a == run(1, 0, 1)));
        for (int r = 1; r < a.rows(); ++r) // each row has a transform of its own
            QVERIFY(!(a.row(r) - batch.row(r)).isApprox(a.row(0) - batch.row(0)));
    }

    void threadCountDoesNotChangeTheResult()
    {
        const Shape shape{3, 32, 32};
        const Matrix batch = randomBatch(256, shape, 6);
        AugmentationSettings s;
        s.enabled = true;
        s.horizontalFlip = true;
        const Matrix one = augmentedOn(1, s, shape, batch);
        QVERIFY(one == augmentedOn(2, s, shape, batch));
        QVERIFY(one == augmentedOn(4, s, shape, batch));
    }

    void randomParametersStayWithinTheirRanges()
    {
        AugmentationSettings s;
        s.enabled = true;
        s.shift = 0.2f;
        s.rotation = 15.0f;
        s.scale = 0.25f;
        s.horizontalFlip = true;
        s.brightness = 0.3f;
        s.contrast = 0.4f;
        const Shape shape{1, 28, 20};
        const int draws = 20000;
        double lowX = 0, highX = 0, lowAngle = 0, highAngle = 0, lowScale = 1, highScale = 1, sumX = 0, sumB = 0;
        double lowB = 0, highB = 0, lowC = 1, highC = 1;
        int flips = 0;
        for (int i = 0; i < draws; ++i) {
            const SampleTransform t = drawSampleTransform(s, shape, 3, i / 100, 0, i % 100);
            lowX = std::min(lowX, double(t.shiftX)), highX = std::max(highX, double(t.shiftX));
            QVERIFY(std::abs(t.shiftY) <= 0.2f * 28);
            lowAngle = std::min(lowAngle, double(t.angle)), highAngle = std::max(highAngle, double(t.angle));
            lowScale = std::min(lowScale, double(t.scale)), highScale = std::max(highScale, double(t.scale));
            lowB = std::min(lowB, double(t.brightness)), highB = std::max(highB, double(t.brightness));
            lowC = std::min(lowC, double(t.contrast)), highC = std::max(highC, double(t.contrast));
            sumX += t.shiftX;
            sumB += t.brightness;
            flips += t.flip ? 1 : 0;
        }
        const auto near = [](double value, double bound) {
            return std::abs(value) <= std::abs(bound) + 1e-5 && std::abs(value) > 0.99 * std::abs(bound);
        };
        QVERIFY(near(lowX, -4.0) && near(highX, 4.0)); // 0.2 of 20 pixels
        const double maxAngle = 15.0 * M_PI / 180.0;
        QVERIFY(near(lowAngle, -maxAngle) && near(highAngle, maxAngle));
        QVERIFY(near(lowScale - 1, -0.25) && near(highScale - 1, 0.25));
        QVERIFY(near(lowB, -0.3) && near(highB, 0.3));
        QVERIFY(near(lowC - 1, -0.4) && near(highC - 1, 0.4));
        QVERIFY2(std::abs(sumX / draws) < 0.1 && std::abs(sumB / draws) < 0.01, "the draws are centred on zero");
        QVERIFY2(std::abs(flips - draws / 2) < 400, qPrintable(QString::number(flips)));
    }

    void normalDrawsAreStandard()
    {
        const float* quantiles = SampleRandom::normalQuantiles().data();
        double sum = 0, squares = 0;
        int beyondTwo = 0;
        const int n = 200000;
        for (int i = 0; i < n; ++i) {
            const double v = SampleRandom::normalAt(quantiles, 12345, std::uint32_t(i));
            sum += v;
            squares += v * v;
            beyondTwo += std::abs(v) > 2.0 ? 1 : 0;
        }
        QVERIFY(std::abs(sum / n) < 0.01);
        QVERIFY(std::abs(squares / n - 1.0) < 0.01);
        QVERIFY(std::abs(double(beyondTwo) / n - 0.0455) < 0.003); // two-sided tail of a standard normal
    }

    void previewGivesVersionsOfOneSample()
    {
        const Shape shape{1, 28, 28};
        const Matrix sample = pattern(shape);
        AugmentationSettings s; // not enabled: the preview shows the ranges anyway
        const Matrix versions = augmentedVersions(s, shape, sample.data(), 9, 4);
        QCOMPARE(int(versions.rows()), 9);
        QCOMPARE(long(versions.cols()), shape.size());
        for (int k = 0; k < 9; ++k)
            QVERIFY(!versions.row(k).isApprox(sample.row(0)));
        Matrix batch = sample.replicate(9, 1);
        s.enabled = true;
        augmentBatch(s, shape, batch, 4, 0, 0);
        QVERIFY(batch == versions);
        QVERIFY(versions.minCoeff() >= 0.0f && versions.maxCoeff() <= 1.0f);
    }

    void settingsOutOfRangeAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<float>("value");
        QTest::newRow("shift") << "shift" << 0.6f;
        QTest::newRow("negative shift") << "shift" << -0.1f;
        QTest::newRow("rotation") << "rotation" << 200.0f;
        QTest::newRow("scale") << "scale" << 0.95f;
        QTest::newRow("brightness NaN") << "brightness" << std::nanf("");
        QTest::newRow("contrast") << "contrast" << 1.5f;
        QTest::newRow("noise") << "noise" << -0.01f;
    }

    void settingsOutOfRangeAreRefusedNamingTheField()
    {
        QFETCH(QString, field);
        QFETCH(float, value);
        AugmentationSettings s;
        validateAugmentation(s); // the defaults are valid
        float* target = field == "shift"        ? &s.shift
                        : field == "rotation"   ? &s.rotation
                        : field == "scale"      ? &s.scale
                        : field == "brightness" ? &s.brightness
                        : field == "contrast"   ? &s.contrast
                                                : &s.noise;
        *target = value;
        TrainingSettings settings;
        settings.augmentation = s;
        try {
            validateSettings(settings);
            QFAIL("expected an error");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).startsWith("augmentation " + field + " must be in [0, "), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestAugmentation)
#include "tst_augmentation.moc"
