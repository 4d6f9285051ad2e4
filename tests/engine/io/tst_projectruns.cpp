// Tests the runs a project file keeps (format 2): an exact round trip of every field, designs stored once,
// weights kept for the best runs, format 1 files opening with their run, and hostile run data refused.
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "neurite/Error.h"
#include "neurite/ProjectFile.h"
#include "neurite/ProjectRuns.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <bit>
#include <cmath>
#include <zlib.h>

using namespace neurite;

namespace {

// NaN-aware equality: a missing value (NaN) equals a missing value.
bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

NetworkSpec smallDesign(int units)
{
    NetworkSpec spec;
    spec.layers = {{"input", "Input", {{"height", 1.0}, {"width", 3.0}, {"channels", 1.0}}},
                   {"dense1", "Dense", {{"units", double(units)}, {"activation", std::string("relu")}}},
                   {"dense2", "Dense", {{"units", 2.0}, {"activation", std::string("linear")}}},
                   {"output", "Output", {{"loss", std::string("cross_entropy")}}}};
    spec.connections = {{"input", "dense1", 0}, {"dense1", "dense2", 0}, {"dense2", "output", 0}};
    return spec;
}

Weights weightsFor(int units, float start)
{
    auto tensor = [start](const std::string& name, int rows, int cols) {
        NamedTensor t{name, rows, cols, {}};
        for (int i = 0; i < rows * cols; ++i)
            t.values.push_back(start + 0.001f * float(i));
        return t;
    };
    return {tensor("dense1.weight", 3, units), tensor("dense1.bias", 1, units), tensor("dense2.weight", units, 2),
            tensor("dense2.bias", 1, 2)};
}

// A run with every field set to something other than its default.
RunRecord fullRun(const std::string& name, int units, float accuracy, bool withWeights)
{
    RunRecord run;
    run.name = name;
    run.date = "2026-12-06T07:10:00Z";
    run.starred = units == 8;
    run.note = "lr too high? \u00e9\u00e8 \"quoted\"";
    run.design = smallDesign(units);
    run.settings.optimizer.learningRate = 0.003f;
    run.settings.batchSize = 64;
    run.settings.seed = 42;
    run.dataSetName = "corners";
    run.classNames = {"top-left", "bottom-right"};
    run.history.batches = {{1, 1, 2, 1, 0.7f, 0.5f, 0.003f, 1234.5, 0.01},
                           {1, 2, 2, 2, 0.6f, 0.75f, 0.003f, 1300, 0.02}};
    run.history.epochs = {{1, 1, 0.65f, 0.6f, 0.61f, 0.7f, 0.003f, 0.02, 1250, true}};
    run.history.bestEpoch = 1;
    run.history.testLoss = 0.55f;
    run.history.testAccuracy = accuracy;
    run.test.loss = 0.55f;
    run.test.accuracy = accuracy;
    run.test.confusion = {{3, 1}, {0, units}};
    run.seconds = 1.25;
    run.outcome = RunOutcome::EarlyStopped;
    run.message = "no improvement for 3 epochs";
    run.swept = {{"lr", "0.003"}, {"dense1.units", std::to_string(units)}};
    if (withWeights)
        run.weights = weightsFor(units, accuracy);
    return run;
}

void compareRuns(const RunRecord& a, const RunRecord& b)
{
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.date, b.date);
    QCOMPARE(a.starred, b.starred);
    QCOMPARE(a.note, b.note);
    QVERIFY(a.design == b.design);
    QVERIFY(a.settings == b.settings);
    QCOMPARE(a.dataSetName, b.dataSetName);
    QCOMPARE(a.classNames, b.classNames);
    QCOMPARE(a.history.batches.size(), b.history.batches.size());
    for (std::size_t i = 0; i < a.history.batches.size(); ++i) {
        QCOMPARE(a.history.batches[i].loss, b.history.batches[i].loss);
        QCOMPARE(a.history.batches[i].samplesPerSecond, b.history.batches[i].samplesPerSecond);
        QCOMPARE(a.history.batches[i].step, b.history.batches[i].step);
    }
    QCOMPARE(a.history.epochs.size(), b.history.epochs.size());
    for (std::size_t i = 0; i < a.history.epochs.size(); ++i) {
        QCOMPARE(a.history.epochs[i].validationAccuracy, b.history.epochs[i].validationAccuracy);
        QCOMPARE(a.history.epochs[i].best, b.history.epochs[i].best);
    }
    QCOMPARE(a.history.bestEpoch, b.history.bestEpoch);
    QVERIFY(same(a.history.testAccuracy, b.history.testAccuracy));
    QCOMPARE(a.test.regression, b.test.regression);
    QVERIFY(same(a.test.loss, b.test.loss) && same(a.test.accuracy, b.test.accuracy));
    QVERIFY(same(a.test.r2, b.test.r2) && same(a.test.mae, b.test.mae) && same(a.test.rmse, b.test.rmse));
    QCOMPARE(a.test.confusion, b.test.confusion);
    QCOMPARE(a.seconds, b.seconds);
    QCOMPARE(a.outcome, b.outcome);
    QCOMPARE(a.message, b.message);
    QVERIFY(a.swept == b.swept);
    QCOMPARE(a.weights.has_value(), b.weights.has_value());
    if (a.weights)
        QVERIFY(*a.weights == *b.weights);
}

std::uint32_t u32At(const std::string& bytes, std::size_t offset)
{
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + std::size_t(i)]);
    return value;
}

void appendU32(std::string& bytes, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        bytes.push_back(char(value >> (8 * i)));
}

// A file from a header and weight bytes, written here (not by saveProject), with zlib's checksum.
std::string handMadeFile(const std::string& header, const std::string& data, std::uint32_t version)
{
    std::string bytes("NEURITE\0", 8);
    appendU32(bytes, version);
    appendU32(bytes, std::uint32_t(header.size()));
    bytes += header + data;
    appendU32(bytes, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size()))));
    return bytes;
}

nlohmann::ordered_json headerOf(const std::string& bytes)
{
    return nlohmann::ordered_json::parse(bytes.substr(16, u32At(bytes, 12)));
}

} // namespace

class TestProjectRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string pathOf(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    // A saved project's header with `edit` applied, written back with a valid checksum and its weight data.
    QString loadErrorAfter(const std::function<void(nlohmann::ordered_json&)>& edit)
    {
        Project project;
        project.spec = smallDesign(4);
        project.keptRunWeights = -1;
        appendRun(project, fullRun("a", 4, 0.9f, true));
        appendRun(project, fullRun("b", 8, 0.8f, false));
        const std::string path = pathOf("hostile.neurite");
        saveProject(project, path);
        const std::string bytes = test::readBytes(path);
        auto header = headerOf(bytes);
        edit(header);
        const std::size_t headerLength = u32At(bytes, 12);
        const std::string data = bytes.substr(16 + headerLength, bytes.size() - 20 - headerLength);
        test::writeBytes(path, handMadeFile(header.dump(), data, 2));
        return test::errorOrNone([&] { loadProject(path); });
    }

private Q_SLOTS:
    void everyFieldSurvivesSaveAndLoad()
    {
        Project project;
        project.spec = smallDesign(4);
        project.keptRunWeights = 2;
        project.runs = {fullRun("lr=0.003 dense1.units=4", 4, 0.9f, true), fullRun("second", 8, 0.7f, true),
                        fullRun("third", 4, kNoValue, false)};
        project.runs[2].test.regression = true;
        project.runs[2].test.r2 = 0.8125;
        project.runs[2].test.mae = 1.5;
        project.runs[2].test.rmse = 2.25;
        project.runs[2].schema = DataSchema{};
        const std::string path = pathOf("runs.neurite");
        saveProject(project, path);
        const Project loaded = loadProject(path);
        QCOMPARE(loaded.keptRunWeights, 2);
        QCOMPARE(loaded.runs.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i)
            compareRuns(project.runs[i], loaded.runs[i]);
        QVERIFY(loaded.runs[2].schema.has_value());
        QVERIFY(!loaded.runs[0].schema.has_value());
        QVERIFY(!loaded.weights.has_value());
    }

    void identicalDesignsAreStoredOnce()
    {
        Project project;
        project.spec = smallDesign(4);
        for (int i = 0; i < 5; ++i)
            appendRun(project, fullRun("", i % 2 ? 8 : 4, 0.5f, false));
        const std::string path = pathOf("designs.neurite");
        saveProject(project, path);
        const auto header = headerOf(test::readBytes(path));
        QCOMPARE(header["designs"].size(), std::size_t(2));
        QCOMPARE(header["runs"][3]["design"].get<int>(), 1);
        QCOMPARE(header["runs"][4]["design"].get<int>(), 0);
        const Project loaded = loadProject(path);
        QVERIFY(loaded.runs[3].design == smallDesign(8));
        QCOMPARE(loaded.runs[4].name, std::string("run 5"));
    }

    void onlyTheBestRunsKeepTheirWeights()
    {
        Project project; // keptRunWeights 3 by default
        const float accuracies[] = {0.5f, 0.9f, 0.7f, 0.95f, 0.6f};
        for (float accuracy : accuracies)
            appendRun(project, fullRun("", 4, accuracy, true));
        project.runs[0].starred = false;
        std::vector<bool> kept;
        for (const RunRecord& run : project.runs)
            kept.push_back(run.weights.has_value());
        QCOMPARE(kept, (std::vector<bool>{false, true, true, true, false}));
        const std::string path = pathOf("best.neurite");
        saveProject(project, path);
        const Project loaded = loadProject(path);
        for (std::size_t i = 0; i < project.runs.size(); ++i)
            compareRuns(project.runs[i], loaded.runs[i]);
        // A starred run keeps its weights whatever its rank.
        RunRecord starred = fullRun("starred", 8, 0.1f, true);
        QVERIFY(starred.starred);
        appendRun(project, starred);
        QVERIFY(project.runs.back().weights.has_value());
    }

    void runsAreRenamedStarredAnnotatedAndDeleted()
    {
        Project project;
        appendRun(project, fullRun("a", 4, 0.5f, false));
        appendRun(project, fullRun("a", 4, 0.6f, false));
        QCOMPARE(project.runs[1].name, std::string("a (2)"));
        renameRun(project, 1, "b");
        QCOMPARE(test::errorOf([&] { renameRun(project, 0, "b"); }), QString("another run is already called 'b'"));
        QCOMPARE(test::errorOf([&] { renameRun(project, 0, ""); }), QString("a run's name cannot be empty"));
        setRunStarred(project, 0, false);
        setRunNote(project, 1, "keep");
        QCOMPARE(project.runs[1].note, std::string("keep"));
        deleteRun(project, 0);
        QCOMPARE(project.runs.size(), std::size_t(1));
        QCOMPARE(project.runs[0].name, std::string("b"));
        QCOMPARE(test::errorOf([&] { deleteRun(project, 1); }), QString("no run number 2 (the project has 1 runs)"));
        QCOMPARE(test::errorOf([&] { runIndex(project, "zz"); }), QString("no run called 'zz' (runs: b)"));
    }

    void restoringARunPutsBackItsDesignAndSettings()
    {
        Project project;
        project.spec = smallDesign(16);
        appendRun(project, fullRun("r", 8, 0.9f, true));
        restoreRun(project, 0);
        QVERIFY(project.spec == smallDesign(8));
        QCOMPARE(project.settings.batchSize, 64);
        QVERIFY(project.weights && *project.weights == weightsFor(8, 0.9f));
        QCOMPARE(project.classNames, (std::vector<std::string>{"top-left", "bottom-right"}));
    }

    // A file as format 1 wrote it (no runs): its trained state opens as run 1.
    void formatOneFilesOpenWithTheirRun()
    {
        const std::string design =
            R"({"format": "neurite-network", "version": 1, "layers": [)"
            R"({"id": "input", "type": "Input", "options": {"height": 1, "width": 2}},)"
            R"({"id": "d", "type": "Dense", "options": {"units": 1}},)"
            R"({"id": "output", "type": "Output", "options": {"loss": "mse"}}],)"
            R"("connections": [{"from": "input", "to": "d", "port": 0}, {"from": "d", "to": "output", "port": 0}]})";
        const std::string header =
            R"({"design": )" + design +
            R"(, "settings": {"epochs": 3, "batchSize": 16}, "dataSet": "corners",)"
            R"("classNames": ["a", "b"], "history": {"bestEpoch": 1, "testLoss": 0.25, "testAccuracy": 0.75,)"
            R"("epochs": [{"epoch": 1, "epochs": 3, "trainLoss": 0.5, "seconds": 1.5}], "batches": {}},)"
            R"("tensors": [{"name": "d.weight", "rows": 2, "cols": 1}, {"name": "d.bias", "rows": 1, "cols": 1}]})";
        std::string data;
        for (float v : {0.5f, -1.0f, 0.25f})
            appendU32(data, std::bit_cast<std::uint32_t>(v));
        const std::string path = pathOf("v1.neurite");
        test::writeBytes(path, handMadeFile(header, data, 1));
        const Project project = loadProject(path);
        QCOMPARE(project.runs.size(), std::size_t(1));
        const RunRecord& run = project.runs[0];
        QCOMPARE(run.name, std::string("run 1"));
        QVERIFY(run.design == project.spec);
        QCOMPARE(run.settings.batchSize, 16);
        QCOMPARE(run.dataSetName, std::string("corners"));
        QCOMPARE(run.test.accuracy, 0.75f);
        QCOMPARE(run.test.loss, 0.25f);
        QCOMPARE(run.seconds, 1.5);
        QVERIFY(run.test.confusion.empty()); // older files kept no matrix
        QCOMPARE(run.history.epochs.size(), std::size_t(1));
        QVERIFY(run.weights && run.weights->at(0).values == (std::vector<float>{0.5f, -1.0f}));
        // Saved again it is a format 2 file with the same run, and no second copy appears.
        saveProject(project, path);
        QCOMPARE(u32At(test::readBytes(path), 8), std::uint32_t(2));
        const Project again = loadProject(path);
        QCOMPARE(again.runs.size(), std::size_t(1));
        compareRuns(run, again.runs[0]);
        // An untrained format 1 file has no run.
        test::writeBytes(path, handMadeFile(R"({"design": )" + design + "}", "", 1));
        QVERIFY(loadProject(path).runs.empty());
    }

    void hostileRunDataIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("design index") << "runs[1].design=7"
                                      << "runs[1].design: expected a whole number from 0 to 1";
        QTest::newRow("negative index") << "runs[0].design=-1"
                                        << "runs[0].design: expected a whole number from 0 to 1";
        QTest::newRow("duplicate name") << "runs[1].name=a"
                                        << "runs[1].name: \"a\" names two runs";
        QTest::newRow("empty name") << "runs[0].name="
                                    << "runs[0].name: a run's name cannot be empty";
        QTest::newRow("outcome") << "runs[0].outcome=exploded"
                                 << "runs[0].outcome: unknown run outcome 'exploded'";
        QTest::newRow("no designs") << "designs=null"
                                    << "runs[0].design: refers to a design, but the file lists none";
        QTest::newRow("runs not a list") << "runs=7"
                                         << "runs: expected";
        QTest::newRow("run tensors") << "runs[0].tensors.rows=9"
                                     << "the tensor list does not match the weight data";
        QTest::newRow("ragged confusion") << R"(runs[0].test={"confusion": [[1, 2], [3]]})"
                                          << "runs[0].test.confusion[1]: has 1 counts; a confusion matrix of 2 classes";
        QTest::newRow("negative count") << R"(runs[0].test={"confusion": [[1, -2], [3, 4]]})"
                                        << "runs[0].test.confusion[0][1]: expected a whole number from 0";
        QTest::newRow("kept weights") << "keptRunWeights=-5"
                                      << "keptRunWeights: expected a whole number from -1";
    }

    void hostileRunDataIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const QString message = loadErrorAfter([&field](nlohmann::ordered_json& header) {
            const QString path = field.section('=', 0, 0);
            const std::string value = field.section('=', 1).toStdString();
            nlohmann::ordered_json parsed = value.empty()     ? nlohmann::ordered_json("")
                                            : value == "null" ? nlohmann::ordered_json()
                                            : nlohmann::ordered_json::accept(value)
                                                ? nlohmann::ordered_json::parse(value)
                                                : nlohmann::ordered_json(value);
            if (path.startsWith("runs[")) {
                const int index = path.mid(5, 1).toInt();
                const std::string key = path.section('.', 1, 1).toStdString();
                if (key == "tensors")
                    header["runs"][index]["tensors"][0]["rows"] = parsed;
                else
                    header["runs"][index][key] = parsed;
            } else if (value == "null") {
                header.erase(path.toStdString());
            } else {
                header[path.toStdString()] = parsed;
            }
        });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(QString::fromStdString(pathOf("hostile.neurite"))), qPrintable(message));
    }

    void tooManyRunsAreRefusedBeforeReadingThem()
    {
        const QString message = loadErrorAfter([](nlohmann::ordered_json& header) {
            header["runs"] = nlohmann::ordered_json::array();
            for (int i = 0; i < 100001; ++i)
                header["runs"].push_back(0);
        });
        QVERIFY2(message.contains("runs: lists 100001 runs (at most 100000)"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestProjectRuns)
#include "tst_projectruns.moc"
