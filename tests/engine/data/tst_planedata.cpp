// Tests the generated two-dimensional data sets: the same seed gives the same points, the classes come in
// exact shares, every point is on the plane, noise-free points have the shapes they are named after,
// regression values follow their formulas, bad options are refused by name, and a set loads as a table.
#include "ErrorCapture.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

using namespace neurite;
using neurite::test::errorOf;

namespace {

PlaneDataOptions withPoints(int points, double noise = 0, std::uint64_t seed = 1)
{
    PlaneDataOptions options;
    options.points = points;
    options.noise = noise;
    options.seed = seed;
    return options;
}

std::map<double, int> classCounts(const std::vector<PlanePoint>& points)
{
    std::map<double, int> counts;
    for (const PlanePoint& point : points)
        ++counts[point.target];
    return counts;
}

bool samePoints(const std::vector<PlanePoint>& a, const std::vector<PlanePoint>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PlanePoint& p, const PlanePoint& q) {
        return p.x1 == q.x1 && p.x2 == q.x2 && p.target == q.target;
    });
}

// Playground's gauss-regression, written out again: of six bumps falling from +-1 at (-4|0|4, +-2.5) to 0 at
// distance 2, the one largest in magnitude.
double sixBumps(double x, double y)
{
    const double centres[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double best = 0;
    for (const auto& c : centres) {
        const double d = std::sqrt((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]));
        const double v = c[2] * std::max(0.0, 1 - d / 2);
        if (std::abs(v) > std::abs(best))
            best = v;
    }
    return best;
}

} // namespace

class TestPlaneData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theSameSeedGivesTheSamePoints()
    {
        for (const std::string& name : planeDataSetNames()) {
            if (name == kPaintedDataSet)
                continue; // not generated: tests/engine/data/tst_paintedpoints.cpp
            const auto first = generatePlaneData(name, withPoints(300, 0.2, 7));
            QVERIFY2(samePoints(first, generatePlaneData(name, withPoints(300, 0.2, 7))), name.c_str());
            QVERIFY2(!samePoints(first, generatePlaneData(name, withPoints(300, 0.2, 8))), name.c_str());
            QCOMPARE(first.size(), std::size_t(300));
        }
    }

    void theClassesComeInExactShares()
    {
        for (const char* name : {"circle", "xor", "gauss", "spiral"}) {
            const auto counts = classCounts(generatePlaneData(name, withPoints(501)));
            QCOMPARE(counts.size(), std::size_t(2));
            QCOMPARE(counts.at(1), 251);
            QCOMPARE(counts.at(-1), 250);
        }
        for (int classes = 3; classes <= 5; ++classes) {
            PlaneDataOptions options = withPoints(502, 0.5);
            options.classes = classes;
            const auto counts = classCounts(generatePlaneData("blobs", options));
            QCOMPARE(int(counts.size()), classes);
            for (const auto& [label, count] : counts) {
                QCOMPARE(label, double(int(label)));
                QCOMPARE(count, 502 / classes + (int(label) < 502 % classes ? 1 : 0));
            }
        }
    }

    void everyPointIsOnThePlane()
    {
        for (const std::string& name : planeDataSetNames()) {
            if (name == kPaintedDataSet)
                continue;
            for (double noise : {0.0, 0.25, 0.5})
                for (const PlanePoint& p : generatePlaneData(name, withPoints(2000, noise, 3))) {
                    QVERIFY2(std::abs(p.x1) <= kPlaneExtent && std::abs(p.x2) <= kPlaneExtent, name.c_str());
                    QVERIFY(std::isfinite(p.target));
                }
        }
    }

    void circleAndXorWithoutNoiseHaveTheirShapes()
    {
        for (const PlanePoint& p : generatePlaneData("circle", withPoints(1000))) {
            const double r = std::hypot(p.x1, p.x2);
            if (p.target == 1)
                QVERIFY(r < 2.5);
            else
                QVERIFY(r >= 3.5 && r <= 5);
        }
        for (const PlanePoint& p : generatePlaneData("xor", withPoints(1000))) {
            QCOMPARE(p.target, p.x1 * p.x2 >= 0 ? 1.0 : -1.0);
            QVERIFY(std::abs(p.x1) >= 0.3 && std::abs(p.x2) >= 0.3 && std::abs(p.x1) <= 5.3);
        }
    }

    void noiseRelabelsCircleNearItsBoundary()
    {
        int outsideLabelledIn = 0;
        for (const PlanePoint& p : generatePlaneData("circle", withPoints(1000, 0.5)))
            outsideLabelledIn += p.target == 1 && std::hypot(p.x1, p.x2) >= 3.5;
        QVERIFY(outsideLabelledIn > 0);
    }

    void spiralPointsLieOnTheirSpirals()
    {
        const auto points = generatePlaneData("spiral", withPoints(400));
        int index[2] = {0, 0};
        for (const PlanePoint& p : points) {
            const int arm = p.target == 1 ? 0 : 1;
            const double along = double(index[arm]++) / 200;
            const double t = 1.75 * along * 2 * std::numbers::pi + arm * std::numbers::pi;
            QVERIFY(std::abs(p.x1 - 5 * along * std::sin(t)) < 1e-12);
            QVERIFY(std::abs(p.x2 - 5 * along * std::cos(t)) < 1e-12);
        }
        QCOMPARE(index[0], 200);
        QCOMPARE(index[1], 200);
    }

    void gaussianBlobsHaveTheirCentresAndSpread()
    {
        std::map<double, std::vector<PlanePoint>> byClass;
        for (const PlanePoint& p : generatePlaneData("gauss", withPoints(4000)))
            byClass[p.target].push_back(p);
        for (const auto& [label, points] : byClass) {
            double sx = 0, sy = 0, sxx = 0;
            for (const PlanePoint& p : points) {
                sx += p.x1;
                sy += p.x2;
                sxx += (p.x1 - 2 * label) * (p.x1 - 2 * label);
            }
            const double n = double(points.size());
            QVERIFY(std::abs(sx / n - 2 * label) < 0.06 && std::abs(sy / n - 2 * label) < 0.06);
            QVERIFY(std::abs(sxx / n - 0.5) < 0.05); // Playground's variance at noise 0
        }
    }

    void regressionValuesFollowTheirFormulas()
    {
        for (const PlanePoint& p : generatePlaneData("plane", withPoints(500)))
            QCOMPARE(p.target, (p.x1 + p.x2) / 10);
        int bumps = 0;
        for (const PlanePoint& p : generatePlaneData("gauss-regression", withPoints(500))) {
            QVERIFY(std::abs(p.target - sixBumps(p.x1, p.x2)) < 1e-12);
            bumps += p.target != 0;
        }
        QVERIFY(bumps > 100); // the bumps cover about a third of the plane
        // With noise the value is read at a moved point: off the formula, but by at most 2 * 6 * noise / 10.
        double largest = 0;
        for (const PlanePoint& p : generatePlaneData("plane", withPoints(500, 0.5)))
            largest = std::max(largest, std::abs(p.target - (p.x1 + p.x2) / 10));
        QVERIFY(largest > 0.1 && largest <= 0.6);
    }

    void badOptionsAreRefusedByName()
    {
        const auto refusal = [](auto change) {
            PlaneDataOptions options;
            change(options);
            return errorOf([&] { generatePlaneData("circle", options); });
        };
        QVERIFY(refusal([](auto& o) { o.points = 1; }).startsWith("points must be between 2 and 100000"));
        QVERIFY(refusal([](auto& o) { o.points = 100001; }).startsWith("points must be"));
        QVERIFY(refusal([](auto& o) { o.noise = 0.6; }).startsWith("noise must be between 0 and 0.5"));
        QVERIFY(refusal([](auto& o) { o.noise = std::nan(""); }).startsWith("noise must be"));
        QVERIFY(refusal([](auto& o) { o.testRatio = 0.01; }).contains("test split"));
        QVERIFY(refusal([](auto& o) { o.testRatio = 0.96; }).contains("test split"));
        QVERIFY(refusal([](auto& o) { o.classes = 6; }).startsWith("classes (blobs) must be between 3 and 5"));
        QVERIFY(errorOf([] { generatePlaneData("moons", {}); }).contains("no generated data set named 'moons'"));
        DataOptions options;
        options.plane.noise = 2;
        QVERIFY(errorOf([&] { loadTable("spiral", options); }).startsWith("noise must be"));
    }

    void aSetLoadsAsATable()
    {
        QVERIFY(isTable("spiral") && isBuiltinTable("gauss-regression") && !isTable("moons"));
        DataOptions options;
        options.plane = withPoints(400, 0.1, 5);
        options.plane.testRatio = 0.25;
        TableReport report;
        const Dataset data = loadTable("spiral", options, &report);
        QCOMPARE(data.schema.kind, DataSchema::Kind::Table);
        QCOMPARE(data.task(), TaskKind::Classification);
        QCOMPARE(data.classNames, (std::vector<std::string>{"-1", "1"}));
        QCOMPARE(data.train.count(), std::size_t(300));
        QCOMPARE(data.test.count(), std::size_t(100));
        QCOMPARE(data.schema.encodedWidth(), 2);
        QCOMPARE(report.columns.at(0).name, std::string("x1"));
        // The test rows are stratified: half of each class.
        QCOMPARE(std::count(data.test.labels.begin(), data.test.labels.end(), 0), 50);
        // The same options give the same rows; another seed others.
        QCOMPARE(loadTable("spiral", options).train.values, data.train.values);
        options.plane.seed = 6;
        QVERIFY(loadTable("spiral", options).train.values != data.train.values);
    }

    void regressionAndBlobsLoadWithTheirTargets()
    {
        DataOptions options;
        options.plane.classes = 5;
        const Dataset blobs = loadTable("blobs", options);
        QCOMPARE(blobs.classCount(), 5);
        QCOMPARE(blobs.test.count(), std::size_t(250)); // the default test split of a generated set: half
        const Dataset plane = loadTable("plane", options);
        QCOMPARE(plane.task(), TaskKind::Regression);
        QCOMPARE(plane.train.count() + plane.test.count(), std::size_t(500));
        // Eval's path: the same points encoded with the trained schema.
        const Dataset again = loadTableWithSchema("plane", plane.schema, nullptr, options.plane);
        QCOMPARE(again.test.count(), std::size_t(500));
    }
};

QTEST_APPLESS_MAIN(TestPlaneData)
#include "tst_planedata.moc"
