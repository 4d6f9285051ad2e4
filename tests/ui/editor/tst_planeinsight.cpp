// Tests the neurons' heat maps on the editor's nodes and the weights' lines between them (PlaneInsight): the
// number of maps per node, their colours cell by cell, the enlarged map under the mouse, one line per weight
// oriented as the Dense layer computes, and that none of it edits, marks or breaks the document.
#include "editor/ConnectionItem.h"
#include "editor/DesignEditor.h"
#include "editor/GraphCommands.h"
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/NeuronMapPopup.h"
#include "editor/NeuronMapsItem.h"
#include "editor/NodeItem.h"
#include "editor/PlaneInsight.h"
#include "editor/PortItem.h"
#include "editor/WeightLinesItem.h"
#include "document/ProjectDocument.h"

#include "TestSupport.h"

#include <neurite/LayerRegistry.h>
#include <neurite/Network.h>
#include <neurite/PlaneData.h>
#include <neurite/PlaneView.h>

#include <QElapsedTimer>
#include <QPainter>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace neurite;
using namespace neurite::ui;

namespace {

constexpr int kCells = 4; // cells per side of each neuron's map

// Input(2) -> Dense(4) -> Dense(2) -> Output (cross-entropy).
NetworkSpec smallDesign(const std::string& activation = "linear")
{
    return test::chainSpec(2, {test::dense("dense1", 4, activation), test::dense("dense2", 2, activation)});
}

// A value for unit `unit` of the layer numbered `layer` at cell (row, col): both signs, different in every
// row and column, so that a map drawn upside down or mirrored shows other colours.
float handValue(int layer, int unit, int row, int col)
{
    return float((layer + 1) * 0.25 * (unit + 1) * (col - 1.5) + 0.5 * (row - 1) - 0.1 * unit);
}

NeuronMaps handMaps(const std::string& id, int layer, int units, int resolution = kCells)
{
    NeuronMaps maps{id, "Dense", units, {}};
    for (int u = 0; u < units; ++u)
        for (int row = 0; row < resolution; ++row)
            for (int col = 0; col < resolution; ++col)
                maps.values.push_back(handValue(layer, u, row, col));
    return maps;
}

// What the grid of the small design would hold: the Input's two features, both Dense layers and the two
// classes (the values are made up; the editor only draws them).
std::shared_ptr<PlaneGrid> handGrid(const std::vector<std::pair<std::string, int>>& layers)
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->resolution = 8;
    grid->outputs = 2;
    grid->output.assign(8 * 8 * 2, 0.5f);
    grid->neuronResolution = kCells;
    for (std::size_t k = 0; k < layers.size(); ++k)
        grid->neurons.push_back(handMaps(layers[k].first, int(k), layers[k].second));
    return grid;
}

std::shared_ptr<PlaneGrid> smallGrid()
{
    return handGrid({{"input", 2}, {"dense1", 4}, {"dense2", 2}, {"output", 2}});
}

// The colour formula, restated: Playground's orange #f59322 at -m, white at 0, its blue #0877bd at +m,
// linear in RGB.
QRgb expectedColour(double value, double m)
{
    const double t = std::clamp(value / m, -1.0, 1.0);
    const int end[2][3] = {{0xf5, 0x93, 0x22}, {0x08, 0x77, 0xbd}};
    const int* to = end[t < 0 ? 0 : 1];
    auto channel = [&](int k) { return int(std::lround(255 + std::abs(t) * (to[k] - 255))); };
    return qRgb(channel(0), channel(1), channel(2));
}

bool closeColours(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) <= 1 && std::abs(qGreen(a) - qGreen(b)) <= 1 &&
           std::abs(qBlue(a) - qBlue(b)) <= 1;
}

int countItems(QGraphicsScene* scene, int type)
{
    int n = 0;
    for (QGraphicsItem* item : scene->items())
        n += item->type() == type;
    return n;
}

// `steps` batches of plain gradient descent on the circle set (inputs scaled to about [-1.7, 1.7]), enough for its
// layers' maps to show rings and arcs.
void trainOnCircle(Network& network, int steps, int firstStep = 0)
{
    PlaneDataOptions options;
    options.points = 400;
    const std::vector<PlanePoint> points = generatePlaneData("circle", options);
    const int batch = 20;
    Matrix x(batch, 2);
    std::vector<std::uint8_t> labels(batch);
    for (int step = firstStep; step < firstStep + steps; ++step) {
        for (int k = 0; k < batch; ++k) {
            const PlanePoint& p = points[std::size_t(step * batch + k) % points.size()];
            x(k, 0) = float(p.x1 / 3.5);
            x(k, 1) = float(p.x2 / 3.5);
            labels[std::size_t(k)] = p.target > 0 ? 1 : 0;
        }
        network.forwardBackward(x, labels.data());
        for (const ParameterRef& parameter : network.parameters())
            *parameter.value -= 0.1f * *parameter.grad;
    }
}

// Every layer's outputs over [-6, 6]^2 (the inputs scaled as trainOnCircle does) from the network itself,
// as the engine's evaluatePlane gives them: the Input's two features, the Dense layers, the Output's classes.
std::shared_ptr<PlaneGrid> gridOf(Network& network, const NetworkSpec& spec, int cells)
{
    auto grid = std::make_shared<PlaneGrid>();
    grid->neuronResolution = cells;
    for (const LayerSpec& layer : spec.layers) {
        const int units = layer.id == "input"    ? 2
                          : layer.id == "output" ? network.outputSize()
                                                 : int(std::get<double>(layer.options.at("units")));
        grid->neurons.push_back({layer.id, layer.type, units, std::vector<float>(std::size_t(units) * cells * cells)});
    }
    std::vector<float> out(std::size_t(network.outputSize()));
    for (int cell = 0; cell < cells * cells; ++cell) {
        const float x[2] = {float((-6 + 12 * (cell % cells + 0.5) / cells) / 3.5),
                            float((6 - 12 * (cell / cells + 0.5) / cells) / 3.5)};
        network.predictOne(x, out.data());
        const std::vector<LayerActivation> layers = network.activations();
        for (NeuronMaps& maps : grid->neurons)
            for (int u = 0; u < maps.units; ++u) {
                float v = 0.0f;
                if (maps.layerId == "input")
                    v = x[u];
                else if (maps.layerId == "output")
                    v = out[std::size_t(u)]; // probabilities
                else
                    for (const LayerActivation& a : layers)
                        if (a.layerId == maps.layerId)
                            v = a.values[std::size_t(u)];
                maps.values[std::size_t(u) * cells * cells + std::size_t(cell)] = v;
            }
    }
    return grid;
}

} // namespace

class TestPlaneInsight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void eachNodeShowsItsUnits();
    void squaresAreColouredByValue();
    void hoverEnlargesAMap();
    void oneLinePerWeightAsTheLayerComputes();
    void skipConnection();
    void unitsNamedByTheData();
    void clearingRestoresTheCards();
    void showingLeavesTheDocumentAlone();
    void designChangesWhileShowing();
    void updateCost();
    void screenshot();
};

void TestPlaneInsight::eachNodeShowsItsUnits()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    editor.showPlaneInsight(smallGrid(), nullptr);
    const std::pair<const char*, int> expected[] = {{"input", 2}, {"dense1", 4}, {"dense2", 2}, {"output", 2}};
    for (const auto& [id, units] : expected) {
        NeuronMapsItem* maps = scene->nodeItem(id)->neuronMaps();
        QVERIFY2(maps, id);
        QCOMPARE(maps->units(), units);
        QCOMPARE(maps->image(0).width(), kCells);
    }
    QCOMPARE(countItems(scene, NeuronMapsItem::Type), 4);

    // A layer the grid has no maps for shows none; maps of another width than the layer's are stale.
    auto partial = handGrid({{"input", 2}, {"dense1", 3}, {"dense2", 2}});
    editor.showPlaneInsight(partial, nullptr);
    QVERIFY(!scene->nodeItem("dense1")->neuronMaps());
    QVERIFY(!scene->nodeItem("output")->neuronMaps());
    QCOMPARE(scene->nodeItem("dense2")->neuronMaps()->units(), 2);

    // Sixteen units wrap into two rows of eight.
    ProjectDocument wide;
    wide.newDesign(test::chainSpec(2, {test::dense("wide", 16, "tanh")}));
    DesignEditor wideEditor(&wide);
    wideEditor.showPlaneInsight(handGrid({{"input", 2}, {"wide", 16}, {"output", 2}}), nullptr);
    NeuronMapsItem* maps = wideEditor.scene()->nodeItem("wide")->neuronMaps();
    QCOMPARE(maps->units(), 16);
    QCOMPARE(maps->squareRect(7).top(), maps->squareRect(0).top());
    QVERIFY(maps->squareRect(8).top() >= maps->squareRect(0).bottom());
    QCOMPARE(maps->squareRect(8).left(), maps->squareRect(0).left());
    QVERIFY(maps->squareRect(7).right() <= NodeItem::kWidth);
    QCOMPARE(maps->squareRect(0).width(), NeuronMapsItem::kSquare);
}

// The scene as drawn, pixel by pixel: each cell of a square has the colour of its value, row 0 at the top.
void TestPlaneInsight::squaresAreColouredByValue()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    const auto grid = smallGrid();
    editor.showPlaneInsight(grid, nullptr);
    double m = 0;
    for (float v : grid->neurons[1].values)
        m = std::max(m, double(std::abs(v)));
    NeuronMapsItem* maps = scene->nodeItem("dense1")->neuronMaps();
    QCOMPARE(maps->range(), m);
    for (int unit : {0, 2, 3}) {
        const QRectF square = maps->mapRectToScene(maps->squareRect(unit));
        QImage image(int(square.width()), int(square.height()), QImage::Format_RGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        scene->render(&painter, QRectF(image.rect()), square);
        painter.end();
        const int cell = image.width() / kCells;
        for (int row = 0; row < kCells; ++row)
            for (int col = 0; col < kCells; ++col) {
                const QRgb drawn = image.pixel(col * cell + cell / 2, row * cell + cell / 2);
                const QRgb expected = expectedColour(handValue(1, unit, row, col), m);
                QVERIFY2(closeColours(drawn, expected),
                         qPrintable(QStringLiteral("unit %1 cell (%2, %3): %4 not %5")
                                        .arg(unit)
                                        .arg(row)
                                        .arg(col)
                                        .arg(QColor(drawn).name(), QColor(expected).name())));
            }
    }
    // The extremes are the full colours and 0 is white.
    QCOMPARE(expectedColour(-m, m), qRgb(0xf5, 0x93, 0x22));
    QCOMPARE(QColor(maps->image(3).pixel(3, 3)).name(), QColor(expectedColour(handValue(1, 3, 3, 3), m)).name());
}

void TestPlaneInsight::hoverEnlargesAMap()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    editor.resize(1400, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    GraphView* view = editor.view();
    editor.showPlaneInsight(smallGrid(), nullptr);
    view->fitToContents();
    QCoreApplication::processEvents();
    NeuronMapsItem* maps = editor.scene()->nodeItem("dense1")->neuronMaps();
    QVERIFY(!maps->popup() || !maps->popup()->isVisible());

    const QPoint over = view->mapFromScene(maps->mapToScene(maps->squareRect(2).center()));
    QTest::mouseMove(view->viewport(), over);
    QTRY_COMPARE(maps->hoveredUnit(), 2);
    NeuronMapPopup* popup = maps->popup();
    QVERIFY(popup && popup->isVisible());
    QVERIFY2(popup->title().contains("dense1") && popup->title().contains("unit 3"), qPrintable(popup->title()));
    QCOMPARE(popup->map(), maps->image(2));
    QVERIFY(popup->boundingRect().width() >= NeuronMapPopup::kMapSize);
    // It floats above the neighbouring cards and keeps its size on screen at any zoom.
    QVERIFY(popup->flags().testFlag(QGraphicsItem::ItemIgnoresTransformations));
    QVERIFY(editor.scene()->nodeItem("dense1")->zValue() > editor.scene()->nodeItem("dense2")->zValue());

    QTest::mouseMove(view->viewport(), view->mapFromScene(QPointF(-2000, -2000)) + QPoint(5, 5));
    QTest::mouseMove(view->viewport(), QPoint(3, 3));
    QTRY_COMPARE(maps->hoveredUnit(), -1);
    QVERIFY(!popup->isVisible());
    QCOMPARE(editor.scene()->nodeItem("dense1")->zValue(), editor.scene()->nodeItem("dense2")->zValue());
}

// The weights' orientation comes from the layer's maths, not from the tensor's layout: with a linear Dense
// layer and zero bias, feeding the unit vector e_i makes unit j output w_ij.
void TestPlaneInsight::oneLinePerWeightAsTheLayerComputes()
{
    const NetworkSpec spec = smallDesign();
    Network network(spec, 1);
    Weights weights = network.weights();
    const std::vector<float> chosen = {0.5f, -1.5f, 0.25f, 2.0f, -0.75f, 1.0f, -2.5f, 0.1f};
    for (NamedTensor& tensor : weights) {
        if (tensor.name == "dense1.weight") {
            QCOMPARE(tensor.values.size(), chosen.size());
            tensor.values = chosen;
        }
        if (tensor.name == "dense1.bias")
            std::fill(tensor.values.begin(), tensor.values.end(), 0.0f);
    }
    network.setWeights(weights);
    float w[2][4];
    for (int i = 0; i < 2; ++i) {
        const float x[2] = {i == 0 ? 1.0f : 0.0f, i == 1 ? 1.0f : 0.0f};
        float out[2];
        network.predictOne(x, out);
        bool found = false;
        for (const LayerActivation& a : network.activations())
            if (a.layerId == "dense1") {
                QCOMPARE(int(a.values.size()), 4);
                for (int j = 0; j < 4; ++j)
                    w[i][j] = a.values[j];
                found = true;
            }
        QVERIFY(found);
    }

    ProjectDocument document;
    document.newDesign(spec);
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    editor.showPlaneInsight(smallGrid(), std::make_shared<const Weights>(weights));
    WeightLinesItem* lines = scene->planeInsight()->weightLines({"input", "dense1", 0});
    QVERIFY(lines);
    QCOMPARE(lines->lineCount(), 2 * 4);
    QCOMPARE(scene->planeInsight()->weightLines({"dense1", "dense2", 0})->lineCount(), 4 * 2);
    QVERIFY(!scene->planeInsight()->weightLines({"dense2", "output", 0})); // the Output has no weights
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 2);

    NeuronMapsItem* from = scene->nodeItem("input")->neuronMaps();
    NeuronMapsItem* to = scene->nodeItem("dense1")->neuronMaps();
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 4; ++j) {
            QCOMPARE(lines->weight(i, j), double(w[i][j]));
            const QPainterPath path = lines->linePath(i, j);
            QCOMPARE(path.pointAtPercent(0), from->anchorBelow(i));
            QCOMPARE(path.pointAtPercent(1), to->anchorBelow(j));
            // Under the squares: each line can be followed to its units.
            QCOMPARE(path.pointAtPercent(0).x(), from->mapToScene(from->squareRect(i).center()).x());
            QCOMPARE(path.pointAtPercent(1).x(), to->mapToScene(to->squareRect(j).center()).x());
            // The sign picks the hue: Playground's blue (#0877bd) for positive, its orange (#f59322) for negative.
            const QColor colour = lines->lineColor(i, j);
            QVERIFY(w[i][j] > 0 ? colour.blue() > colour.red() : colour.red() > colour.blue());
            for (int k = 0; k < 2; ++k)
                for (int l = 0; l < 4; ++l)
                    if (std::abs(w[i][j]) > std::abs(w[k][l])) {
                        QVERIFY(lines->lineWidth(i, j) > lines->lineWidth(k, l));
                        if ((w[i][j] > 0) == (w[k][l] > 0)) // deeper: further from white
                            QVERIFY(lines->lineColor(i, j).lightness() < lines->lineColor(k, l).lightness());
                    }
        }
    // The layer's largest |w| (2.5) has the thickest line, a weight of 0.1 nearly the thinnest.
    double thickest = 0, thinnest = 10;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 4; ++j) {
            thickest = std::max(thickest, lines->lineWidth(i, j));
            thinnest = std::min(thinnest, lines->lineWidth(i, j));
        }
    QCOMPARE(thickest, WeightLinesItem::kThickest);
    // The largest |w| (-2.5, wherever the layer's maths put it) is drawn in the full orange.
    int strongest = 0;
    for (int k = 1; k < 8; ++k)
        if (std::abs(w[k / 4][k % 4]) > std::abs(w[strongest / 4][strongest % 4]))
            strongest = k;
    QCOMPARE(w[strongest / 4][strongest % 4], -2.5f);
    QCOMPARE(lines->lineColor(strongest / 4, strongest % 4).rgb(), QColor(0xf5, 0x93, 0x22).rgb());
    QVERIFY(std::abs(thinnest - (0.3 + 2.7 * 0.1 / 2.5)) < 1e-6);

    // New weights (training went on) restyle the same lines.
    for (NamedTensor& tensor : weights)
        if (tensor.name == "dense1.weight")
            for (float& v : tensor.values)
                v = -v;
    editor.showPlaneInsight(smallGrid(), std::make_shared<const Weights>(weights));
    QCOMPARE(scene->planeInsight()->weightLines({"input", "dense1", 0}), lines);
    QCOMPARE(lines->weight(1, 2), double(-w[1][2]));
}

// Input -> dense1 -> dense2, dense1 + dense2 -> add -> dense3 -> Output: lines for each Dense layer from the
// maps of what it reads (the Add's sums included), none into the Add, which has no weights.
void TestPlaneInsight::skipConnection()
{
    NetworkSpec spec = test::chainSpec(2, {test::dense("dense1", 4, "tanh"), test::dense("dense2", 4, "tanh")});
    spec.layers.insert(spec.layers.end() - 1, {defaultLayer("Add", "add"), test::dense("dense3", 2, "linear")});
    spec.connections.pop_back(); // dense2 -> output
    spec.connections.insert(
        spec.connections.end(),
        {{"dense1", "add", 0}, {"dense2", "add", 1}, {"add", "dense3", 0}, {"dense3", "output", 0}});
    ProjectDocument document;
    document.newDesign(spec);
    QVERIFY2(document.validation().ok(),
             document.validation().issues.empty() ? "" : document.validation().issues[0].message.c_str());
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    const QPointF port = scene->nodeItem("add")->inputPort(1)->scenePos();
    Network network(spec, 2);
    const auto weights = std::make_shared<const Weights>(network.weights());
    editor.showPlaneInsight(
        handGrid({{"input", 2}, {"dense1", 4}, {"dense2", 4}, {"add", 4}, {"dense3", 2}, {"output", 2}}), weights);
    PlaneInsight* insight = scene->planeInsight();
    QCOMPARE(scene->nodeItem("add")->neuronMaps()->units(), 4);
    QCOMPARE(scene->nodeItem("add")->inputPort(1)->scenePos(), port);
    QCOMPARE(insight->weightLines({"input", "dense1", 0})->lineCount(), 8);
    QCOMPARE(insight->weightLines({"dense1", "dense2", 0})->lineCount(), 16);
    QCOMPARE(insight->weightLines({"add", "dense3", 0})->lineCount(), 8);
    QVERIFY(!insight->weightLines({"dense1", "add", 0}));
    QVERIFY(!insight->weightLines({"dense2", "add", 1}));
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 3);

    // Without the Add's maps, dense3's weights have nowhere to start from.
    editor.showPlaneInsight(handGrid({{"input", 2}, {"dense1", 4}, {"dense2", 4}, {"dense3", 2}}), weights);
    QVERIFY(!scene->nodeItem("add")->neuronMaps());
    QVERIFY(!insight->weightLines({"add", "dense3", 0}));
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 2);
}

// The Input's maps are named by the data set's features and the Output's by its classes.
void TestPlaneInsight::unitsNamedByTheData()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DataSchema schema;
    schema.kind = DataSchema::Kind::Table;
    schema.columns = {{"x1", ColumnRole::Numeric}, {"x1^2", ColumnRole::Numeric}, {"label", ColumnRole::Target}};
    document.setDataSet("circle", {"inside", "outside"}, schema);
    DesignEditor editor(&document);
    editor.showPlaneInsight(smallGrid(), nullptr);
    NeuronMapsItem* input = editor.scene()->nodeItem("input")->neuronMaps();
    input->setHoveredUnit(1);
    QCOMPARE(input->popup()->title(), QStringLiteral("input · x₁²"));
    NeuronMapsItem* output = editor.scene()->nodeItem("output")->neuronMaps();
    output->setHoveredUnit(0);
    QCOMPARE(output->popup()->title(), QStringLiteral("output · inside"));
    NeuronMapsItem* dense = editor.scene()->nodeItem("dense1")->neuronMaps();
    dense->setHoveredUnit(3);
    QCOMPARE(dense->popup()->title(), QStringLiteral("dense1 · unit 4"));
}

void TestPlaneInsight::clearingRestoresTheCards()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    const QStringList ids = {"input", "dense1", "dense2", "output"};
    QHash<QString, QRectF> cards;
    QHash<QString, QPointF> ports;
    for (const QString& id : ids) {
        cards.insert(id, scene->nodeItem(id)->sceneBoundingRect());
        ports.insert(id, scene->nodeItem(id)->outputPort()->scenePos());
    }
    Network network(smallDesign(), 3);
    editor.showPlaneInsight(smallGrid(), std::make_shared<const Weights>(network.weights()));
    for (const QString& id : ids) {
        // The card grows downwards for its maps; its ports, and so its wires, stay where they were.
        const QRectF grown = scene->nodeItem(id)->sceneBoundingRect();
        QCOMPARE(grown.top(), cards.value(id).top());
        QVERIFY(grown.bottom() >= cards.value(id).bottom() + NeuronMapsItem::kSquare);
        QCOMPARE(scene->nodeItem(id)->outputPort()->scenePos(), ports.value(id));
    }
    ConnectionItem* wire = scene->connectionItem({"dense1", "dense2", 0});
    QCOMPARE(wire->path().pointAtPercent(0), scene->nodeItem("dense1")->outputPort()->wireEnd());
    QCOMPARE(wire->path().pointAtPercent(1), scene->nodeItem("dense2")->inputPort(0)->wireEnd());

    // Dragging a node takes its lines along.
    scene->nodeItem("dense1")->setPos(scene->nodeItem("dense1")->pos() + QPointF(40, 60));
    WeightLinesItem* lines = scene->planeInsight()->weightLines({"input", "dense1", 0});
    QCOMPARE(lines->linePath(1, 3).pointAtPercent(1), scene->nodeItem("dense1")->neuronMaps()->anchorBelow(3));

    editor.clearPlaneInsight();
    QVERIFY(!scene->planeInsight()->isShown());
    for (const QString& id : ids) {
        QVERIFY(!scene->nodeItem(id)->neuronMaps());
        QCOMPARE(scene->nodeItem(id)->sceneBoundingRect().size(), cards.value(id).size());
    }
    QCOMPARE(countItems(scene, NeuronMapsItem::Type), 0);
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 0);
    QCOMPARE(countItems(scene, NeuronMapPopup::Type), 0);
}

void TestPlaneInsight::showingLeavesTheDocumentAlone()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    QVERIFY(!document.isModified());
    const int steps = document.undoStack()->count();
    const NetworkSpec before = document.spec();
    QSignalSpy designChanged(&document, &ProjectDocument::designChanged);
    Network network(smallDesign(), 3);
    for (int k = 0; k < 5; ++k)
        editor.showPlaneInsight(smallGrid(), std::make_shared<const Weights>(network.weights()));
    editor.clearPlaneInsight();
    editor.showPlaneInsight(smallGrid(), nullptr);
    QVERIFY(!document.isModified());
    QCOMPARE(document.undoStack()->count(), steps);
    QVERIFY(document.spec() == before);
    QCOMPARE(designChanged.count(), 0);
}

void TestPlaneInsight::designChangesWhileShowing()
{
    ProjectDocument document;
    document.newDesign(smallDesign());
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    Network network(smallDesign(), 3);
    editor.showPlaneInsight(smallGrid(), std::make_shared<const Weights>(network.weights()));
    scene->nodeItem("dense1")->neuronMaps()->setHoveredUnit(1); // a popup open as the design changes

    scene->selectNode("dense2");
    scene->deleteSelection();
    QVERIFY(!scene->nodeItem("dense2"));
    QVERIFY(!scene->planeInsight()->weightLines({"dense1", "dense2", 0}));
    QVERIFY(scene->planeInsight()->weightLines({"input", "dense1", 0}));
    QCOMPARE(scene->nodeItem("dense1")->neuronMaps()->units(), 4);
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 1);

    document.undoStack()->undo(); // dense2 and its wires come back, and with them its maps and lines
    QCOMPARE(scene->nodeItem("dense2")->neuronMaps()->units(), 2);
    QCOMPARE(scene->planeInsight()->weightLines({"dense1", "dense2", 0})->lineCount(), 8);

    // Five units: the maps and weights of four no longer describe dense1.
    document.execute(new SetOptionCommand(document.model(), "dense1", "units", 5.0));
    QVERIFY(!scene->nodeItem("dense1")->neuronMaps());
    QVERIFY(!scene->planeInsight()->weightLines({"input", "dense1", 0}));
    QVERIFY(!scene->planeInsight()->weightLines({"dense1", "dense2", 0}));
    QVERIFY(scene->nodeItem("input")->neuronMaps());

    // Another design opened: the old network's pictures go.
    document.newDesign(smallDesign());
    QVERIFY(!scene->planeInsight()->isShown());
    QVERIFY(!scene->nodeItem("dense1")->neuronMaps());
    QCOMPARE(countItems(scene, WeightLinesItem::Type), 0);
}

// Printed, never asserted: what one update costs the GUI thread (the lead calls it 5-10 times a second).
void TestPlaneInsight::updateCost()
{
    const NetworkSpec spec = test::chainSpec(2, {test::dense("dense1", 8, "tanh"), test::dense("dense2", 8, "tanh")});
    ProjectDocument document;
    document.newDesign(spec);
    DesignEditor editor(&document);
    editor.resize(1400, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    Network network(spec, 1);
    const int cells = 20;
    auto grid = handGrid({{"input", 2}, {"dense1", 8}, {"dense2", 8}, {"output", 2}});
    for (NeuronMaps& maps : grid->neurons)
        maps = handMaps(maps.layerId, 1, maps.units, cells);
    grid->neuronResolution = cells;
    const auto weights = std::make_shared<const Weights>(network.weights());
    // The mean time of 20 repaints of the whole view, in ms.
    const auto repaintMs = [&editor] {
        editor.view()->fitToContents();
        QElapsedTimer clock;
        clock.start();
        for (int k = 0; k < 20; ++k)
            editor.view()->viewport()->grab();
        return double(clock.nsecsElapsed()) / 20 / 1e6;
    };
    const double plain = repaintMs();
    editor.showPlaneInsight(grid, nullptr);
    const double mapsOnly = repaintMs();
    editor.showPlaneInsight(grid, weights);
    QElapsedTimer timer;
    timer.start();
    const int rounds = 100;
    for (int k = 0; k < rounds; ++k)
        editor.showPlaneInsight(grid, weights);
    const double update = double(timer.nsecsElapsed()) / rounds / 1e6;
    const double repaint = repaintMs();
    qInfo("plane insight, 2-8-8-2 design, %dx%d-cell maps: %.3f ms per update; a repaint of the view takes %.2f ms "
          "with maps and lines, %.2f ms with maps only, %.2f ms without",
          cells, cells, update, repaint, mapsOnly, plain);
    QVERIFY(update > 0);
}

// A 2 -> 8 tanh -> 8 tanh -> 2 design trained a little on the circle set, with its maps from the network's
// own outputs, as a user sees it while training; with NEURITE_SCREENSHOT_DIR set, the editor is saved there
// as editor-maps.png, and the design at the editor's actual size as editor-maps-step-N.png after N batches.
void TestPlaneInsight::screenshot()
{
    const NetworkSpec spec = test::chainSpec(2, {test::dense("dense1", 8, "tanh"), test::dense("dense2", 8, "tanh"),
                                                 test::dense("dense3", 2, "linear")});
    Network network(spec, 7);
    ProjectDocument document;
    document.newDesign(spec);
    DesignEditor editor(&document);
    editor.resize(1400, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QString dir = qEnvironmentVariable("NEURITE_SCREENSHOT_DIR");
    GraphScene* scene = editor.scene();
    // The same editor updated as training goes on, as the Train tab does.
    int trained = 0;
    for (int steps : {0, 100, 300, 800, 3000}) {
        trainOnCircle(network, steps - trained, trained);
        trained = steps;
        editor.showPlaneInsight(gridOf(network, spec, 20), std::make_shared<const Weights>(network.weights()));
        if (dir.isEmpty())
            continue;
        const QRectF design = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
        QImage actual(design.size().toSize(), QImage::Format_RGB32);
        QPainter painter(&actual);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene->render(&painter, QRectF(actual.rect()), design);
        painter.end();
        QVERIFY(actual.save(QStringLiteral("%1/editor-maps-step-%2.png").arg(dir).arg(steps)));
    }
    editor.view()->fitToContents();
    scene->nodeItem("dense2")->neuronMaps()->setHoveredUnit(5);
    QCoreApplication::processEvents();
    const QImage image = editor.view()->viewport()->grab().toImage();
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            coloured += image.pixelColor(x, y).saturation() > 120;
    QVERIFY(coloured > 500);
    if (!dir.isEmpty())
        QVERIFY(editor.grab().save(dir + "/editor-maps.png"));
}

QTEST_MAIN(TestPlaneInsight)
#include "tst_planeinsight.moc"
