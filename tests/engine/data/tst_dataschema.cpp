// Tests the data schema: its encoded width, exact JSON round trips (alone and inside a project file),
// and clear refusals of damaged schemas.
#include "ErrorCapture.h"
#include "neurite/DataSchema.h"
#include "neurite/ProjectFile.h"

#include <QtTest>

using namespace neurite;
using neurite::test::errorOf;

namespace {

DataSchema tableSchema()
{
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    schema.task = TaskKind::Regression;
    schema.columns = {
        {.name = "id", .role = ColumnRole::Ignored},
        {.name = "age", .role = ColumnRole::Numeric, .mean = 41.25, .deviation = 12.5, .fill = 39},
        {.name = "colour",
         .role = ColumnRole::Categorical,
         .categories = {"red", "grün", "blue, dark"},
         .fillCategory = "red"},
        {.name = "price", .role = ColumnRole::Target},
    };
    schema.targetMean = 152.1328125;
    schema.targetDeviation = 77.0625;
    return schema;
}

} // namespace

class TestDataSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodedWidthCountsEachCategory()
    {
        const DataSchema schema = tableSchema();
        QCOMPARE(schema.encodedWidth(), 1 + 3); // age + three colours; id and the target take no input
        QCOMPARE(schema.targetColumn(), 3);
        DataSchema images;
        images.image = {3, 32, 24};
        QCOMPARE(images.encodedWidth(), 3 * 32 * 24);
        QCOMPARE(images.targetColumn(), -1);
    }

    void tableSchemaRoundTripsExactly()
    {
        const DataSchema schema = tableSchema();
        const std::string json = schemaToJson(schema);
        QVERIFY(json.find("\"blue, dark\"") != std::string::npos);
        QVERIFY(schemaFromJson(json, "x.json") == schema);
    }

    void imageSchemaRoundTripsExactly()
    {
        DataSchema schema;
        schema.image = {3, 64, 48};
        QVERIFY(schemaFromJson(schemaToJson(schema), "x.json") == schema);
    }

    void projectFileKeepsTheSchema()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.neurite").toStdString();
        Project project;
        project.schema = tableSchema();
        saveProject(project, path);
        const Project loaded = loadProject(path);
        QVERIFY(loaded.schema.has_value());
        QVERIFY(*loaded.schema == *project.schema);

        project.schema.reset(); // older files have none, and still load
        saveProject(project, path);
        QVERIFY(!loadProject(path).schema.has_value());
    }

    void damagedSchemasNameTheField()
    {
        std::string json = schemaToJson(tableSchema());
        const auto replaced = [&](const std::string& from, const std::string& to) {
            std::string copy = json;
            copy.replace(copy.find(from), from.size(), to);
            return copy;
        };
        QString message = errorOf([&] { schemaFromJson(replaced("\"categorical\"", "\"colour\""), "p.json"); });
        QVERIFY2(message.contains("p.json") && message.contains("columns[2].role") && message.contains("colour"),
                 qPrintable(message));
        message = errorOf([&] { schemaFromJson(replaced("\"deviation\": 12.5", "\"deviation\": 0"), "p.json"); });
        QVERIFY2(message.contains("columns[1].deviation") && message.contains("above 0"), qPrintable(message));
        message = errorOf([&] { schemaFromJson(replaced("\"table\"", "\"sound\""), "p.json"); });
        QVERIFY2(message.contains("kind") && message.contains("sound"), qPrintable(message));
        message = errorOf([&] { schemaFromJson("{\"kind\": \"images\", \"task\": \"classification\"}", "p.json"); });
        QVERIFY2(message.contains("image"), qPrintable(message));
    }
};

QTEST_APPLESS_MAIN(TestDataSchema)
#include "tst_dataschema.moc"
