// Layer health in files: the samples of a real run come back exactly from a project file, histories from
// before layer health still load, a damaged "health" array is refused naming the field, and the CSV export's
// columns and values.
#include "TestSupport.h"
#include "neurite/Error.h"
#include "neurite/ModelExport.h"
#include "neurite/ProjectFile.h"
#include "neurite/Trainer.h"
#include "training/TrainingHistoryJson.h"

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace neurite;
using namespace neurite::test;

namespace {

// A short real run, every batch sampled: NaN dead shares (layers without a ReLU) included.
Project trainedProject()
{
    Project project;
    project.spec = chainSpec(5,
                             {dense("hidden", 12, "relu"), dense("squash", 8, "sigmoid"), dense("out", 3, "softmax")});
    project.settings.epochs = 2;
    project.settings.batchSize = 16;
    project.settings.healthEvery = 1;
    Network network(project.spec, 2);
    const TrainingResult result = train(network, blobs(30, 3, 5, 11), project.settings);
    project.history = result.history;
    project.weights = network.weights();
    return project;
}

std::vector<std::string> split(const std::string& line)
{
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

} // namespace

class TestLayerHealthFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void projectRoundTripIsExact()
    {
        const Project project = trainedProject();
        QCOMPARE(project.history.health.size(), std::size_t(2 * 6));
        QTemporaryDir dir;
        const std::string path = dir.filePath("health.neurite").toStdString();
        saveProject(project, path);
        const Project loaded = loadProject(path);
        QVERIFY(loaded.history.health == project.history.health);
        QVERIFY(std::isnan(loaded.history.health.back().layers[1].deadFraction));
        QVERIFY(!std::isnan(loaded.history.health.back().layers[0].deadFraction));
        QCOMPARE(loaded.settings.healthEvery, 1);
    }

    void historiesWithoutHealthLoad()
    {
        Json old = historyToJson(trainedProject().history);
        old.erase("health");
        const TrainingHistory history = historyFromJson(old, JsonLocation("old.neurite", "history"));
        QVERIFY(history.health.empty());
        QCOMPARE(history.batches.size(), std::size_t(12));
    }

    void damagedHealthIsRefusedByName_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("percentiles") << "/health/0/layers/0/weights/percentiles"
                                     << "[1,2]"
                                     << "percentiles";
        QTest::newRow("histogram") << "/health/1/layers/1/gradients/histogram"
                                   << "[1,2,3]"
                                   << "histogram";
        QTest::newRow("negative count") << "/health/0/layers/0/weights/histogram/3"
                                        << "-4"
                                        << "histogram[3]";
        QTest::newRow("layer") << "/health/2/layers/0/layer"
                               << "7"
                               << "layer";
        QTest::newRow("step") << "/health/2/step"
                              << "\"x\""
                              << "step";
    }

    void damagedHealthIsRefusedByName()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, named);
        Json history = historyToJson(trainedProject().history);
        history[Json::json_pointer(pointer.toStdString())] = Json::parse(value.toStdString());
        try {
            historyFromJson(history, JsonLocation("damaged.neurite", "history"));
            QFAIL("a damaged health sample was read");
        } catch (const NeuriteError& e) {
            QVERIFY2(QString(e.what()).contains("damaged.neurite") && QString(e.what()).contains(named), e.what());
        }
    }

    void csvHasAColumnPerFigureAndARowPerLayerAndSample()
    {
        const TrainingHistory history = trainedProject().history;
        std::stringstream csv(healthCsv(history));
        std::string line;
        std::getline(csv, line);
        const std::vector<std::string> header = split(line);
        QCOMPARE(header.size(), std::size_t(7 + 2 * 9));
        QCOMPARE(QString::fromStdString(header[6]), QString("dead_fraction"));
        QCOMPARE(QString::fromStdString(header[8]), QString("weight_p6.68"));
        QCOMPARE(QString::fromStdString(header.back()), QString("gradient_p100"));
        std::size_t rows = 0;
        for (const HealthSample& sample : history.health)
            for (const LayerHealth& layer : sample.layers) {
                QVERIFY(std::getline(csv, line));
                const std::vector<std::string> cells = split(line);
                QCOMPARE(cells.size(), header.size());
                QCOMPARE(std::stoll(cells[0]), sample.step);
                QCOMPARE(cells[2], layer.layerId);
                QCOMPARE(std::stof(cells[3]), layer.weightNorm); // printed to read back exactly
                QCOMPARE(std::stof(cells[5]), layer.updateRatio);
                QCOMPARE(cells[6].empty(), std::isnan(layer.deadFraction));
                QCOMPARE(std::stof(cells[11]), layer.weights.percentiles[4]);
                QCOMPARE(std::stof(cells.back()), layer.gradients.percentiles.back());
                ++rows;
            }
        QVERIFY(!std::getline(csv, line));
        QCOMPARE(rows, history.health.size() * 3);
    }
};

QTEST_GUILESS_MAIN(TestLayerHealthFiles)
#include "tst_layerhealthfiles.moc"
