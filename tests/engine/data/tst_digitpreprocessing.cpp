// Tests for preprocessDigit (MNIST's crop / 20 px box / centre-of-mass recipe) and invertIfLightBackground.
#include <QtTest>

#include "neurite/Dataset.h"
#include "ErrorCapture.h"
#include "neurite/DigitPreprocessing.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <functional>

using namespace neurite;
using neurite::test::errorOf;

namespace {

constexpr int kSide = 28;
constexpr double kPi = 3.14159265358979323846;

struct Point {
    double x, y;
};

// A tiny anti-aliased pen (the engine links no Qt): round-capped strokes of `width`, white on black. A
// pixel's ink falls off linearly over one pixel at the stroke's edge, like QPainter's antialiasing.
class Sketch {
public:
    explicit Sketch(int size) : m_image{size, size, std::vector<std::uint8_t>(std::size_t(size) * size, 0)} {}

    void line(Point a, Point b, double width)
    {
        const double r = width / 2;
        const int x0 = std::max(0, int(std::min(a.x, b.x) - r - 2));
        const int x1 = std::min(m_image.width - 1, int(std::max(a.x, b.x) + r + 2));
        const int y0 = std::max(0, int(std::min(a.y, b.y) - r - 2));
        const int y1 = std::min(m_image.height - 1, int(std::max(a.y, b.y) + r + 2));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const double cover = std::clamp(r + 0.5 - distance({x + 0.5, y + 0.5}, a, b), 0.0, 1.0);
                std::uint8_t& p = m_image.pixels[std::size_t(y) * m_image.width + x];
                p = std::max(p, std::uint8_t(std::lround(255 * cover)));
            }
    }
    void polyline(const std::vector<Point>& points, double width)
    {
        for (std::size_t i = 0; i + 1 < points.size(); ++i)
            line(points[i], points[i + 1], width);
        if (points.size() == 1)
            line(points[0], points[0], width);
    }
    // An ellipse arc from angle `from` to `to` (radians), as 200 short segments.
    void arc(Point centre, double rx, double ry, double from, double to, double width)
    {
        std::vector<Point> points;
        for (int i = 0; i <= 200; ++i) {
            const double t = from + (to - from) * i / 200;
            points.push_back({centre.x + rx * std::cos(t), centre.y + ry * std::sin(t)});
        }
        polyline(points, width);
    }
    const GreyImage& image() const { return m_image; }

private:
    static double distance(Point p, Point a, Point b)
    {
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const double t = len2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
        return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    }
    GreyImage m_image;
};

struct Stats {
    int inkWidth = 0, inkHeight = 0; // bounding box of non-zero pixels
    double cx = 0, cy = 0;           // intensity-weighted centre, pixel i at coordinate i
    double mass = 0;
    int greys = 0; // pixels strictly between 0.05 and 0.95
};

Stats statsOf(const std::vector<float>& img)
{
    Stats s;
    int x0 = kSide, y0 = kSide, x1 = -1, y1 = -1;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const float v = img[std::size_t(y) * kSide + x];
            if (v <= 0)
                continue;
            x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
            s.mass += v, s.cx += v * x, s.cy += v * y;
            if (v > 0.05f && v < 0.95f)
                ++s.greys;
        }
    s.cx /= s.mass, s.cy /= s.mass;
    s.inkWidth = x1 - x0 + 1, s.inkHeight = y1 - y0 + 1;
    return s;
}

// Every value must be a byte times kPixelScale, as gatherBatch makes training inputs.
bool scaledLikeTrainingData(const std::vector<float>& img)
{
    for (float v : img) {
        const float byte = std::round(v / kPixelScale);
        if (byte < 0 || byte > 255 || float(std::uint8_t(byte)) * kPixelScale != v)
            return false;
    }
    return true;
}

} // namespace

class TestDigitPreprocessing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void solidBlockIsHandComputed();
    void syntheticStrokes_data();
    void syntheticStrokes();
    void translationDoesNotChangeTheResult();
    void drawingLargerGivesNearlyTheSameResult();
    void emptyImagesPredictNothing();
    void singlePixelBecomesACentredSquare();
    void roundDotIsHandled();
    void rejectsOversizedAndInconsistentImages();
    void invertsDarkOnLight();
    void keepsLightOnDark();
    void placementSaysWhereThePixelsWent();
};

// A 40 x 20 solid block: scale 0.5 makes it 20 x 10 target pixels, its centre goes to continuous
// coordinate 14.5 (= index 14), so it spans [4.5, 24.5) x [9.5, 19.5): full columns 5..23 and rows
// 10..18, half-covered edges (127.5 -> 128) and quarter-covered corners (63.75 -> 64).
void TestDigitPreprocessing::solidBlockIsHandComputed()
{
    GreyImage image{100, 80, std::vector<std::uint8_t>(100 * 80, 0)};
    for (int y = 30; y < 50; ++y)
        for (int x = 7; x < 47; ++x)
            image.pixels[std::size_t(y) * 100 + x] = 255;
    const auto out = preprocessDigit(image);
    QVERIFY(out);
    QCOMPARE(out->size(), std::size_t(784));
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const bool inX = x >= 5 && x <= 23, edgeX = x == 4 || x == 24;
            const bool inY = y >= 10 && y <= 18, edgeY = y == 9 || y == 19;
            int byte = 0;
            if (inX && inY)
                byte = 255;
            else if ((inX && edgeY) || (edgeX && inY))
                byte = 128;
            else if (edgeX && edgeY)
                byte = 64;
            if ((*out)[std::size_t(y) * kSide + x] != float(byte) * kPixelScale)
                QFAIL(qPrintable(QString("pixel (%1, %2) is %3, expected %4 / 255")
                                     .arg(x)
                                     .arg(y)
                                     .arg((*out)[std::size_t(y) * kSide + x] * 255.0f)
                                     .arg(byte)));
        }
}

void TestDigitPreprocessing::syntheticStrokes_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<double>("expectedAspect"); // ink width / height before scaling
    // Rectangle outline 300 x 150 with a 24 px pen: ink is 324 x 174.
    QTest::newRow("wide rectangle") << 0 << 324.0 / 174.0;
    // Vertical line 400 long, 30 px round-capped pen: ink 30 x 430.
    QTest::newRow("tall line") << 1 << 30.0 / 430.0;
    // Diagonal line from (100, 100) to (400, 250), 30 px pen: ink about 330 x 180.
    QTest::newRow("diagonal line") << 2 << (300.0 + 30.0) / (150.0 + 30.0);
    // Circle of radius 150, 28 px pen: ink 328 x 328.
    QTest::newRow("circle") << 3 << 1.0;
    // A "7" in the top-left corner, off-centre and with mass far from its box centre.
    QTest::newRow("seven in a corner") << 4 << (170.0 + 26.0) / (260.0 + 26.0);
}

void TestDigitPreprocessing::syntheticStrokes()
{
    QFETCH(int, shape);
    QFETCH(double, expectedAspect);
    Sketch sketch(560);
    switch (shape) {
    case 0: sketch.polyline({{130, 200}, {430, 200}, {430, 350}, {130, 350}, {130, 200}}, 24); break;
    case 1: sketch.line({280, 80}, {280, 480}, 30); break;
    case 2: sketch.line({100, 100}, {400, 250}, 30); break;
    case 3: sketch.arc({280, 280}, 150, 150, 0, 2 * kPi, 28); break;
    default: sketch.polyline({{30, 30}, {200, 30}, {90, 290}}, 26);
    }
    const auto out = preprocessDigit(sketch.image());
    QVERIFY(out);
    QCOMPARE(out->size(), std::size_t(784));
    QVERIFY(scaledLikeTrainingData(*out));
    const Stats s = statsOf(*out);
    const int longer = std::max(s.inkWidth, s.inkHeight), shorter = std::min(s.inkWidth, s.inkHeight);
    QVERIFY2(longer >= 19 && longer <= 21, qPrintable(QString("longer side %1").arg(longer)));
    QVERIFY2(std::abs(s.cx - 14.0) < 0.5 && std::abs(s.cy - 14.0) < 0.5,
             qPrintable(QString("centre of mass (%1, %2)").arg(s.cx).arg(s.cy)));
    QVERIFY2(s.greys >= 4, qPrintable(QString("only %1 grey pixels").arg(s.greys)));
    // The shorter side is 20 * aspect, give or take the pixel each end that partial coverage may add.
    const double expectedShorter = 20.0 * std::min(expectedAspect, 1.0 / expectedAspect);
    QVERIFY2(std::abs(shorter - expectedShorter) <= 2.0,
             qPrintable(QString("shorter side %1, expected about %2").arg(shorter).arg(expectedShorter)));
    QCOMPARE(s.inkWidth >= s.inkHeight, expectedAspect >= 1.0);
}

// The same drawing moved by whole pixels crops to the same box, so the result is bit-for-bit identical.
void TestDigitPreprocessing::translationDoesNotChangeTheResult()
{
    auto six = [](double dx, double dy) {
        Sketch sketch(400);
        sketch.arc({135 + dx, 115 + dy}, 75, 75, kPi / 6, 2 * kPi, 20);
        sketch.line({60 + dx, 260 + dy}, {210 + dx, 260 + dy}, 20);
        return sketch.image();
    };
    const auto a = preprocessDigit(six(0, 0));
    const auto b = preprocessDigit(six(97, 53));
    QVERIFY(a && b);
    QCOMPARE(*a, *b);
}

// Drawing at twice the size (pen too) changes only the anti-aliasing, not the 28x28 picture.
void TestDigitPreprocessing::drawingLargerGivesNearlyTheSameResult()
{
    auto ring = [](double k) {
        Sketch sketch(int(300 * k));
        sketch.arc({150 * k, 150 * k}, 80 * k, 110 * k, 0, 2 * kPi, 18 * k);
        return sketch.image();
    };
    const auto a = preprocessDigit(ring(1));
    const auto b = preprocessDigit(ring(2));
    QVERIFY(a && b);
    double worst = 0;
    for (std::size_t i = 0; i < a->size(); ++i)
        worst = std::max(worst, double(std::abs((*a)[i] - (*b)[i])));
    QVERIFY2(worst < 0.1, qPrintable(QString("largest difference %1").arg(worst)));
}

void TestDigitPreprocessing::emptyImagesPredictNothing()
{
    QVERIFY(!preprocessDigit(GreyImage{}));
    QVERIFY(!preprocessDigit(GreyImage{0, 10, {}}));
    QVERIFY(!preprocessDigit(GreyImage{300, 200, std::vector<std::uint8_t>(300 * 200, 0)}));
    QVERIFY(!preprocessDigit(Sketch(280).image()));
}

// One lit pixel is its own ink box: scaled to 20 x 20 and centred, like the solid block above.
void TestDigitPreprocessing::singlePixelBecomesACentredSquare()
{
    GreyImage image{280, 280, std::vector<std::uint8_t>(280 * 280, 0)};
    image.pixels[std::size_t(17) * 280 + 250] = 200;
    const auto out = preprocessDigit(image);
    QVERIFY(out);
    QCOMPARE((*out)[14 * kSide + 14], 200.0f * kPixelScale);
    QCOMPARE((*out)[5 * kSide + 5], 200.0f * kPixelScale);
    QCOMPARE((*out)[4 * kSide + 14], 100.0f * kPixelScale); // half-covered edge
    QCOMPARE((*out)[3 * kSide + 14], 0.0f);
    const Stats s = statsOf(*out);
    QCOMPARE(s.inkWidth, 21);
    QVERIFY(std::abs(s.cx - 14.0) < 1e-6 && std::abs(s.cy - 14.0) < 1e-6);
}

// A click on the canvas leaves a round dot: it fills the 20 px box as a disc, centred.
void TestDigitPreprocessing::roundDotIsHandled()
{
    Sketch sketch(448);
    sketch.polyline({{100, 300}}, 36);
    const auto out = preprocessDigit(sketch.image());
    QVERIFY(out);
    const Stats s = statsOf(*out);
    QVERIFY(std::abs(s.cx - 14.0) < 0.5 && std::abs(s.cy - 14.0) < 0.5);
    QVERIFY(s.inkWidth >= 19 && s.inkWidth <= 21);
    QCOMPARE((*out)[14 * kSide + 14], 1.0f); // 255 * kPixelScale
    QCOMPARE((*out)[5 * kSide + 5], 0.0f);   // the disc's corner is outside the circle
}

void TestDigitPreprocessing::rejectsOversizedAndInconsistentImages()
{
    const QString big = errorOf([] { preprocessDigit(GreyImage{10000, 10000, {}}); });
    QVERIFY2(big.contains("10000 x 10000") && big.contains("too large"), qPrintable(big));
    const QString bad = errorOf([] { preprocessDigit(GreyImage{10, 10, std::vector<std::uint8_t>(99)}); });
    QVERIFY2(bad.contains("99 bytes"), qPrintable(bad));
}

void TestDigitPreprocessing::invertsDarkOnLight()
{
    Sketch sketch(300);
    sketch.line({80, 60}, {200, 240}, 22);
    const GreyImage inkOnBlack = sketch.image();
    GreyImage paper = inkOnBlack;
    for (std::uint8_t& v : paper.pixels)
        v = std::uint8_t(255 - v);
    invertIfLightBackground(paper);
    QCOMPARE(paper.pixels, inkOnBlack.pixels);
    QCOMPARE(*preprocessDigit(paper), *preprocessDigit(inkOnBlack));
}

void TestDigitPreprocessing::keepsLightOnDark()
{
    Sketch sketch(200);
    sketch.arc({100, 100}, 60, 80, 0, 2 * kPi, 16);
    GreyImage image = sketch.image();
    const GreyImage before = image;
    invertIfLightBackground(image);
    QCOMPARE(image.pixels, before.pixels);
    // A dark-grey background (a dim photo) is still dark: left alone.
    GreyImage dim{50, 50, std::vector<std::uint8_t>(2500, 90)};
    invertIfLightBackground(dim);
    QCOMPARE(dim.pixels.front(), std::uint8_t(90));
}

// Two equal blocks apart: the placement maps one block's centre to where its ink is in the 28 x 28 grid
// (found by its own centre of mass there), and the ink box's longer side to 20 grid pixels. (The blocks
// weigh the same so that the centre of mass, which goes to the grid's centre, leaves both inside the grid.)
void TestDigitPreprocessing::placementSaysWhereThePixelsWent()
{
    GreyImage image{200, 160, std::vector<std::uint8_t>(200 * 160, 0)};
    auto fill = [&](int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                image.pixels[std::size_t(y) * 200 + std::size_t(x)] = 255;
    };
    fill(20, 30, 40, 50);     // one block
    fill(120, 100, 140, 120); // the other, centred at (130, 110)
    DigitPlacement placement;
    const auto grid = preprocessDigit(image, &placement);
    QVERIFY(grid);
    QVERIFY(std::abs(placement.scale - 20.0 / 120.0) < 1e-12); // the ink box is 120 x 90
    const double px = 130 * placement.scale + placement.offsetX, py = 110 * placement.scale + placement.offsetY;
    double mass = 0, sx = 0, sy = 0;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x)
            if (std::abs(x + 0.5 - px) < 2.5 && std::abs(y + 0.5 - py) < 2.5) {
                const double v = (*grid)[std::size_t(y * kSide + x)];
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
    QVERIFY(mass > 0);
    QVERIFY2(std::abs(sx / mass - px) < 0.25 && std::abs(sy / mass - py) < 0.25,
             qPrintable(QStringLiteral("%1, %2 vs %3, %4").arg(sx / mass).arg(sy / mass).arg(px).arg(py)));
    // The box's longer side spans 20 grid pixels.
    QVERIFY(std::abs((140 - 20) * placement.scale - 20.0) < 1e-9);
}

QTEST_MAIN(TestDigitPreprocessing)
#include "tst_digitpreprocessing.moc"
