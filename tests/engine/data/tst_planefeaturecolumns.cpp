// Tests the input features of the two-dimensional sets as table columns: the chosen columns in their order,
// each value exactly the arithmetic on the generated point, the loaded table one standardised input per
// feature (so the Input's width, and the design chosen for the data, follow the choice), and refusals.
#include "ErrorCapture.h"
#include "neurite/DesignForData.h"
#include "neurite/PlaneData.h"
#include "neurite/TableData.h"
#include "neurite/Trainer.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <sstream>

using namespace neurite;
using neurite::test::errorOf;

namespace {

std::vector<std::vector<std::string>> csvRows(const std::string& csv)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(csv);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> cells;
        std::istringstream fields(line);
        std::string cell;
        while (std::getline(fields, cell, ','))
            cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

PlaneDataOptions withFeatures(PlaneFeatureSet features, int points = 200)
{
    PlaneDataOptions options;
    options.features = features;
    options.points = points;
    options.noise = 0.2;
    options.seed = 5;
    return options;
}

} // namespace

class TestPlaneFeatureColumns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theHeaderHasTheChosenFeaturesInColumnOrder()
    {
        const auto header = [](PlaneFeatureSet features) {
            return csvRows(planeDataCsv("circle", withFeatures(features, 4))).front();
        };
        QCOMPARE(header(kDefaultPlaneFeatures), (std::vector<std::string>{"x1", "x2", "label"}));
        QCOMPARE(header(kAllPlaneFeatures),
                 (std::vector<std::string>{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)", "label"}));
        // The bits' order of setting does not matter: the columns come in planeFeatures' order.
        QCOMPARE(header(featureBit(PlaneFeature::SinX2) | featureBit(PlaneFeature::X1)),
                 (std::vector<std::string>{"x1", "sin(x2)", "label"}));
        QCOMPARE(csvRows(planeDataCsv("plane", withFeatures(featureBit(PlaneFeature::X1TimesX2), 4))).front(),
                 (std::vector<std::string>{"x1*x2", "value"}));
    }

    void eachValueIsTheFeatureOfThePointExactly()
    {
        for (const char* name : {"spiral", "gauss-regression"}) {
            const PlaneDataOptions options = withFeatures(kAllPlaneFeatures);
            const std::vector<PlanePoint> points = generatePlaneData(name, options);
            const auto rows = csvRows(planeDataCsv(name, options));
            QCOMPARE(rows.size(), points.size() + 1);
            for (std::size_t i = 0; i < points.size(); ++i) {
                const PlanePoint& p = points[i];
                // Written out here rather than through planeFeatureValue: x1, x2, x1², x2², x1·x2, sin x1, sin x2.
                const double expected[] = {p.x1,        p.x2,           p.x1 * p.x1,    p.x2 * p.x2,
                                           p.x1 * p.x2, std::sin(p.x1), std::sin(p.x2), p.target};
                const std::vector<std::string>& row = rows[i + 1];
                QCOMPARE(row.size(), std::size_t(8));
                for (std::size_t c = 0; c < row.size(); ++c)
                    QVERIFY2(sameBits(std::strtod(row[c].c_str(), nullptr), expected[c]),
                             qPrintable(
                                 QString("%1 row %2 column %3: %4").arg(name).arg(i).arg(c).arg(row[c].c_str())));
            }
        }
    }

    void theTableHasAStandardisedInputPerFeature()
    {
        DataOptions options;
        options.plane = withFeatures(featureBit(PlaneFeature::X1Squared) | featureBit(PlaneFeature::X1) |
                                     featureBit(PlaneFeature::SinX2));
        const Dataset data = loadTable("spiral", options);
        QCOMPARE(data.train.valuesPerSample(), 3);
        QCOMPARE(data.schema.encodedWidth(), 3);
        std::vector<std::string> inputs;
        for (const ColumnEncoding& column : data.schema.columns)
            if (column.role == ColumnRole::Numeric)
                inputs.push_back(column.name);
        QCOMPARE(inputs, (std::vector<std::string>{"x1", "x1^2", "sin(x2)"}));
        // Standardised with the training rows' statistics: mean 0 and deviation 1 there.
        for (int c = 0; c < 3; ++c) {
            double sum = 0, squares = 0;
            const std::size_t n = data.train.count();
            for (std::size_t r = 0; r < n; ++r)
                sum += data.train.values[r * 3 + std::size_t(c)];
            for (std::size_t r = 0; r < n; ++r)
                squares += std::pow(data.train.values[r * 3 + std::size_t(c)] - sum / double(n), 2);
            QVERIFY(std::abs(sum / double(n)) < 1e-5);
            QVERIFY(std::abs(std::sqrt(squares / double(n)) - 1) < 1e-5);
        }
    }

    void theDesignChosenForTheDataTakesEveryFeature()
    {
        DataOptions options;
        options.plane.features = kAllPlaneFeatures;
        const Dataset data = loadTable("xor", options);
        const NetworkSpec spec = designForData(data);
        QCOMPARE(std::get<double>(spec.find("input")->options.at("channels")), 7.0);
        Network network(spec, 1);
        checkDataFitsNetwork(network, data);
    }

    void featuresThatAreNoneOrUnknownAreRefused()
    {
        QVERIFY(errorOf([] {
                    generatePlaneData("circle", withFeatures(0));
                }).startsWith("features must be one or more of x1, x2"));
        QVERIFY(errorOf([] { generatePlaneData("circle", withFeatures(1u << 7)); }).contains("features must be"));
        QVERIFY(errorOf([] { parsePlaneFeatures("x1,cos(x1)"); }).contains("unknown input feature 'cos(x1)'"));
        QCOMPARE(parsePlaneFeatures(" x1sq , sinx2 "),
                 featureBit(PlaneFeature::X1Squared) | featureBit(PlaneFeature::SinX2));
    }
};

QTEST_APPLESS_MAIN(TestPlaneFeatureColumns)
#include "tst_planefeaturecolumns.moc"
