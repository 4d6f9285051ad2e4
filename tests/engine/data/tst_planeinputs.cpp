// Tests how a two-dimensional table meets the plane: which schemas are plane inputs (two numeric columns of
// any names, or x1 and x2 with plane features; not iris, images or categorical inputs), a point encodes
// bit for bit as the TableEncoder encodes the same values written in a file, the data set's points come
// back where the generator put them (classes and regression values too), and the bounds that show them.
#include "FileBytes.h"
#include "neurite/PlaneData.h"
#include "neurite/PlaneView.h"
#include "neurite/TableData.h"
#include "neurite/TableEncoder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>

using namespace neurite;

namespace {

ColumnEncoding numeric(const std::string& name, double mean, double deviation)
{
    ColumnEncoding column;
    column.name = name;
    column.mean = mean;
    column.deviation = deviation;
    return column;
}

ColumnEncoding target(std::vector<std::string> classes)
{
    ColumnEncoding column;
    column.name = "label";
    column.role = ColumnRole::Target;
    column.categories = std::move(classes);
    return column;
}

DataSchema tableSchema(std::vector<ColumnEncoding> columns)
{
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    schema.columns = std::move(columns);
    return schema;
}

// A number as text that reads back as the same double.
std::string exactText(double value)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// The generated point nearest to (x1, x2), and its distance.
const PlanePoint& nearest(const std::vector<PlanePoint>& points, double x1, double x2, double& distance)
{
    const PlanePoint* best = &points.front();
    distance = INFINITY;
    for (const PlanePoint& p : points) {
        const double d = std::hypot(p.x1 - x1, p.x2 - x2);
        if (d < distance) {
            distance = d;
            best = &p;
        }
    }
    return *best;
}

} // namespace

class TestPlaneInputs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    Dataset loadCsv(const std::string& name, const std::string& text)
    {
        DataOptions options;
        options.testSplit = 0.25;
        return loadTable(test::writeFileIn(m_dir.path().toStdString(), name, text), options);
    }

private Q_SLOTS:
    void theGeneratedSetsArePlaneInputs()
    {
        const Dataset data = loadTable("spiral", DataOptions{});
        const std::optional<PlaneInputs> inputs = PlaneInputs::of(data.schema);
        QVERIFY(inputs);
        QCOMPARE(inputs->x1Name(), std::string("x1"));
        QCOMPARE(inputs->x2Name(), std::string("x2"));
        QCOMPARE(inputs->width(), data.schema.encodedWidth());
        QVERIFY(!inputs->regression());
        QVERIFY(PlaneInputs::of(loadTable("gauss-regression", DataOptions{}).schema)->regression());
    }

    void twoNumericColumnsOfAnyNamesArePlaneInputs()
    {
        const Dataset data = loadCsv("own.csv", "height,weight,label\n1.5,60,0\n1.7,80,1\n1.6,55,0\n1.8,90,1\n");
        const std::optional<PlaneInputs> inputs = PlaneInputs::of(data.schema);
        QVERIFY(inputs);
        QCOMPARE(inputs->x1Name(), std::string("height"));
        QCOMPARE(inputs->x2Name(), std::string("weight"));
        QCOMPARE(inputs->width(), 2);
    }

    void otherTablesAndImagesAreNot()
    {
        QVERIFY(!PlaneInputs::of(loadTable("iris", DataOptions{}).schema)); // four measurements
        QVERIFY(!PlaneInputs::of(DataSchema{}));                            // images
        ColumnEncoding colour;
        colour.name = "colour";
        colour.role = ColumnRole::Categorical;
        colour.categories = {"blue", "red"};
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("x1", 0, 1), numeric("x2", 0, 1), colour, target({"a", "b"})})));
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("a", 0, 1), numeric("b", 0, 1), numeric("c", 0, 1)})));
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("x1", 0, 1)})));
        // Features without both base columns cannot place a point; features under other names are not features.
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("x1", 0, 1), numeric("x1^2", 0, 1)})));
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("x1", 0, 1), numeric("x2", 0, 1), numeric("x3", 0, 1)})));
        QVERIFY(!PlaneInputs::of(tableSchema({numeric("x1", 0, 1), numeric("x2", 0, 1), numeric("x1", 0, 1)})));
        // An ignored column is no input.
        ColumnEncoding id = numeric("id", 0, 1);
        id.role = ColumnRole::Ignored;
        QVERIFY(PlaneInputs::of(tableSchema({id, numeric("x1", 0, 1), numeric("x2", 0, 1), target({"a", "b"})})));
    }

    // Feature columns in any order encode in the schema's order, each exactly as a row of a file would.
    void aPointEncodesAsTheTableEncoderEncodesIt()
    {
        const DataSchema schema = tableSchema({numeric("sin(x1)", 0.1, 0.7), numeric("x2", -0.3, 3.1),
                                               numeric("x1*x2", 0.4, 9.5), numeric("x1", 0.2, 3.4), target({"-1", "1"}),
                                               numeric("x1^2", 11.8, 10.3), numeric("x2^2", 12.5, 9.9),
                                               numeric("sin(x2)", -0.05, 0.69)});
        const std::optional<PlaneInputs> inputs = PlaneInputs::of(schema);
        QVERIFY(inputs);
        QCOMPARE(inputs->width(), 7);
        const TableEncoder encoder(schema);
        for (const auto& point : {std::pair{1.25, -3.5}, std::pair{-5.9, 0.0}, std::pair{0.1234567, 5.75}}) {
            const double x1 = point.first, x2 = point.second;
            const std::vector<float> expected = encoder.encodeNamed({
                {"x1", exactText(x1)},
                {"x2", exactText(x2)},
                {"x1^2", exactText(x1 * x1)},
                {"x2^2", exactText(x2 * x2)},
                {"x1*x2", exactText(x1 * x2)},
                {"sin(x1)", exactText(std::sin(x1))},
                {"sin(x2)", exactText(std::sin(x2))},
            });
            std::vector<float> encoded(7);
            inputs->encode(x1, x2, encoded.data());
            QCOMPARE(encoded, expected);
            double back1 = 0, back2 = 0;
            inputs->decode(encoded.data(), back1, back2);
            QVERIFY(std::abs(back1 - x1) < 1e-5 && std::abs(back2 - x2) < 1e-5);
        }
    }

    // Every generated point comes back (within the float rounding of its standardisation) with its class,
    // and the test flags mark exactly the held-out share.
    void theSamplesAreTheGeneratedPoints()
    {
        DataOptions options;
        options.plane.points = 300;
        options.plane.noise = 0.2;
        options.plane.seed = 7;
        options.plane.testRatio = 0.3;
        const Dataset data = loadTable("xor", options);
        const std::vector<PlanePoint> points = generatePlaneData("xor", options.plane);
        const std::vector<PlaneSample> samples = planeSamples(data, *PlaneInputs::of(data.schema));
        QCOMPARE(samples.size(), points.size());
        std::size_t tests = 0;
        for (const PlaneSample& sample : samples) {
            double distance = 0;
            const PlanePoint& point = nearest(points, sample.x1, sample.x2, distance);
            QVERIFY2(distance < 1e-5, qPrintable(QString::number(distance)));
            QCOMPARE(std::stod(data.classNames.at(std::size_t(sample.label))), point.target);
            tests += sample.test;
        }
        QCOMPARE(tests, std::size_t(90));
        QCOMPARE(tests, data.test.count());
        // A validation part given with the data is shown with the training points, after them.
        Dataset withValidation = data;
        withValidation.validation = data.test;
        const std::vector<PlaneSample> all = planeSamples(withValidation, *PlaneInputs::of(data.schema));
        QCOMPARE(all.size(), points.size() + 90);
        QVERIFY(!all[210].test && !all[299].test && all[300].test);
        QCOMPARE(all[210].x1, all[300].x1);
    }

    void regressionValuesAreInTheTargetsUnits()
    {
        DataOptions options;
        options.plane.points = 200;
        const Dataset data = loadTable("gauss-regression", options);
        QVERIFY(data.schema.targetDeviation != 1.0);
        const std::vector<PlanePoint> points = generatePlaneData("gauss-regression", options.plane);
        for (const PlaneSample& sample : planeSamples(data, *PlaneInputs::of(data.schema))) {
            double distance = 0;
            const PlanePoint& point = nearest(points, sample.x1, sample.x2, distance);
            QVERIFY(distance < 1e-5);
            QVERIFY2(std::abs(sample.value - point.target) < 1e-5,
                     qPrintable(QString("%1 vs %2").arg(sample.value).arg(point.target)));
        }
    }

    void theBoundsShowEveryPoint()
    {
        // The generated sets: Playground's square, whatever their spread.
        DataOptions options;
        options.plane.points = 50;
        const Dataset gauss = loadTable("gauss", options);
        QCOMPARE(planeBounds(gauss, *PlaneInputs::of(gauss.schema)), PlaneBounds{});
        // Ranges 1 and 1.5 (within a factor of 2): a square 1.5 wide around the points' centre, plus 5%.
        const Dataset near = loadCsv("near.csv", "a,b,label\n0,0,0\n1,1.5,1\n0.5,0.2,0\n0.2,1,1\n");
        const PlaneBounds square = planeBounds(near, *PlaneInputs::of(near.schema));
        QVERIFY(std::abs(square.x1Min - (0.5 - 0.825)) < 1e-6 && std::abs(square.x1Max - (0.5 + 0.825)) < 1e-6);
        QVERIFY(std::abs(square.x2Min + 0.075) < 1e-6 && std::abs(square.x2Max - 1.575) < 1e-6);
        // Ranges 10 and 1: each its own, plus 5%. Named x1 and x2 but small: not Playground's square.
        const Dataset wide = loadCsv("wide.csv", "x1,x2,label\n0,0,0\n10,1,1\n5,0.5,0\n2,0.2,1\n");
        const PlaneBounds own = planeBounds(wide, *PlaneInputs::of(wide.schema));
        QVERIFY(std::abs(own.x1Min + 0.5) < 1e-5 && std::abs(own.x1Max - 10.5) < 1e-5);
        QVERIFY(std::abs(own.x2Min + 0.05) < 1e-6 && std::abs(own.x2Max - 1.05) < 1e-6);
        // Painted points (x1, x2 spread over the square) keep Playground's square.
        const Dataset painted = loadCsv("painted.csv", "x1,x2,label\n-5,4,0\n3,-2.5,1\n0.5,5.5,0\n-1,-4,1\n");
        QCOMPARE(planeBounds(painted, *PlaneInputs::of(painted.schema)), PlaneBounds{});
    }
};

QTEST_APPLESS_MAIN(TestPlaneInputs)
#include "tst_planeinputs.moc"
