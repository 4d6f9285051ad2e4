// Tests NetworkSpec: lookups, the presets, and the design JSON (exact round trips and friendly errors).
#include "neurite/Error.h"
#include "ErrorCapture.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>

using namespace neurite;

namespace {

QString specError(const std::string& json)
{
    return test::errorOrNone([&] { specFromJson(json, "design.neurite"); });
}

// A valid design with one Dense layer whose pieces the error tests replace.
std::string designWith(const std::string& layers, const std::string& connections = "[]",
                       const std::string& version = "1")
{
    return R"({"format": "neurite-network", "version": )" + version + R"(, "layers": )" + layers +
           R"(, "connections": )" + connections + "}";
}

NetworkSpec oddSpec()
{
    NetworkSpec spec;
    spec.layers.push_back({"in \"quoted\" \\ id", "Input", {{"channels", 1.0}, {"height", 1.0}, {"width", 5.0}}});
    spec.layers.push_back({"Größe ✓ 🧠",
                           "Dense",
                           {{"units", 3.0},
                            {"tiny", 1e-7},
                            {"tenth", 0.1},
                            {"third", 1.0 / 3.0},
                            {"huge", 1.7976931348623157e308},
                            {"denormal", 5e-324},
                            {"negative", -2.5e-300},
                            {"big integer", 9007199254740993.0}, // 2^53 + 1 is not a double: 2^53
                            {"negativeZero", -0.0},
                            {"note", std::string("line1\nline2\t\"q\" \\ \u00e9 \xF0\x9F\x98\x80")},
                            {"", std::string()}}});
    spec.connections.push_back({"in \"quoted\" \\ id", "Größe ✓ 🧠", 0});
    spec.connections.push_back({"a", "b", 7});
    return spec;
}

} // namespace

class TestNetworkSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numberAndTextFallBack()
    {
        LayerSpec layer{"d", "Dense", {{"units", 12.0}, {"activation", std::string("tanh")}}};
        QCOMPARE(layer.number("units", -1), 12.0);
        QCOMPARE(layer.number("missing", -1), -1.0);
        QCOMPARE(layer.number("activation", -1), -1.0); // a string is not a number
        QCOMPARE(layer.text("activation", "x"), std::string("tanh"));
        QCOMPARE(layer.text("units", "x"), std::string("x"));
        QCOMPARE(layer.text("missing", "x"), std::string("x"));
    }

    void findByIdConstAndMutable()
    {
        NetworkSpec spec = *preset("mlp");
        QVERIFY(spec.find("nope") == nullptr);
        LayerSpec* dense2 = spec.find("dense2");
        QVERIFY(dense2 != nullptr);
        QCOMPARE(dense2, &spec.layers[2]);
        dense2->options["units"] = 32.0;
        const NetworkSpec& constSpec = spec;
        QCOMPARE(constSpec.find("dense2")->number("units", 0), 32.0);
    }

    void mlpPresetIsTheReferenceNetwork()
    {
        QCOMPARE(presetNames(), (std::vector<std::string>{"mlp", "logistic", "lenet", "resnet-small", "playground",
                                                          "playground-skip"}));
        QVERIFY(!preset("nothing").has_value());
        NetworkSpec spec = *preset("mlp");
        QCOMPARE(spec.formatVersion, 1);
        QCOMPARE(spec.layers.size(), size_t(5));
        const char* ids[] = {"input", "dense1", "dense2", "dense3", "output"};
        const char* types[] = {"Input", "Dense", "Dense", "Dense", "Output"};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(spec.layers[i].id, std::string(ids[i]));
            QCOMPARE(spec.layers[i].type, std::string(types[i]));
        }
        QCOMPARE(spec.layers[0].options, (LayerOptions{{"channels", 1.0}, {"height", 28.0}, {"width", 28.0}}));
        QCOMPARE(spec.layers[1].options, (LayerOptions{{"units", 128.0},
                                                       {"activation", std::string("relu")},
                                                       {"init", std::string("auto")},
                                                       {"bias", 1.0}}));
        QCOMPARE(spec.layers[2].number("units", 0), 64.0);
        QCOMPARE(spec.layers[2].text("activation", ""), std::string("relu"));
        QCOMPARE(spec.layers[3].number("units", 0), 10.0);
        QCOMPARE(spec.layers[3].text("activation", ""), std::string("softmax"));
        QCOMPARE(spec.layers[4].options, (LayerOptions{{"loss", std::string("cross_entropy")}}));
        QCOMPARE(spec.connections.size(), size_t(4));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(spec.connections[i], (Connection{ids[i], ids[i + 1], 0}));
    }

    void logisticPreset()
    {
        NetworkSpec spec = *preset("logistic");
        QCOMPARE(spec.layers.size(), size_t(3));
        QCOMPARE(spec.layers[1].id, std::string("dense1"));
        QCOMPARE(spec.layers[1].number("units", 0), 10.0);
        QCOMPARE(spec.layers[1].text("activation", ""), std::string("softmax"));
        QCOMPARE(spec.connections, (std::vector<Connection>{{"input", "dense1", 0}, {"dense1", "output", 0}}));
    }

    // The built-in designs live once, as resources/templates/*.json: each preset is exactly the design of
    // the file naming it (compared as specs and as the JSON text the project files and exporters see),
    // every template validates, and every preset has its file.
    void presetsAreTheirTemplateFiles()
    {
        const QDir folder(qEnvironmentVariable("NEURITE_SOURCE_DIR") + "/resources/templates");
        const QFileInfoList files = folder.entryInfoList({"*.json"}, QDir::Files);
        QCOMPARE(files.size(), 7);
        std::vector<std::string> presetsFound;
        for (const QFileInfo& info : files) {
            QFile file(info.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
            QVERIFY2(root.value("design").isObject(), qPrintable(info.fileName()));
            const QByteArray designJson = QJsonDocument(root.value("design").toObject()).toJson();
            const NetworkSpec design = specFromJson(designJson.toStdString(), info.fileName().toStdString());
            const ValidationReport report = validate(design);
            QVERIFY2(report.ok(), qPrintable(info.fileName() + ": " + QString::fromStdString(report.errorSummary())));
            if (!root.contains("preset"))
                continue;
            const std::string name = root.value("preset").toString().toStdString();
            const std::optional<NetworkSpec> spec = preset(name);
            QVERIFY2(spec.has_value(), name.c_str());
            QCOMPARE(*spec, design);
            QCOMPARE(toJson(*spec), toJson(design));
            presetsFound.push_back(name);
        }
        std::sort(presetsFound.begin(), presetsFound.end());
        std::vector<std::string> names = presetNames();
        std::sort(names.begin(), names.end());
        QCOMPARE(presetsFound, names);
    }

    void presetsRoundTrip()
    {
        for (const std::string& name : presetNames()) {
            NetworkSpec spec = *preset(name);
            QCOMPARE(specFromJson(toJson(spec), "x"), spec);
            QCOMPARE(specFromJson(toJson(spec, -1), "x"), spec);
        }
    }

    void jsonHasTheDocumentedShape()
    {
        const std::string text = toJson(*preset("mlp"), -1);
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QJsonObject root = doc.object();
        QCOMPARE(root.value("format").toString(), QString("neurite-network"));
        QCOMPARE(root.value("version").toInt(), 1);
        QJsonObject dense1 = root.value("layers").toArray().at(1).toObject();
        QCOMPARE(dense1.value("id").toString(), QString("dense1"));
        QCOMPARE(dense1.value("type").toString(), QString("Dense"));
        QCOMPARE(dense1.value("options").toObject().value("units").toDouble(), 128.0);
        QCOMPARE(dense1.value("options").toObject().value("activation").toString(), QString("relu"));
        QJsonObject wire = root.value("connections").toArray().at(3).toObject();
        QCOMPARE(wire.value("from").toString(), QString("dense3"));
        QCOMPARE(wire.value("to").toString(), QString("output"));
        QCOMPARE(wire.value("port").toInt(-1), 0);
        // Whole numbers are written as integers, not "128.0".
        QVERIFY(text.find("\"units\":128}") != std::string::npos);
        QVERIFY(text.find("128.0") == std::string::npos);
    }

    void oddValuesRoundTripExactly()
    {
        const NetworkSpec spec = oddSpec();
        for (int indent : {-1, 0, 2}) {
            NetworkSpec back = specFromJson(toJson(spec, indent), "odd");
            QCOMPARE(back, spec);
            // == treats -0 and 0 alike; the bits must survive as well.
            for (const auto& [key, value] : spec.layers[1].options) {
                if (const double* number = std::get_if<double>(&value))
                    QCOMPARE(std::bit_cast<std::uint64_t>(std::get<double>(back.layers[1].options.at(key))),
                             std::bit_cast<std::uint64_t>(*number));
            }
        }
        QVERIFY(std::signbit(std::get<double>(specFromJson(toJson(spec), "odd").layers[1].options.at("negativeZero"))));
    }

    void unknownKeysAreIgnoredAndPortDefaultsToZero()
    {
        NetworkSpec spec = specFromJson(
            R"({"format": "neurite-network", "version": 1, "comment": [1, {"x": null}],
                "layers": [{"id": "a", "type": "Input", "position": {"x": 3}, "options": {"width": 4}},
                           {"id": "b", "type": "Output"}],
                "connections": [{"from": "a", "to": "b", "colour": "red"}]})",
            "x");
        QCOMPARE(spec.layers.size(), size_t(2));
        QCOMPARE(spec.layers[0].options, (LayerOptions{{"width", 4.0}}));
        QVERIFY(spec.layers[1].options.empty());
        QCOMPARE(spec.connections, (std::vector<Connection>{{"a", "b", 0}}));
    }

    void malformedJsonIsExplained_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const std::string layer = R"({"id": "d", "type": "Dense", "options": {"units": 3}})";
        auto add = [](const char* name, const std::string& json, const char* message) {
            QTest::newRow(name) << QByteArray::fromStdString(json) << QString::fromUtf8(message);
        };
        add("syntax", "{\"format\": ", "design.neurite: invalid JSON: parse error at line 1, column 12");
        add("empty", "", "design.neurite: invalid JSON: parse error");
        add("root array", "[]", "design.neurite: expected an object");
        add("no format", R"({"version": 1, "layers": [], "connections": []})", "design.neurite: missing \"format\"");
        add("other format", R"({"format": "png", "version": 1, "layers": [], "connections": []})",
            "design.neurite: format: expected \"neurite-network\", found \"png\"");
        add("no version", R"({"format": "neurite-network", "layers": [], "connections": []})",
            "design.neurite: missing \"version\"");
        add("newer version", designWith("[]", "[]", "3"),
            "design.neurite: was written by a newer Neurite (network format 3; this version reads up to 1)");
        add("string version", designWith("[]", "[]", "\"1\""), "design.neurite: version: expected a whole number");
        add("version zero", designWith("[]", "[]", "0"), "design.neurite: version: expected a whole number from 1");
        add("layers object", designWith("{}"), "design.neurite: layers: expected an array");
        add("no layers", R"({"format": "neurite-network", "version": 1, "connections": []})",
            "design.neurite: missing \"layers\"");
        add("no connections", R"({"format": "neurite-network", "version": 1, "layers": []})",
            "design.neurite: missing \"connections\"");
        add("layer not object", designWith("[" + layer + ", 5]"), "design.neurite: layers[1]: expected an object");
        add("missing id", designWith(R"([{"type": "Dense"}])"), "design.neurite: layers[0]: missing \"id\"");
        add("numeric id", designWith(R"([{"id": 4, "type": "Dense"}])"),
            "design.neurite: layers[0].id: expected a string");
        add("missing type", designWith(R"([{"id": "x"}])"), "design.neurite: layers[0]: missing \"type\"");
        add("options array", designWith(R"([{"id": "x", "type": "Dense", "options": []}])"),
            "design.neurite: layers[0].options: expected an object");
        add("bool option",
            designWith("[" + layer + "," + layer + R"(, {"id": "e", "type": "Dense", "options": {"units": true}}])"),
            "design.neurite: layers[2].options.units: expected a number or a string");
        add("null option", designWith(R"([{"id": "x", "type": "Dense", "options": {"units": null}}])"),
            "design.neurite: layers[0].options.units: expected a number or a string");
        add("nested option", designWith(R"([{"id": "x", "type": "Dense", "options": {"units": [1]}}])"),
            "design.neurite: layers[0].options.units: expected a number or a string");
        add("infinite option", designWith(R"([{"id": "x", "type": "Dense", "options": {"units": 1e999}}])"),
            "design.neurite: invalid JSON: number overflow");
        add("connection missing to", designWith("[]", R"([{"from": "a", "port": 0}])"),
            "design.neurite: connections[0]: missing \"to\"");
        add("negative port", designWith("[]", R"([{"from": "a", "to": "b", "port": -1}])"),
            "design.neurite: connections[0].port: expected a whole number from 0");
        add("fractional port", designWith("[]", R"([{"from": "a", "to": "b", "port": 1.5}])"),
            "design.neurite: connections[0].port: expected a whole number");
        add("string port", designWith("[]", R"([{"from": "a", "to": "b", "port": "0"}])"),
            "design.neurite: connections[0].port: expected a whole number");
        add("invalid utf8", designWith("[{\"id\": \"\xff\", \"type\": \"Dense\"}]"), "design.neurite: invalid JSON");
        add("deep arrays", std::string(100000, '['), "design.neurite: JSON is nested deeper than 64 levels");
        std::string deepObjects;
        for (int i = 0; i < 100000; ++i)
            deepObjects += "{\"a\":";
        add("deep objects", deepObjects, "design.neurite: JSON is nested deeper than 64 levels");
        add("deep inside layer", designWith("[" + std::string(70, '[') + std::string(70, ']') + "]"),
            "design.neurite: JSON is nested deeper than 64 levels");
    }

    void malformedJsonIsExplained()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QString error = specError(json.toStdString());
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void bracketsInsideStringsDoNotCountAsNesting()
    {
        const std::string id(1000, '[');
        NetworkSpec spec = specFromJson(designWith(R"([{"id": ")" + id + R"(", "type": "Input"}])"), "x");
        QCOMPARE(spec.layers.at(0).id, id);
        // A quote escaped inside a string does not end it.
        const std::string tricky = "\\\"" + std::string(100, '{');
        spec = specFromJson(designWith(R"([{"id": ")" + tricky + R"(", "type": "Input"}])"), "x");
        QCOMPARE(spec.layers.at(0).id, "\"" + std::string(100, '{'));
    }

    void nestingUpToTheLimitIsAccepted()
    {
        // 64 levels in all: the root object, "layers", the layer, "options" and 60 more in an ignored key.
        const std::string deep = std::string(60, '[') + std::string(60, ']');
        QCOMPARE(specError(designWith(R"([{"id": "x", "type": "Input", "extra": )" + deep + "}]")),
                 QString("<no error>"));
    }

    void hugeInputIsRefused()
    {
        std::string huge = designWith("[]");
        huge.append(std::size_t(65) << 20, ' ');
        QVERIFY(specError(huge).startsWith("design.neurite: JSON text of "));
    }

    void nonFiniteOptionsCannotBeWritten()
    {
        NetworkSpec spec = *preset("logistic");
        spec.layers[1].options["units"] = std::nan("");
        const QString error = test::errorOrNone([&] { toJson(spec); });
        QVERIFY2(error.contains("dense1") && error.contains("units"), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestNetworkSpec)
#include "tst_networkspec.moc"
