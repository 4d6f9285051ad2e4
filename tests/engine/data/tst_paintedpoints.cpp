// Tests the set of the user's own points ("painted"): it loads through the table path with its features,
// test share and seed, keeps the painter's class names and order (classes without points left out), is a
// regression when its points carry values, and refuses what cannot be trained on in words a painter reads.
#include "ErrorCapture.h"
#include "neurite/DataFit.h"
#include "neurite/DesignForData.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <map>

using namespace neurite;
using neurite::test::errorOf;

namespace {

// `perClass` points of each class index in `classes`, spread on a circle per class.
PaintedPoints paintedClasses(const std::vector<int>& classes, int perClass)
{
    PaintedPoints painted;
    for (int c : classes)
        for (int i = 0; i < perClass; ++i)
            painted.points.push_back({double(c) + 0.01 * i, -double(c) + 0.02 * i, double(c)});
    return painted;
}

DataOptions withPainted(const PaintedPoints& painted)
{
    DataOptions options;
    options.plane.painted = painted;
    return options;
}

std::map<int, int> labelCounts(const Dataset& data)
{
    std::map<int, int> counts;
    for (const SampleSet* set : {&data.train, &data.test})
        for (std::uint8_t label : set->labels)
            ++counts[label];
    return counts;
}

} // namespace

class TestPaintedPoints : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theSetIsKnownByName()
    {
        QVERIFY(isPlaneDataSet("painted") && isTable("painted"));
        const auto names = planeDataSetNames();
        QVERIFY(std::find(names.begin(), names.end(), "painted") != names.end());
        QVERIFY(QString::fromStdString(planeDataDescription("painted")).contains("--points-file"));
        const auto all = dataSetNames();
        QVERIFY(std::find(all.begin(), all.end(), "painted") != all.end());
        // What the designer knows from a name: not the painted points' classes, which the name does not say.
        QVERIFY(!knownDataFacts("painted"));
        QCOMPARE(knownDataFacts("circle")->classes, 2);
    }

    void classesKeepTheirNamesAndThePaintersOrder()
    {
        PaintedPoints painted = paintedClasses({0, 1, 2}, 10);
        painted.classes = {"zebra", "apple", "mango"}; // sorted, they would be apple, mango, zebra
        const Dataset data = loadTable("painted", withPainted(painted));
        QCOMPARE(data.classNames, (std::vector<std::string>{"zebra", "apple", "mango"}));
        QCOMPARE(data.train.count() + data.test.count(), std::size_t(30));
        QCOMPARE(data.test.count(), std::size_t(15)); // the default test share, 0.5, in each class
        // A point's label is its painted class: the classes lie apart along x1, so the input's sign tells.
        const std::map<int, int> counts = labelCounts(data);
        QCOMPARE(counts.at(0) + counts.at(1) + counts.at(2), 30);
        for (const SampleSet* set : {&data.train, &data.test})
            for (std::size_t r = 0; r < set->count(); ++r) {
                const float x1 = set->values[r * 2];
                const int expected = x1 < -0.5f ? 0 : x1 > 0.5f ? 2 : 1;
                QCOMPARE(int(set->labels[r]), expected);
            }
    }

    void classesWithoutPointsAreLeftOutAndDefaultNamesFillIn()
    {
        PaintedPoints painted = paintedClasses({0, 3}, 4);
        painted.classes = {"red"};
        QCOMPARE(paintedClassNames(painted), (std::vector<std::string>{"red", "class 2", "class 3", "class 4"}));
        const Dataset data = loadTable("painted", withPainted(painted));
        QCOMPARE(data.classNames, (std::vector<std::string>{"red", "class 4"}));
        QCOMPARE(designForData(data).find("dense3")->number("units", 0), 2.0);
    }

    void numericClassNamesWork()
    {
        PaintedPoints painted = paintedClasses({0, 1}, 6);
        painted.classes = {"1", "-1"};
        const Dataset data = loadTable("painted", withPainted(painted));
        QCOMPARE(data.classNames, (std::vector<std::string>{"1", "-1"}));
        QCOMPARE(labelCounts(data), (std::map<int, int>{{0, 6}, {1, 6}}));
    }

    void valuesMakeARegressionWithTheChosenFeatures()
    {
        PaintedPoints painted;
        painted.regression = true;
        for (int i = 0; i < 40; ++i)
            painted.points.push_back({i * 0.1, -i * 0.2, i * 0.5 - 3});
        DataOptions options = withPainted(painted);
        options.plane.features = kAllPlaneFeatures;
        options.plane.testRatio = 0.25;
        const Dataset data = loadTable("painted", options);
        QCOMPARE(data.task(), TaskKind::Regression);
        QCOMPARE(data.train.valuesPerSample(), 7);
        QCOMPARE(data.test.count(), std::size_t(10));
        // Each target, its standardisation undone, is one of the painted values (i * 0.5 - 3).
        for (float target : data.test.targets) {
            const double value = target * data.schema.targetDeviation + data.schema.targetMean;
            QVERIFY(std::abs((value + 3) / 0.5 - std::round((value + 3) / 0.5)) < 1e-4);
        }
    }

    void theSeedChoosesTheTestPoints()
    {
        DataOptions options = withPainted(paintedClasses({0, 1}, 20));
        const Dataset first = loadTable("painted", options);
        QCOMPARE(loadTable("painted", options).test.values, first.test.values);
        options.plane.seed = 2;
        QVERIFY(loadTable("painted", options).test.values != first.test.values);
    }

    void whatCannotBeTrainedIsRefusedInAPaintersWords()
    {
        const auto refusal = [](const PaintedPoints& painted) {
            return errorOf([&] { loadTable("painted", withPainted(painted)); });
        };
        QVERIFY(refusal({}).contains("there are 0 points: paint at least 4 points"));
        QVERIFY(refusal(paintedClasses({0}, 6)).contains("every point is of class 1: paint points of at least two"));
        PaintedPoints single = paintedClasses({0, 1}, 3);
        single.points.push_back({1, 1, 2});
        QVERIFY(refusal(single).contains("class 3 has a single point"));
        PaintedPoints flat;
        flat.regression = true;
        flat.points.assign(5, PlanePoint{1, 2, 0.5});
        QVERIFY(refusal(flat).contains("every point has the value 0.5"));
        PaintedPoints badClass = paintedClasses({0, 1}, 3);
        badClass.points[2].target = 8;
        QVERIFY(refusal(badClass).contains("point 3's class must be a class index from 0 to 7"));
        badClass.points[2].target = 0.5;
        QVERIFY(refusal(badClass).contains("point 3's class"));
        PaintedPoints offPlane = paintedClasses({0, 1}, 3);
        offPlane.points[4].x2 = std::numeric_limits<double>::infinity();
        QVERIFY(refusal(offPlane).contains("point 5 is not on the plane"));
    }

    void classNamesMustReadBackAsThemselves()
    {
        const auto refusal = [](std::vector<std::string> classes) {
            PaintedPoints painted = paintedClasses({0, 1}, 3);
            painted.classes = std::move(classes);
            return errorOf([&] { checkPaintedPoints(painted); });
        };
        QCOMPARE(refusal({"a", "b"}), QString());
        QCOMPARE(refusal({"red, dark", "blue \"sky\""}), QString());
        QVERIFY(refusal({"", "b"}).contains("the name of class 1 ('') is empty"));
        QVERIFY(refusal({"a", " b"}).contains("begins or ends with a space"));
        QVERIFY(refusal({"a", "NA"}).contains("reads as a missing value"));
        QVERIFY(refusal({"a", "a"}).contains("classes 1 and 2 are both named 'a'"));
        QVERIFY(refusal({"a", "tab\there"}).contains("control character"));
        QVERIFY(refusal({"a", std::string(65, 'x')}).contains("longer than 64 bytes"));
        QVERIFY(refusal({"class 2", "b"}).isEmpty());
        QVERIFY(refusal({"class 2"}).contains("both named 'class 2'")); // class 2's default name
        QVERIFY(refusal(std::vector<std::string>(9, "x")).contains("at most 8 classes"));
    }
};

QTEST_APPLESS_MAIN(TestPaintedPoints)
#include "tst_paintedpoints.moc"
