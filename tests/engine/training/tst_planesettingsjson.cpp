// Tests the two-dimensional set's options in a project's settings: the features and painted points read
// back bit for bit (directly and through a saved project), files without them keep the defaults, and hostile
// JSON (wrong types, too many points or classes, short points, infinities, bad names) fails naming the field.
#include "ErrorCapture.h"
#include "neurite/ProjectFile.h"
#include "training/TrainingSettingsJson.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <limits>

using namespace neurite;
using neurite::test::errorOf;

namespace {

TrainingSettings paintedSettings()
{
    TrainingSettings settings;
    settings.dataSet = "painted";
    settings.plane.features = kAllPlaneFeatures & ~featureBit(PlaneFeature::X2);
    settings.plane.testRatio = 0.3;
    settings.plane.seed = 99;
    settings.plane.painted.classes = {"red", "blue \"sky\"", "\xc3\xa9t\xc3\xa9"};
    const double awkward[] = {0.1, -0.0, 5e-324, 1e300, -1.0 / 3, 6, 2.5e-17, -123456.789};
    for (int i = 0; i < 8; ++i)
        settings.plane.painted.points.push_back({awkward[i], awkward[(i + 3) % 8], double(i % 3)});
    return settings;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void compareBitForBit(const PlaneDataOptions& read, const PlaneDataOptions& written)
{
    QVERIFY(read == written);
    for (std::size_t i = 0; i < written.painted.points.size(); ++i) {
        QVERIFY(sameBits(read.painted.points[i].x1, written.painted.points[i].x1));
        QVERIFY(sameBits(read.painted.points[i].x2, written.painted.points[i].x2));
        QVERIFY(sameBits(read.painted.points[i].target, written.painted.points[i].target));
    }
}

TrainingSettings throughText(const TrainingSettings& settings)
{
    const std::string text = dumpJson(settingsToJson(settings), 1, "test");
    return settingsFromJson(parseJson(text, "test"), JsonLocation("test.neurite", "settings"));
}

// The message of reading the settings {"plane": <plane>}.
QString errorReadingPlane(const std::string& plane)
{
    return errorOf([&] {
        settingsFromJson(parseJson("{\"plane\": " + plane + "}", "test"), JsonLocation("test.neurite", "settings"));
    });
}

} // namespace

class TestPlaneSettingsJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void featuresAndPaintedPointsRoundTripExactly()
    {
        const TrainingSettings settings = paintedSettings();
        compareBitForBit(throughText(settings).plane, settings.plane);
        TrainingSettings values = settings;
        values.plane.painted.regression = true;
        values.plane.painted.classes.clear();
        values.plane.painted.points[3].target = -7.25e-300;
        compareBitForBit(throughText(values).plane, values.plane);
        const Json json = settingsToJson(settings);
        QCOMPARE(json["plane"]["features"].get<std::string>(), std::string("x1,x1^2,x2^2,x1*x2,sin(x1),sin(x2)"));
        QCOMPARE(json["plane"]["painted"]["points"][0].dump(), std::string("[0.1,1e+300,0]"));
    }

    void aSavedProjectKeepsThem()
    {
        QTemporaryDir dir;
        Project project;
        project.settings = paintedSettings();
        const std::string path = dir.filePath("painted.neurite").toStdString();
        saveProject(project, path);
        compareBitForBit(loadProject(path).settings.plane, project.settings.plane);
    }

    void aProjectWithoutPaintedPointsSavesNone()
    {
        const Json json = settingsToJson(TrainingSettings{});
        QVERIFY(!json["plane"].contains("painted"));
        QCOMPARE(json["plane"]["features"].get<std::string>(), std::string("x1,x2"));
    }

    void olderFilesKeepTheDefaults()
    {
        const TrainingSettings read = settingsFromJson(
            parseJson(R"j({"plane": {"points": 300, "noise": 0.1, "testRatio": 0.5, "seed": 3,
                                                     "classes": 3}})j",
                      "test"),
            JsonLocation("test.neurite", "settings"));
        QCOMPARE(read.plane.features, kDefaultPlaneFeatures);
        QVERIFY(read.plane.painted == PaintedPoints{});
        QCOMPARE(read.plane.points, 300);
    }

    void hostileJsonFailsNamingTheField_data()
    {
        QTest::addColumn<QString>("plane");
        QTest::addColumn<QString>("message");
        QTest::newRow("features type") << R"j({"features": 7})j"
                                       << "settings.plane.features: expected a string";
        QTest::newRow("unknown feature") << R"j({"features": "x1,cos(x1)"})j"
                                         << "settings.plane.features: unknown input feature 'cos(x1)'";
        QTest::newRow("no feature") << R"j({"features": ""})j"
                                    << "settings.plane.features: no input features";
        QTest::newRow("painted type") << R"j({"painted": [1, 2, 3]})j"
                                      << "settings.plane.painted: expected an object";
        QTest::newRow("short point") << R"j({"painted": {"points": [[1, 2, 0], [1, 2]]}})j"
                                     << "settings.plane.painted.points[1]: expected [x1, x2, class or value]";
        QTest::newRow("null") << R"j({"painted": {"points": [[1, null, 0]]}})j"
                              << "settings.plane.painted.points[0][1]: expected a number";
        QTest::newRow("string") << R"j({"painted": {"points": [[1, "2", 0]]}})j"
                                << "settings.plane.painted.points[0][1]: expected a number";
        QTest::newRow("class") << R"j({"painted": {"points": [[1, 2, 0], [1, 2, 8]]}})j"
                               << "settings.plane.painted: point 2's class must be a class index from 0 to 7";
        QTest::newRow("names") << R"j({"painted": {"classes": ["a", 3]}})j"
                               << "settings.plane.painted.classes[1]: expected a string";
        QTest::newRow("many names") << R"j({"painted": {"classes": ["a","b","c","d","e","f","g","h","i"]}})j"
                                    << "settings.plane.painted.classes: more than 8 class names";
        QTest::newRow("same names") << R"j({"painted": {"classes": ["a", "a"]}})j"
                                    << "settings.plane.painted: classes 1 and 2 are both named 'a'";
        QTest::newRow("regression") << R"j({"painted": {"regression": "yes"}})j"
                                    << "settings.plane.painted.regression: expected";
    }

    void hostileJsonFailsNamingTheField()
    {
        QFETCH(QString, plane);
        QFETCH(QString, message);
        const QString error = errorReadingPlane(plane.toStdString());
        QVERIFY2(error.startsWith("test.neurite: " + message), qPrintable(error));
    }

    void hugeOrInfiniteValuesFail()
    {
        std::string many = R"j({"painted": {"points": [)j";
        for (int i = 0; i <= 100000; ++i)
            many += std::string(i ? "," : "") + "[1,2,0]";
        many += "]}}";
        QVERIFY(errorReadingPlane(many).startsWith("test.neurite: settings.plane.painted.points: more than 100000"));
        // 1e999 is beyond a double: refused, by the parser or as not finite, but never read as infinity.
        QVERIFY(!errorReadingPlane(R"j({"painted": {"points": [[1e999, 2, 0]]}})j").isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestPlaneSettingsJson)
#include "tst_planesettingsjson.moc"
