// Tests for the decision plane: its colour formulas, the grid drawn cell by cell where the grid says (so that
// flipped rows or swapped axes fail), points at their plane positions with their rings, the ticks, the
// hover text, and the time a paint takes (printed, not asserted). With NEURITE_SCREENSHOT_DIR set, saves
// renders of a spiral, a multi-class and a regression plane there at 260 and 700 pixels.
#include "playground/DecisionPlaneView.h"
#include "playground/PaintToolbar.h"
#include "playground/PlaneClassPicker.h"
#include "playground/PlaneAxes.h"
#include "playground/PlaneColours.h"
#include "playground/PlanePoints.h"

#include "neurite/PlaneData.h"

#include <QElapsedTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

using namespace neurite;
using namespace neurite::ui;

namespace {

// A 4 x 4 grid over [-6, 6]² for 3 classes whose every cell has its own colour: cell k's best class is
// k % 3 with probability 0.4 + 0.035 k, the others share the rest.
std::shared_ptr<PlaneGrid> classGrid()
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = 4;
    grid->outputs = 3;
    for (int k = 0; k < 16; ++k) {
        const float best = 0.4f + 0.035f * float(k);
        for (int c = 0; c < 3; ++c)
            grid->output.push_back(c == k % 3 ? best : (1 - best) / 2);
    }
    return grid;
}

// A 4 x 4 regression grid with values from -1.5 to 1.2, different in every cell.
std::shared_ptr<PlaneGrid> valueGrid()
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = 4;
    grid->outputs = 1;
    grid->regression = true;
    for (int k = 0; k < 16; ++k)
        grid->output.push_back(-1.5f + 0.18f * float(k));
    return grid;
}

QRgb pixelAt(const QImage& image, const QPointF& widgetPos)
{
    return image.pixel(int(std::floor(widgetPos.x())), int(std::floor(widgetPos.y())));
}

int colourDistance(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}

QString rgbText(QRgb c)
{
    return QStringLiteral("(%1, %2, %3)").arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

// Every cell's centre shows `expected(cell)`, within `tolerance` levels: the pixel read is up to half a pixel
// from the centre, where the bilinear scaling mixes in a little of the next cell (cells of the same class
// differ by 35 levels or more).
template <typename Expected>
void checkCells(DecisionPlaneView& view, const PlaneGrid& grid, Expected expected, int tolerance = 2)
{
    const QImage image = view.grab().toImage();
    const PlaneFrame frame = view.frame();
    for (int row = 0; row < grid.resolution; ++row)
        for (int col = 0; col < grid.resolution; ++col) {
            const QRgb want = expected(row * grid.resolution + col);
            const QRgb got = pixelAt(image, frame.toWidget(grid.x1At(col), grid.x2At(row)));
            QVERIFY2(colourDistance(got, want) <= tolerance, qPrintable(QStringLiteral("cell (%1, %2): %3, expected %4")
                                                                            .arg(row)
                                                                            .arg(col)
                                                                            .arg(rgbText(got), rgbText(want))));
        }
}

double luminance(QRgb c)
{
    return 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
}

// Spiral-like probabilities for screenshots: a smooth, confident boundary between two arms.
std::shared_ptr<PlaneGrid> spiralGrid(int resolution)
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = resolution;
    grid->outputs = 2;
    for (int row = 0; row < resolution; ++row)
        for (int col = 0; col < resolution; ++col) {
            const double x1 = grid->x1At(col), x2 = grid->x2At(row);
            const double r = std::hypot(x1, x2), t = std::atan2(x2, x1);
            const double p = 1 / (1 + std::exp(-4 * std::sin(t - r * 1.75 * 2 * std::numbers::pi / 5)));
            grid->output.push_back(float(1 - p));
            grid->output.push_back(float(p));
        }
    return grid;
}

// For screenshots: what a 9-nearest-neighbour model of the training points answers over the plane.
std::shared_ptr<PlaneGrid> neighbourGrid(const std::vector<PlaneSample>& samples, int classes, int resolution)
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = resolution;
    grid->regression = classes == 0;
    grid->outputs = std::max(1, classes);
    std::vector<std::pair<double, const PlaneSample*>> near;
    for (int row = 0; row < resolution; ++row)
        for (int col = 0; col < resolution; ++col) {
            near.clear();
            for (const PlaneSample& s : samples)
                if (!s.test)
                    near.emplace_back(std::hypot(s.x1 - grid->x1At(col), s.x2 - grid->x2At(row)), &s);
            std::partial_sort(near.begin(), near.begin() + 9, near.end());
            std::vector<double> out(std::size_t(grid->outputs), 0.0);
            for (int i = 0; i < 9; ++i)
                out[grid->regression ? 0 : std::size_t(near[std::size_t(i)].second->label)] +=
                    (grid->regression ? near[std::size_t(i)].second->value : 1.0) / 9;
            grid->output.insert(grid->output.end(), out.begin(), out.end());
        }
    return grid;
}

std::vector<PlaneSample> samplesOf(const std::string& set, const PlaneDataOptions& options)
{
    std::vector<PlaneSample> samples;
    int index = 0;
    for (const PlanePoint& point : generatePlaneData(set, options)) {
        PlaneSample sample;
        sample.x1 = point.x1;
        sample.x2 = point.x2;
        sample.label = isPlaneRegression(set) ? 0 : (set == "blobs" ? int(point.target) : point.target > 0);
        sample.value = point.target;
        sample.test = index++ % 2 == 1;
        samples.push_back(sample);
    }
    return samples;
}

} // namespace

class TestDecisionPlaneView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coloursFollowTheirFormulas();
    void classificationCellsSitWhereTheGridSays();
    void regressionCellsUseTheDivergingScale();
    void gridBoundsNarrowerThanTheViewStayInPlace();
    void cellsWithoutAFiniteAnswerAreNeutral();
    void pointsAreDrawnAtTheirPlanePositions();
    void hiddenPointsAreNotDrawn();
    void noGridGivesANeutralPlane();
    void ticksAreRoundNumbers();
    void hoverTellsTheAnswerUnderTheCursor();
    void paintTakesAFewMilliseconds();
    void screenshots();

private:
    void saveEditingScreenshot(const QString& dir);
};

void TestDecisionPlaneView::coloursFollowTheirFormulas()
{
    QCOMPARE(classColour(0, 2), qRgb(0xf5, 0x93, 0x22));
    QCOMPARE(classColour(1, 2), qRgb(0x08, 0x77, 0xbd));
    // Eight distinct colours, and more classes still get distinct ones.
    for (const int classes : {8, 12})
        for (int a = 0; a < classes; ++a)
            for (int b = a + 1; b < classes; ++b)
                QVERIFY2(colourDistance(classColour(a, classes), classColour(b, classes)) > 30,
                         qPrintable(QStringLiteral("%1 and %2 of %3").arg(a).arg(b).arg(classes)));
    QCOMPARE(confidenceColour(1, 1.0, 2), classColour(1, 2));
    QCOMPARE(confidenceColour(1, 0.5, 2), qRgb(255, 255, 255));
    QCOMPARE(confidenceColour(2, 1.0 / 3, 3), qRgb(255, 255, 255));
    // Halfway between a guess and certainty: halfway between white and the colour.
    const QRgb half = confidenceColour(0, 0.75, 2);
    QCOMPARE(qRed(half), int(std::lround(255 + (0xf5 - 255) * 0.5)));
    QCOMPARE(qGreen(half), int(std::lround(255 + (0x93 - 255) * 0.5)));
    QCOMPARE(qBlue(half), int(std::lround(255 + (0x22 - 255) * 0.5)));
    QCOMPARE(divergingColour(0, 2), qRgb(255, 255, 255));
    QCOMPARE(divergingColour(-2, 2), classColour(0, 2));
    QCOMPARE(divergingColour(5, 2), classColour(1, 2));
    QCOMPARE(divergingColour(1, 2), blendWithWhite(classColour(1, 2), 0.5));
    QCOMPARE(divergingColour(-0.5, 2), blendWithWhite(classColour(0, 2), 0.25));
}

void TestDecisionPlaneView::classificationCellsSitWhereTheGridSays()
{
    const auto grid = classGrid();
    for (const int side : {260, 431, 700}) {
        DecisionPlaneView view;
        view.resize(side, side);
        view.setSamples({}, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, false);
        view.setGrid(grid);
        checkCells(view, *grid, [&](int k) {
            const float* p = grid->output.data() + k * 3;
            return confidenceColour(k % 3, double(p[k % 3]), 3);
        });
    }
    // The top-left corner of the plot is cell (0, 0): x1Min, x2Max.
    DecisionPlaneView view;
    view.resize(400, 400);
    view.setGrid(grid);
    const QImage image = view.grab().toImage();
    const QRectF plot = view.frame().plot;
    QVERIFY(colourDistance(pixelAt(image, plot.topLeft() + QPointF(3, 3)), confidenceColour(0, 0.4, 3)) <= 2);
    QVERIFY(colourDistance(pixelAt(image, plot.topRight() + QPointF(-3, 3)), confidenceColour(0, 0.505, 3)) <= 2);
    QVERIFY(colourDistance(pixelAt(image, plot.bottomLeft() + QPointF(3, -3)), confidenceColour(0, 0.82, 3)) <= 2);
}

void TestDecisionPlaneView::regressionCellsUseTheDivergingScale()
{
    const auto grid = valueGrid();
    DecisionPlaneView view;
    view.resize(500, 500);
    view.setSamples({}, {}, true);
    view.setGrid(grid);
    QCOMPARE(view.valueRange(), 1.5); // no points: the grid's largest |value|
    checkCells(view, *grid, [&](int k) { return divergingColour(double(grid->output[k]), 1.5); });

    // With points, the scale spans their values.
    PlaneSample point;
    point.x1 = 5.5;
    point.x2 = -5.5;
    point.value = -3;
    view.setSamples({point}, {}, true);
    QCOMPARE(view.valueRange(), 3.0);
    checkCells(view, *grid, [&](int k) { return divergingColour(double(grid->output[k]), 3.0); });
}

void TestDecisionPlaneView::gridBoundsNarrowerThanTheViewStayInPlace()
{
    auto grid = classGrid();
    grid->bounds = PlaneBounds{-2, 4, -1, 5};
    DecisionPlaneView view;
    view.resize(480, 480);
    view.setBounds(PlaneBounds{-4, 8, -7, 5});
    view.setGrid(grid);
    // The grid's cells are not whole pixels here (nor is its edge): its image is placed to the nearest pixel.
    checkCells(
        view, *grid, [&](int k) { return confidenceColour(k % 3, double(grid->output[k * 3 + k % 3]), 3); }, 6);
    // Outside the grid's bounds: the neutral plane.
    const QImage image = view.grab().toImage();
    QCOMPARE(pixelAt(image, view.frame().toWidget(-3, -6)), qRgb(232, 234, 235));
}

// A network that diverged answers NaN: those cells show the neutral plane, the others their colours.
void TestDecisionPlaneView::cellsWithoutAFiniteAnswerAreNeutral()
{
    auto grid = classGrid();
    grid->output[5 * 3 + 1] = std::numeric_limits<float>::quiet_NaN();
    grid->output[9 * 3] = std::numeric_limits<float>::infinity();
    DecisionPlaneView view;
    view.resize(400, 400);
    view.setGrid(grid);
    checkCells(view, *grid, [&](int k) {
        return k == 5 || k == 9 ? qRgb(232, 234, 235) : confidenceColour(k % 3, double(grid->output[k * 3 + k % 3]), 3);
    });
    QCOMPARE(confidenceColour(0, std::nan(""), 2), qRgb(255, 255, 255));
}

void TestDecisionPlaneView::pointsAreDrawnAtTheirPlanePositions()
{
    // A dark blue plane, so that the training point's white ring shows.
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = 1;
    grid->outputs = 2;
    grid->output = {0.0f, 1.0f};
    PlaneSample training;
    training.x1 = 2.3;
    training.x2 = -3.1;
    training.label = 0;
    PlaneSample test;
    test.x1 = -4.2;
    test.x2 = 4.4;
    test.label = 2;
    test.test = true;
    DecisionPlaneView view;
    view.resize(700, 700);
    view.setGrid(grid);
    view.setSamples({training, test}, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, false);
    const QImage image = view.grab().toImage();
    const PlaneFrame frame = view.frame();
    const double radius = planePointRadius(frame.plot.width());
    const QPointF trainingAt = frame.toWidget(training.x1, training.x2);
    const QPointF testAt = frame.toWidget(test.x1, test.x2);
    QCOMPARE(pixelAt(image, trainingAt), classColour(0, 3));
    QCOMPARE(pixelAt(image, testAt), classColour(2, 3));
    // Just outside the dot: a white ring around the training point (on a plane of luminance 95), a dark one
    // around the test point.
    double brightest = 0, darkest = 255;
    for (double dx = radius; dx <= radius + 1.5; dx += 0.5) {
        brightest = std::max(brightest, luminance(pixelAt(image, trainingAt + QPointF(dx, 0))));
        darkest = std::min(darkest, luminance(pixelAt(image, testAt + QPointF(dx, 0))));
    }
    QVERIFY2(brightest > 200, qPrintable(QString::number(brightest)));
    QVERIFY2(darkest < 80, qPrintable(QString::number(darkest)));
    // Beyond the ring the plane is untouched.
    QCOMPARE(pixelAt(image, trainingAt + QPointF(radius + 4, 0)), classColour(1, 2));
}

void TestDecisionPlaneView::hiddenPointsAreNotDrawn()
{
    PlaneSample training;
    training.x1 = 1;
    training.x2 = 1;
    PlaneSample test = training;
    test.x1 = -1;
    test.test = true;
    DecisionPlaneView view;
    view.resize(400, 400);
    view.setSamples({training, test}, {QStringLiteral("-1"), QStringLiteral("1")}, false);
    const PlaneFrame frame = view.frame();
    view.setShowTest(false);
    QImage image = view.grab().toImage();
    QCOMPARE(pixelAt(image, frame.toWidget(1, 1)), classColour(0, 2));
    QCOMPARE(pixelAt(image, frame.toWidget(-1, 1)), qRgb(232, 234, 235));
    view.setShowTest(true);
    view.setShowTraining(false);
    image = view.grab().toImage();
    QCOMPARE(pixelAt(image, frame.toWidget(1, 1)), qRgb(232, 234, 235));
    QCOMPARE(pixelAt(image, frame.toWidget(-1, 1)), classColour(0, 2));
}

void TestDecisionPlaneView::noGridGivesANeutralPlane()
{
    DecisionPlaneView view;
    view.resize(300, 300);
    view.setGrid(classGrid());
    view.setGrid(nullptr);
    const QImage image = view.grab().toImage();
    const PlaneFrame frame = view.frame();
    QCOMPARE(pixelAt(image, frame.plot.center()), qRgb(232, 234, 235));
    QCOMPARE(pixelAt(image, frame.plot.topLeft() + QPointF(2, 2)), qRgb(232, 234, 235));
}

void TestDecisionPlaneView::ticksAreRoundNumbers()
{
    PlaneTicks ticks = planeTicks(-6, 6, 7);
    QCOMPARE(ticks.values, (std::vector<double>{-6, -4, -2, 0, 2, 4, 6}));
    QCOMPARE(ticks.decimals, 0);
    ticks = planeTicks(-6, 6, 11);
    QCOMPARE(ticks.values.size(), std::size_t(7)); // a step of 1 would give 13
    ticks = planeTicks(0.13, 1.02, 5);
    const std::vector<double> tenths = {0.2, 0.4, 0.6, 0.8, 1.0};
    QCOMPARE(ticks.values.size(), tenths.size());
    for (std::size_t i = 0; i < tenths.size(); ++i)
        QVERIFY(std::abs(ticks.values[i] - tenths[i]) < 1e-12);
    QCOMPARE(ticks.decimals, 1);
    QCOMPARE(tickText(-2.5, 1), QStringLiteral("\u22122.5"));
    QCOMPARE(tickText(-0.0001, 2), QStringLiteral("0.00"));
    QCOMPARE(tickText(4, 0), QStringLiteral("4"));
}

void TestDecisionPlaneView::hoverTellsTheAnswerUnderTheCursor()
{
    const auto grid = classGrid();
    DecisionPlaneView view;
    view.resize(400, 400);
    view.setSamples({}, {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")}, false);
    view.setGrid(grid);
    const PlaneFrame frame = view.frame();
    // Cell (1, 2) is k = 6: class 0 ("red") at 0.61, the others at 0.195.
    const QString text = view.answerAt(frame.toWidget(grid->x1At(2), grid->x2At(1)));
    QVERIFY2(text.contains(QStringLiteral("red: 61.0%")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("green: 19.5%")), qPrintable(text));
    QVERIFY2(text.indexOf(QStringLiteral("red")) < text.indexOf(QStringLiteral("green")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("x\u2081 = 1.50, x\u2082 = 1.50")), qPrintable(text));
    QVERIFY(view.answerAt(frame.plot.topLeft() - QPointF(5, 5)).isEmpty()); // outside the plot
    QVERIFY(!text.contains(QStringLiteral("point")));
    // Over a point, the point too.
    PlaneSample point;
    point.x1 = 1.45;
    point.x2 = 1.5;
    point.label = 2;
    point.test = true;
    view.setSamples({point}, {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")}, false);
    const QString over = view.answerAt(frame.toWidget(grid->x1At(2), grid->x2At(1)));
    QVERIFY2(over.contains(QStringLiteral("Test point: class blue")), qPrintable(over));
    // The tooltip says the same.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = frame.toWidget(grid->x1At(2), grid->x2At(1)).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
    QApplication::sendEvent(&view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), view.answerAt(at));
    QToolTip::hideText();

    view.setSamples({}, {}, true);
    view.setGrid(valueGrid());
    const QString value = view.answerAt(frame.toWidget(grid->x1At(0), grid->x2At(3)));
    QVERIFY2(value.contains(QStringLiteral("value 0.66")), qPrintable(value)); // k = 12: -1.5 + 0.18 * 12
}

// Prints how long a paint takes at 260 and 700 pixels with 500 points: after a new grid (the layer is drawn
// again, as 10 times a second while training) and when nothing changed (one copy of the cached layer).
void TestDecisionPlaneView::paintTakesAFewMilliseconds()
{
    PlaneDataOptions options;
    const std::vector<PlaneSample> samples = samplesOf("spiral", options);
    for (const int side : {260, 700}) {
        DecisionPlaneView view;
        view.resize(side, side);
        view.setSamples(samples, {QStringLiteral("-1"), QStringLiteral("1")}, false);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const std::vector<std::shared_ptr<const PlaneGrid>> grids = {spiralGrid(100), spiralGrid(100)};
        std::vector<double> withNewGrid, unchanged;
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer timer;
            timer.start();
            view.setGrid(grids[std::size_t(i % 2)]);
            view.repaint();
            withNewGrid.push_back(double(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            view.repaint();
            unchanged.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(withNewGrid.begin(), withNewGrid.end());
        std::sort(unchanged.begin(), unchanged.end());
        qInfo("decision plane %dx%d, 100x100 grid, 500 points: a paint after a new grid takes %.2f ms (median; "
              "fastest %.2f), an unchanged one %.2f ms",
              side, side, withNewGrid[15], withNewGrid[0], unchanged[15]);
    }
}

void TestDecisionPlaneView::screenshots()
{
    const QString dir = qEnvironmentVariable("NEURITE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("NEURITE_SCREENSHOT_DIR is not set");
    PlaneDataOptions options;
    options.noise = 0.1;
    for (const int side : {260, 700}) {
        DecisionPlaneView view;
        view.resize(side, side);
        view.setSamples(samplesOf("spiral", options), {QStringLiteral("-1"), QStringLiteral("1")}, false);
        view.setGrid(spiralGrid(100));
        view.grab().save(QStringLiteral("%1/plane-spiral-%2.png").arg(dir).arg(side));
        const std::vector<PlaneSample> values = samplesOf("gauss-regression", options);
        view.setSamples(values, {}, true);
        view.setGrid(neighbourGrid(values, 0, 100));
        view.grab().save(QStringLiteral("%1/plane-regression-%2.png").arg(dir).arg(side));
        options.classes = 5;
        const std::vector<PlaneSample> blobs = samplesOf("blobs", options);
        view.setSamples(blobs, {"0", "1", "2", "3", "4"}, false);
        view.setGrid(neighbourGrid(blobs, 5, 100));
        view.grab().save(QStringLiteral("%1/plane-blobs-%2.png").arg(dir).arg(side));
        options.classes = 3;
    }
    saveEditingScreenshot(dir);
}

// The toolbar over the plane while painting a third class into xor, the spray's reach around the cursor.
void TestDecisionPlaneView::saveEditingScreenshot(const QString& dir)
{
    std::vector<PlaneSample> samples = samplesOf("xor", PlaneDataOptions{});
    for (int i = 0; i < 40; ++i)
        samples.push_back(PlaneSample{-3.5 + 0.9 * std::cos(i * 2.4), 3.2 + 0.9 * std::sin(i * 1.7), 2, 0, false});
    const QStringList names = {QStringLiteral("-1"), QStringLiteral("1"), QStringLiteral("2")};
    QWidget window;
    auto* column = new QVBoxLayout(&window);
    auto* toolbar = new PaintToolbar;
    auto* view = new DecisionPlaneView;
    column->addWidget(toolbar);
    column->addWidget(view);
    toolbar->picker()->setClasses(names);
    toolbar->picker()->setCurrentClass(2);
    toolbar->setPainting(true);
    view->setPaintingEnabled(true);
    view->setSamples(samples, names, false);
    view->setGrid(neighbourGrid(samples, 3, 100));
    window.resize(480, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QPointF cursor = view->frame().toWidget(-1.2, 4.9);
    QMouseEvent move(QEvent::MouseMove, cursor, view->mapToGlobal(cursor), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view, &move);
    window.grab().save(QStringLiteral("%1/plane-painting.png").arg(dir));
}

QTEST_MAIN(TestDecisionPlaneView)
#include "tst_decisionplaneview.moc"
