// Tests for painting points on the decision plane: a click adds a point of the current class (or value) at
// the plane position of the inverse mapping, a right click erases the points near it, a drag sprays the
// same points for the same seed, and nothing is edited outside the plot or with painting off.
#include "playground/DecisionPlaneView.h"
#include "playground/PlaneSpray.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

const QStringList kThreeClasses = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

PlaneSample sampleAt(double x1, double x2, int label, bool test = false)
{
    PlaneSample sample;
    sample.x1 = x1;
    sample.x2 = x2;
    sample.label = label;
    sample.test = test;
    return sample;
}

void sendMouse(QWidget& widget, QEvent::Type type, const QPointF& pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget.mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(&widget, &event);
}

// A left-button drag from `from` in `steps` moves of `step` pixels to the right.
void drag(QWidget& widget, QPointF from, int steps, double step)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= steps; ++i)
        sendMouse(widget, QEvent::MouseMove, from + QPointF(i * step, 0), Qt::NoButton, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, from + QPointF(steps * step, 0), Qt::LeftButton, Qt::NoButton);
}

struct PaintingView {
    DecisionPlaneView view;
    PaintingView()
    {
        view.resize(400, 400);
        view.setSamples({}, kThreeClasses, false);
        view.setPaintingEnabled(true);
    }
};

} // namespace

class TestPlanePainting : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clickAddsAPointWhereTheMouseIs();
    void mappingGoesBothWays();
    void regressionPointsTakeTheCurrentValue();
    void rightClickErasesTheNearbyPoints();
    void rightDragErasesAlongTheWay();
    void dragSpraysTheSamePointsForTheSameSeed();
    void nothingChangesOutsideThePlotOrWithPaintingOff();
    void undoTakesBackOneStrokeAtATime();
};

void TestPlanePainting::clickAddsAPointWhereTheMouseIs()
{
    PaintingView painting;
    DecisionPlaneView& view = painting.view;
    view.setBounds(PlaneBounds{-2, 10, -3, 1});
    view.setCurrentClass(2);
    QSignalSpy edited(&view, &DecisionPlaneView::pointsEdited);
    const QPoint click(150, 200);
    QTest::mouseClick(&view, Qt::LeftButton, {}, click);
    QCOMPARE(edited.count(), 1);
    const auto samples = edited.front().front().value<std::vector<PlaneSample>>();
    QCOMPARE(samples.size(), std::size_t(1));
    QCOMPARE(view.samples().size(), std::size_t(1));
    // The inverse of the mapping, worked out here from the plot's rectangle and the bounds.
    const QRectF plot = view.frame().plot;
    const double x1 = -2 + (click.x() - plot.left()) / plot.width() * 12;
    const double x2 = 1 - (click.y() - plot.top()) / plot.height() * 4;
    QVERIFY2(std::abs(samples[0].x1 - x1) < 1e-9, qPrintable(QString::number(samples[0].x1)));
    QVERIFY2(std::abs(samples[0].x2 - x2) < 1e-9, qPrintable(QString::number(samples[0].x2)));
    QCOMPARE(samples[0].label, 2);
    QVERIFY(!samples[0].test);
    // A second click adds to the list.
    view.setCurrentClass(0);
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(250, 120));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(edited.back().front().value<std::vector<PlaneSample>>().size(), std::size_t(2));
    QCOMPARE(view.samples().back().label, 0);
}

void TestPlanePainting::mappingGoesBothWays()
{
    PaintingView painting;
    painting.view.setBounds(PlaneBounds{-1, 3, 2, 10});
    const PlaneFrame frame = painting.view.frame();
    QCOMPARE(frame.toWidget(-1, 10), frame.plot.topLeft());
    QCOMPARE(frame.toWidget(3, 2), frame.plot.bottomRight());
    const QPointF back = frame.toWidget(frame.toPlane(QPointF(123.5, 77.25)).x(),
                                        frame.toPlane(QPointF(123.5, 77.25)).y());
    QVERIFY(std::abs(back.x() - 123.5) < 1e-9 && std::abs(back.y() - 77.25) < 1e-9);
    // The plot is square and fits the widget at other sizes too.
    for (const QSize size : {QSize(260, 260), QSize(700, 700), QSize(500, 300)}) {
        painting.view.resize(size);
        const QRectF plot = painting.view.frame().plot;
        QCOMPARE(plot.width(), plot.height());
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(plot));
        QVERIFY(plot.width() > 0.7 * std::min(size.width(), size.height()));
    }
}

void TestPlanePainting::regressionPointsTakeTheCurrentValue()
{
    PaintingView painting;
    painting.view.setSamples({}, {}, true);
    painting.view.setCurrentValue(-0.7);
    QTest::mouseClick(&painting.view, Qt::LeftButton, {}, QPoint(200, 200));
    QCOMPARE(painting.view.samples().size(), std::size_t(1));
    QCOMPARE(painting.view.samples()[0].value, -0.7);
    QCOMPARE(painting.view.valueRange(), 0.7);
}

void TestPlanePainting::rightClickErasesTheNearbyPoints()
{
    PaintingView painting;
    DecisionPlaneView& view = painting.view;
    // At about 27 pixels a unit: 0.2 apart is 5 pixels (erased with its neighbour), 1 apart is 27 (kept).
    view.setSamples({sampleAt(0, 0, 0), sampleAt(0.2, 0.1, 1, true), sampleAt(1, 0, 2), sampleAt(3, 3, 0)},
                    kThreeClasses, false);
    QSignalSpy edited(&view, &DecisionPlaneView::pointsEdited);
    const QPointF origin = view.frame().toWidget(0, 0);
    QTest::mouseClick(&view, Qt::RightButton, {}, origin.toPoint());
    QCOMPARE(edited.count(), 1);
    const auto left = view.samples();
    QCOMPARE(left.size(), std::size_t(2));
    QCOMPARE(left[0].x1, 1.0);
    QCOMPARE(left[1].x1, 3.0);
    // Nothing near: no edit.
    QTest::mouseClick(&view, Qt::RightButton, {}, view.frame().toWidget(-4, -4).toPoint());
    QCOMPARE(edited.count(), 1);
    // Hidden points are not erased.
    view.setSamples({sampleAt(0, 0, 0, true)}, kThreeClasses, false);
    view.setShowTest(false);
    QTest::mouseClick(&view, Qt::RightButton, {}, origin.toPoint());
    QCOMPARE(view.samples().size(), std::size_t(1));
}

void TestPlanePainting::rightDragErasesAlongTheWay()
{
    PaintingView painting;
    DecisionPlaneView& view = painting.view;
    view.setSamples({sampleAt(-2, 0, 0), sampleAt(0, 0, 1), sampleAt(2, 0, 0), sampleAt(0, 3, 1)}, kThreeClasses,
                    false);
    const PlaneFrame frame = view.frame();
    sendMouse(view, QEvent::MouseButtonPress, frame.toWidget(-2, 0), Qt::RightButton, Qt::RightButton);
    for (double x1 = -2; x1 <= 2; x1 += 0.25)
        sendMouse(view, QEvent::MouseMove, frame.toWidget(x1, 0), Qt::NoButton, Qt::RightButton);
    sendMouse(view, QEvent::MouseButtonRelease, frame.toWidget(2, 0), Qt::RightButton, Qt::NoButton);
    QCOMPARE(view.samples().size(), std::size_t(1));
    QCOMPARE(view.samples()[0].x2, 3.0);
}

void TestPlanePainting::dragSpraysTheSamePointsForTheSameSeed()
{
    constexpr int kSteps = 10;
    const QPointF from(120, 200);
    const double step = PlaneSpray::kStep + 2; // every move far enough for a burst
    std::vector<std::vector<PlaneSample>> sprayed;
    for (const quint64 seed : {7u, 7u, 8u}) {
        PaintingView painting;
        painting.view.setSpraySeed(seed);
        painting.view.setCurrentClass(1);
        QSignalSpy edited(&painting.view, &DecisionPlaneView::pointsEdited);
        drag(painting.view, from, kSteps, step);
        QCOMPARE(edited.count(), 1 + kSteps); // the click, then one edit per burst
        sprayed.push_back(painting.view.samples());
        // The click's point, then kPointsPerBurst within the spray's radius of each position.
        QCOMPARE(sprayed.back().size(), std::size_t(1 + kSteps * PlaneSpray::kPointsPerBurst));
        const PlaneFrame frame = painting.view.frame();
        for (std::size_t i = 1; i < sprayed.back().size(); ++i) {
            const PlaneSample& s = sprayed.back()[i];
            const QPointF centre = from + QPointF(double((i - 1) / PlaneSpray::kPointsPerBurst + 1) * step, 0);
            const QPointF offset = frame.toWidget(s.x1, s.x2) - centre;
            QVERIFY(std::hypot(offset.x(), offset.y()) <= PlaneSpray::kRadius + 1e-9);
            QCOMPARE(s.label, 1);
        }
    }
    const auto same = [](const std::vector<PlaneSample>& a, const std::vector<PlaneSample>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PlaneSample& p, const PlaneSample& q) {
            return p.x1 == q.x1 && p.x2 == q.x2 && p.label == q.label;
        });
    };
    QVERIFY(same(sprayed[0], sprayed[1]));
    QVERIFY(!same(sprayed[0], sprayed[2]));
    // Small moves do not spray: the rate is limited by the distance travelled.
    PaintingView slow;
    drag(slow.view, from, kSteps, PlaneSpray::kStep / 4);
    QCOMPARE(slow.view.samples().size(), std::size_t(1 + 2 * PlaneSpray::kPointsPerBurst));
}

void TestPlanePainting::nothingChangesOutsideThePlotOrWithPaintingOff()
{
    PaintingView painting;
    QSignalSpy edited(&painting.view, &DecisionPlaneView::pointsEdited);
    const QRectF plot = painting.view.frame().plot;
    QTest::mouseClick(&painting.view, Qt::LeftButton, {}, (plot.bottomLeft() + QPointF(-5, 5)).toPoint());
    QCOMPARE(edited.count(), 0);
    painting.view.setPaintingEnabled(false);
    QTest::mouseClick(&painting.view, Qt::LeftButton, {}, plot.center().toPoint());
    QCOMPARE(edited.count(), 0);
    QVERIFY(painting.view.samples().empty());
}

void TestPlanePainting::undoTakesBackOneStrokeAtATime()
{
    PaintingView painting;
    DecisionPlaneView& view = painting.view;
    const std::vector<PlaneSample> start = {sampleAt(0, 0, 0), sampleAt(4, 4, 1)};
    view.setSamples(start, kThreeClasses, false);
    QSignalSpy available(&view, &DecisionPlaneView::undoAvailable);
    QSignalSpy edited(&view, &DecisionPlaneView::pointsEdited);
    QVERIFY(!view.canUndo());
    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(150, 150)); // one point
    QCOMPARE(available.count(), 1);
    drag(view, QPointF(120, 250), 5, PlaneSpray::kStep + 1); // 1 + 5 bursts: one stroke
    const std::size_t afterSpray = view.samples().size();
    QCOMPARE(afterSpray, std::size_t(3 + 1 + 5 * PlaneSpray::kPointsPerBurst));
    QTest::mouseClick(&view, Qt::RightButton, {}, view.frame().toWidget(0, 0).toPoint()); // erases (0, 0)
    QCOMPARE(view.samples().size(), afterSpray - 1);
    // A right click that erases nothing is not a stroke to undo.
    QTest::mouseClick(&view, Qt::RightButton, {}, view.frame().toWidget(-5, 5).toPoint());

    const int editsBefore = int(edited.count());
    view.undoEdit();
    QCOMPARE(view.samples().size(), afterSpray);
    QCOMPARE(view.samples()[0].x1, 0.0); // back where it was
    QCOMPARE(int(edited.count()), editsBefore + 1);
    view.undoEdit();
    QCOMPARE(view.samples().size(), std::size_t(3));
    view.undoEdit();
    QCOMPARE(view.samples().size(), start.size());
    QVERIFY(!view.canUndo());
    QCOMPARE(available.back().front().toBool(), false);
    view.undoEdit(); // nothing left: no edit
    QCOMPARE(int(edited.count()), editsBefore + 3);

    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(150, 150));
    QVERIFY(view.canUndo());
    view.clearEditHistory();
    QVERIFY(!view.canUndo());
}

QTEST_MAIN(TestPlanePainting)
#include "tst_planepainting.moc"
