// Tests the decision plane and the neurons' maps of a trained network: every cell holds what predict gives
// for its centre encoded independently (through the TableEncoder, from the feature values written as text),
// row 0 is the top of the plane, each neuron's map is its layer's output at the same points (one hidden unit
// computed by hand from the weights), regressions come back in the target's units, data sets with the plane
// features evaluate alike, and Network::layerOutputs gives the whole batch.
#include "ErrorCapture.h"
#include "FileBytes.h"
#include "neurite/DesignForData.h"
#include "neurite/PlaneData.h"
#include "neurite/PlaneView.h"
#include "neurite/TableData.h"
#include "neurite/TableEncoder.h"
#include "neurite/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>

using namespace neurite;
using neurite::test::errorOf;

namespace {

std::string exactText(double value)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// The cell centres as PlaneGrid documents them, written out again: col 0 at the left, row 0 at the top.
double x1Centre(const PlaneBounds& b, int resolution, int col)
{
    return b.x1Min + (col + 0.5) * (b.x1Max - b.x1Min) / resolution;
}
double x2Centre(const PlaneBounds& b, int resolution, int row)
{
    return b.x2Max - (row + 0.5) * (b.x2Max - b.x2Min) / resolution;
}

// The values of every column a generated set may have, at (x1, x2), as a file would write them.
std::map<std::string, std::string> featureCells(double x1, double x2)
{
    std::map<std::string, std::string> cells;
    for (const PlaneFeatureInfo& info : planeFeatures())
        cells[info.column] = exactText(planeFeatureValue(info.feature, x1, x2));
    return cells;
}

// Every cell centre of the grid, row by row, encoded through the TableEncoder: (resolution², width).
Matrix encodedCentres(const DataSchema& schema, const PlaneBounds& bounds, int resolution)
{
    const TableEncoder encoder(schema);
    Matrix x(resolution * resolution, encoder.width());
    for (int row = 0; row < resolution; ++row)
        for (int col = 0; col < resolution; ++col) {
            const std::vector<float> encoded = encoder.encodeNamed(
                featureCells(x1Centre(bounds, resolution, col), x2Centre(bounds, resolution, row)));
            std::copy(encoded.begin(), encoded.end(), x.row(row * resolution + col).data());
        }
    return x;
}

// A network of the default plane design trained for a few epochs on `data`.
Network trainedOn(const Dataset& data, int epochs)
{
    Network network(designForData(data), 3);
    TrainingSettings settings = settingsForData(data);
    settings.epochs = epochs;
    train(network, data, settings);
    return network;
}

double maxDifference(const float* a, const float* b, std::size_t n)
{
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i)
        worst = std::max(worst, double(std::abs(a[i] - b[i])));
    return worst;
}

const PlaneBounds kBounds{-5.5, 7, -3, 4.25}; // not square, not centred: a swapped axis shows

} // namespace

class TestPlaneEvaluation : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Dataset m_circle;
    std::optional<Network> m_network;

private Q_SLOTS:
    void initTestCase()
    {
        DataOptions options;
        options.plane.points = 300;
        options.plane.noise = 0.1;
        m_circle = loadTable("circle", options);
        m_network.emplace(trainedOn(m_circle, 20));
    }

    void theCellCentresRunFromTheTopLeft()
    {
        const PlaneGrid grid = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, 5);
        QCOMPARE(grid.x1At(0), -5.5 + 1.25);
        QCOMPARE(grid.x1At(4), 7 - 1.25);
        QCOMPARE(grid.x2At(0), 4.25 - 0.725);
        QCOMPARE(grid.x2At(4), -3 + 0.725);
        QCOMPARE(grid.output.size(), std::size_t(25 * 2));
        QCOMPARE(grid.outputs, 2);
        QVERIFY(!grid.regression);
        QVERIFY(grid.neurons.empty());
    }

    void eachCellIsThePredictionAtItsCentre()
    {
        const int resolution = 37;
        const PlaneGrid grid = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, resolution);
        Matrix expected;
        m_network->predict(encodedCentres(m_circle.schema, kBounds, resolution), expected);
        QCOMPARE(long(grid.output.size()), long(expected.size()));
        QVERIFY(maxDifference(grid.output.data(), expected.data(), grid.output.size()) < 1e-6);
        // The network learnt something: the disc's centre and a corner are told apart.
        const PlaneGrid coarse = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), PlaneBounds{}, 3);
        const float centre = coarse.output[(1 * 3 + 1) * 2], corner = coarse.output[0];
        QVERIFY2(std::abs(centre - corner) > 0.5f, qPrintable(QString("%1 %2").arg(centre).arg(corner)));
    }

    // 131² + 7² cells are more than one batch: the batches meet without a gap or a shift.
    void aLargeGridIsEvaluatedInBatches()
    {
        const int resolution = 131, side = 7;
        const PlaneGrid grid = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, resolution, side,
                                             16);
        Matrix expected, neuronsExpected;
        m_network->predict(encodedCentres(m_circle.schema, kBounds, resolution), expected);
        QCOMPARE(long(grid.output.size()), long(expected.size()));
        QVERIFY(maxDifference(grid.output.data(), expected.data(), grid.output.size()) < 1e-6);
        m_network->predict(encodedCentres(m_circle.schema, kBounds, side), neuronsExpected);
        const NeuronMaps& softmax = grid.neurons.back();
        const Matrix byUnit = neuronsExpected.transpose(); // (units, cells)
        QVERIFY(maxDifference(softmax.values.data(), byUnit.data(), softmax.values.size()) < 1e-6);
    }

    // The Input's map holds the encoded features bit for bit; the hidden maps are the layers' outputs; the
    // softmax layer's the probabilities.
    void theNeuronsMapsAreTheLayersOutputs()
    {
        const int resolution = 8, side = 11;
        const PlaneGrid grid = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, resolution, side,
                                             16);
        QCOMPARE(grid.neuronResolution, side);
        QCOMPARE(int(grid.neurons.size()), 4);
        const Matrix x = encodedCentres(m_circle.schema, kBounds, side);
        Matrix probabilities;
        m_network->predict(x, probabilities);
        const std::vector<LayerOutput> layers = m_network->layerOutputs(16);
        QCOMPARE(int(layers.size()), 4);
        for (std::size_t l = 0; l < layers.size(); ++l) {
            const NeuronMaps& maps = grid.neurons[l];
            QCOMPARE(maps.layerId, layers[l].layerId);
            QCOMPARE(maps.type, layers[l].type);
            QCOMPARE(long(maps.units), layers[l].shape.size());
            const Matrix& values = layers[l].softmaxFolded ? probabilities : *layers[l].values;
            for (int u = 0; u < maps.units; ++u)
                for (int cell = 0; cell < side * side; ++cell) {
                    const float map = maps.values[std::size_t(u * side * side + cell)];
                    if (l == 0)
                        QCOMPARE(map, values(cell, u));
                    else
                        QVERIFY(std::abs(map - values(cell, u)) < 1e-6f);
                }
        }
        QCOMPARE(grid.neurons[0].layerId, std::string("input"));
        QCOMPARE(grid.neurons[1].layerId, std::string("dense1"));
        QVERIFY(layers[3].softmaxFolded && !layers[2].softmaxFolded);
        // Only the Input and the softmax layer have at most 8 units.
        QCOMPARE(int(evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, 4, 3, 8).neurons.size()), 2);
    }

    // dense1's unit 5 at a few cells, as tanh(x W[:, 5] + b[5]) from the saved weights.
    void aHiddenUnitIsComputedByHand()
    {
        const int side = 9, unit = 5;
        const PlaneGrid grid = evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, 2, side);
        const Weights weights = m_network->weights();
        const NamedTensor *w = nullptr, *b = nullptr;
        for (const NamedTensor& t : weights) {
            w = t.name == "dense1.weight" ? &t : w;
            b = t.name == "dense1.bias" ? &t : b;
        }
        QVERIFY(w && b && w->rows == 2 && w->cols == 16);
        const Matrix x = encodedCentres(m_circle.schema, kBounds, side);
        for (int cell : {0, 8, 40, 72, 80}) {
            double z = b->values[unit];
            for (int k = 0; k < 2; ++k)
                z += double(x(cell, k)) * w->values[std::size_t(k * w->cols + unit)];
            const float map = grid.neurons[1].values[std::size_t(unit * side * side + cell)];
            QVERIFY2(std::abs(map - std::tanh(z)) < 1e-5, qPrintable(QString("%1 vs %2").arg(map).arg(std::tanh(z))));
        }
    }

    void regressionsAreInTheTargetsUnits()
    {
        DataOptions options;
        options.plane.points = 200;
        const Dataset data = loadTable("plane", options);
        Network network = trainedOn(data, 3);
        const int resolution = 13;
        const PlaneGrid grid = evaluatePlane(network, *PlaneInputs::of(data.schema), kBounds, resolution, 4);
        QVERIFY(grid.regression);
        QCOMPARE(grid.outputs, 1);
        Matrix predicted;
        network.predict(encodedCentres(data.schema, kBounds, resolution), predicted);
        const TableEncoder encoder(data.schema);
        for (int cell = 0; cell < resolution * resolution; ++cell) {
            const double expected = encoder.targetValue(predicted(cell, 0));
            QVERIFY(std::abs(grid.output[std::size_t(cell)] - expected) < 1e-5 * std::max(1.0, std::abs(expected)));
        }
    }

    // A set with x1², sin x1 (written as a file of those columns) gets them at each cell too.
    void theFeaturesAreComputedAtEachCell()
    {
        std::string csv = "x1,x2,x1^2,sin(x1),label\n";
        PlaneDataOptions plane;
        plane.points = 200;
        for (const PlanePoint& p : generatePlaneData("circle", plane))
            csv += exactText(p.x1) + "," + exactText(p.x2) + "," + exactText(p.x1 * p.x1) + "," +
                   exactText(std::sin(p.x1)) + "," + (p.target > 0 ? "1" : "-1") + "\n";
        const Dataset data = loadTable(test::writeFileIn(m_dir.path().toStdString(), "features.csv", csv), {});
        const std::optional<PlaneInputs> inputs = PlaneInputs::of(data.schema);
        QVERIFY(inputs && inputs->width() == 4);
        const NetworkSpec spec = designForData(data); // a table's ReLU design over the 4 columns
        Network network(spec, 5);
        const int resolution = 21;
        const PlaneGrid grid = evaluatePlane(network, *inputs, kBounds, resolution, resolution);
        Matrix expected;
        const Matrix x = encodedCentres(data.schema, kBounds, resolution);
        network.predict(x, expected);
        QVERIFY(maxDifference(grid.output.data(), expected.data(), grid.output.size()) < 1e-6);
        const Matrix xColumnMajor = x.transpose(); // the Input's maps: feature after feature
        QVERIFY(std::equal(grid.neurons[0].values.begin(), grid.neurons[0].values.end(), xColumnMajor.data()));
    }

    void aNetworkOfAnotherWidthIsRefused()
    {
        Network network(designForData(loadTable("iris", DataOptions{})));
        const QString error = errorOf([&] { evaluatePlane(network, *PlaneInputs::of(m_circle.schema), kBounds, 10); });
        QVERIFY2(error.contains("4 values") && error.contains("are 2"), qPrintable(error));
        QVERIFY(!errorOf([&] { evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), kBounds, 0); }).isEmpty());
        const PlaneBounds flat{0, 0, -1, 1};
        QVERIFY(!errorOf([&] { evaluatePlane(*m_network, *PlaneInputs::of(m_circle.schema), flat, 10); }).isEmpty());
    }

    void layerOutputsHoldTheWholeBatch()
    {
        Matrix x = encodedCentres(m_circle.schema, kBounds, 6), probabilities;
        m_network->predict(x, probabilities);
        const std::vector<LayerOutput> layers = m_network->layerOutputs(1000);
        QCOMPARE(layers.front().values, &x);
        for (const LayerOutput& layer : layers) {
            QCOMPARE(layer.values->rows(), 36L);
            QCOMPARE(layer.values->cols(), layer.shape.size());
        }
        // The first row is what activations() reports (every layer after the Input).
        const std::vector<LayerActivation> first = m_network->activations();
        QCOMPARE(first.size() + 1, layers.size());
        for (std::size_t i = 0; i < first.size(); ++i)
            QVERIFY(std::equal(first[i].values.begin(), first[i].values.end(), layers[i + 1].values->row(0).data()));
        QVERIFY(m_network->layerOutputs(2).size() == 2 && m_network->layerOutputs(1).empty());
    }
};

QTEST_APPLESS_MAIN(TestPlaneEvaluation)
#include "tst_planeevaluation.moc"
