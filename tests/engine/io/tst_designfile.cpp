// Tests the design JSON file: its exact text (diff-friendly and stable), round trips, and what a reader
// accepts and refuses.
#include <neurite/DesignFile.h>
#include "ErrorCapture.h"
#include "FileBytes.h"

#include <neurite/Error.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace neurite;

namespace {

DesignFile smallDesign()
{
    DesignFile design;
    design.name = "Tiny";
    design.description = "Input, one dense layer, output.";
    design.spec.layers = {{"input", "Input", {{"channels", 1.0}, {"height", 2.0}, {"width", 2.0}}},
                          {"dense1", "Dense", {{"units", 3.0}, {"activation", std::string("relu")}}},
                          {"output", "Output", {{"loss", std::string("cross_entropy")}}}};
    design.spec.connections = {{"input", "dense1", 0}, {"dense1", "output", 0}};
    design.uiStateJson = R"({"positions":{"dense1":[40,12.5],"input":[0,0]}})";
    return design;
}

// Written once by hand: any change to the layout of design files shows up here.
const char* kSmallDesignText = R"({
  "name": "Tiny",
  "description": "Input, one dense layer, output.",
  "design": {
    "format": "neurite-network",
    "version": 1,
    "layers": [
      {
        "id": "input",
        "type": "Input",
        "options": {
          "channels": 1,
          "height": 2,
          "width": 2
        }
      },
      {
        "id": "dense1",
        "type": "Dense",
        "options": {
          "activation": "relu",
          "units": 3
        }
      },
      {
        "id": "output",
        "type": "Output",
        "options": {
          "loss": "cross_entropy"
        }
      }
    ],
    "connections": [
      {
        "from": "input",
        "to": "dense1",
        "port": 0
      },
      {
        "from": "dense1",
        "to": "output",
        "port": 0
      }
    ]
  },
  "ui": {
    "positions": {
      "dense1": [
        40,
        12.5
      ],
      "input": [
        0,
        0
      ]
    }
  }
}
)";

} // namespace

class TestDesignFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textIsStableAndReadable()
    {
        QCOMPARE(QString::fromStdString(designFileText(smallDesign())), QString::fromUtf8(kSmallDesignText));
        // Without UI state there is no "ui" key at all.
        DesignFile plain = smallDesign();
        plain.uiStateJson = "{}";
        QVERIFY(!QString::fromStdString(designFileText(plain)).contains("\"ui\""));
    }

    void roundTripKeepsEverything()
    {
        const DesignFile design = smallDesign();
        const DesignFile back = designFileFromText(designFileText(design), "tiny.json");
        QCOMPARE(back.name, design.name);
        QCOMPARE(back.description, design.description);
        QVERIFY(back.spec == design.spec);
        QCOMPARE(back.uiStateJson, design.uiStateJson);
        QCOMPARE(designFileText(back), designFileText(design));
    }

    void savedAtomicallyAndReadBack()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("tiny.json").toStdString();
        saveDesignFile(smallDesign(), path);
        QCOMPARE(test::readBytes(path), designFileText(smallDesign()));
        QVERIFY(loadDesignFile(path).spec == smallDesign().spec);
        QVERIFY(designSourceOf(path) == DesignSource::DesignJson);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"tiny.json"});
        // A save that cannot happen names the file and leaves nothing behind.
        const std::string blocked = dir.filePath("tiny.json/inside.json").toStdString();
        QVERIFY(test::errorOf([&] { saveDesignFile(smallDesign(), blocked); }).contains("tiny.json/inside.json"));
        QCOMPARE(test::readBytes(path), designFileText(smallDesign()));
    }

    // Old readers (the template menu) know only "design"; new readers take files without the optional keys.
    void optionalKeysMayBeMissing()
    {
        const std::string network = toJson(smallDesign().spec);
        const DesignFile bare = designFileFromText(network, "bare.json");
        QVERIFY(bare.spec == smallDesign().spec);
        QCOMPARE(bare.uiStateJson, std::string("{}"));
        const DesignFile wrapped = designFileFromText("{\"design\": " + network + "}", "wrapped.json");
        QVERIFY(wrapped.spec == smallDesign().spec);
        QVERIFY(wrapped.name.empty());
    }

    void refusalsNameTheFileAndField()
    {
        QCOMPARE(test::errorOrNone([] { designFileFromText("[1, 2]", "list.json"); }),
                 QString("list.json: expected a JSON object with a \"design\""));
        QVERIFY(test::errorOrNone([] {
                    designFileFromText(R"({"design": {"format": 1}})", "f.json");
                }).startsWith("f.json: design: format: "));
        QVERIFY(test::errorOrNone([] {
                    designFileFromText(R"({"design": {}, "description": []})", "d.json");
                }).startsWith("d.json: description: expected a string"));
        QVERIFY(test::errorOrNone([] { loadDesignFile("/nonexistent/x.json"); }).startsWith("/nonexistent/x.json: "));
    }
};

QTEST_GUILESS_MAIN(TestDesignFile)
#include "tst_designfile.moc"
