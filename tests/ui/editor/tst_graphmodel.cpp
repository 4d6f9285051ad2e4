// Tests the design graph without any view: building, structural refusals, undo/redo, graph <-> spec.
#include "editor/GraphCommands.h"
#include "editor/GraphModel.h"
#include "editor/GraphToSpec.h"

#include <neurite/LayerRegistry.h>
#include <neurite/Validation.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

QJsonObject nodeFragment(const QString& id, const QString& type, QPointF at = {})
{
    const LayerSpec layer = defaultLayer(type.toStdString(), id.toStdString());
    return QJsonObject{
        {"nodes",
         QJsonArray{QJsonObject{
             {"id", id}, {"type", type}, {"options", optionsToJson(layer.options)}, {"x", at.x()}, {"y", at.y()}}}}};
}

QJsonObject wireFragment(const QString& from, const QString& to, int port = 0)
{
    return QJsonObject{{"connections", QJsonArray{QJsonObject{{"from", from}, {"to", to}, {"toPort", port}}}}};
}

void addNode(GraphModel& model, const QString& id, const QString& type, QPointF at = {})
{
    const LayerSpec layer = defaultLayer(type.toStdString(), id.toStdString());
    model.insertNode(Node{id, type, layer.options, at});
}

// input -> dense1 -> output, built through the model only.
void buildChain(GraphModel& model)
{
    addNode(model, "input", "Input");
    addNode(model, "dense1", "Dense", {250, 0});
    addNode(model, "output", "Output", {500, 0});
    model.addConnection({"input", "dense1", 0});
    model.addConnection({"dense1", "output", 0});
}

} // namespace

class TestGraphModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildsTheSpecInInsertionOrder();
    void emitsSignalsForEveryChange();
    void refusesACycle();
    void refusesASecondWireIntoAPort();
    void refusesAWireIntoAnInput();
    void removingANodeRemovesItsWires();
    void uniqueIdsCountUpPerType();
    void undoRedoRestoresTheExactState();
    void consecutiveMovesMergeIntoOneStep();
    void optionEditsOfOneFieldMerge();
    void specRoundTripsThroughTheGraph();
    void pasteRenamesAndKeepsInnerWires();
    void uiStateKeepsPositions();
    void validationNamesTheMismatchedLayer();
};

void TestGraphModel::buildsTheSpecInInsertionOrder()
{
    GraphModel model;
    buildChain(model);
    const NetworkSpec spec = graphToSpec(model);
    QCOMPARE(spec.layers.size(), size_t(3));
    QCOMPARE(spec.layers[0].id, std::string("input"));
    QCOMPARE(spec.layers[1].type, std::string("Dense"));
    QCOMPARE(spec.layers[1].number("units", 0), 128.0);
    QCOMPARE(spec.connections.size(), size_t(2));
    QCOMPARE(spec.connections[1], (Connection{"dense1", "output", 0}));
    // 784 * 128 weights + 128 biases, as the engine computes it from this spec.
    QCOMPARE(validate(spec).layers.at("dense1").parameters, 784L * 128 + 128);
}

void TestGraphModel::emitsSignalsForEveryChange()
{
    GraphModel model;
    QSignalSpy created(&model, &GraphModel::nodeCreated);
    QSignalSpy wired(&model, &GraphModel::connectionCreated);
    QSignalSpy removed(&model, &GraphModel::nodeRemoved);
    QSignalSpy unwired(&model, &GraphModel::connectionRemoved);
    QSignalSpy updated(&model, &GraphModel::nodeUpdated);
    QSignalSpy moved(&model, &GraphModel::nodeMoved);
    buildChain(model);
    LayerOptions options = model.node("dense1").options;
    options["units"] = 32.0;
    model.setNodeOptions("dense1", options);
    model.setNodeOptions("dense1", options); // unchanged: no signal
    model.setNodePosition("dense1", {10, 20});
    model.removeNode("dense1");
    QCOMPARE(created.count(), 3);
    QCOMPARE(wired.count(), 2);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(unwired.count(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toString(), QString("dense1"));
}

void TestGraphModel::refusesACycle()
{
    GraphModel model;
    addNode(model, "a", "ReLU");
    addNode(model, "b", "ReLU");
    addNode(model, "c", "ReLU");
    model.addConnection({"a", "b", 0});
    model.addConnection({"b", "c", 0});
    QString reason;
    QVERIFY(!model.canConnect({"c", "a", 0}, &reason));
    QVERIFY2(reason.contains("cycle"), qPrintable(reason));
    QVERIFY(!model.canConnect({"a", "a", 0}, &reason));
    // Ignoring the wire b -> c (being dragged away) removes the path, so c -> a... still needs a free port.
    QVERIFY(model.canConnect({"c", "a", 0}, nullptr, nullptr) == false);
    const ConnectionId dragged{"b", "c", 0};
    QVERIFY(model.canConnect({"c", "a", 0}, nullptr, &dragged));
}

void TestGraphModel::refusesASecondWireIntoAPort()
{
    GraphModel model;
    buildChain(model);
    addNode(model, "relu1", "ReLU");
    QString reason;
    QVERIFY(!model.canConnect({"relu1", "output", 0}, &reason));
    QVERIFY2(reason.contains("output"), qPrintable(reason));
    QVERIFY(model.canConnect({"dense1", "relu1", 0})); // a single output may feed many inputs
}

void TestGraphModel::refusesAWireIntoAnInput()
{
    GraphModel model;
    buildChain(model);
    QCOMPARE(model.inputPortCount("input"), 0);
    QVERIFY(!model.canConnect({"output", "input", 0}));
}

void TestGraphModel::removingANodeRemovesItsWires()
{
    GraphModel model;
    buildChain(model);
    model.removeNode("dense1");
    QVERIFY(model.connections().isEmpty());
    QCOMPARE(model.nodeIds(), QStringList({"input", "output"}));
}

void TestGraphModel::uniqueIdsCountUpPerType()
{
    GraphModel model;
    QCOMPARE(model.uniqueId("Dense"), QString("dense1"));
    addNode(model, "dense1", "Dense");
    addNode(model, "dense3", "Dense");
    QCOMPARE(model.uniqueId("Dense"), QString("dense2"));
    QCOMPARE(model.uniqueId("LeakyReLU"), QString("leakyrelu1"));
}

void TestGraphModel::undoRedoRestoresTheExactState()
{
    GraphModel model;
    QUndoStack stack;
    QList<QJsonObject> states{model.toJson()};
    auto push = [&](QUndoCommand* command) {
        stack.push(command);
        states.append(model.toJson());
    };
    push(new InsertCommand(&model, nodeFragment("input", "Input"), "add"));
    push(new InsertCommand(&model, nodeFragment("dense1", "Dense", {250, 0}), "add"));
    push(new InsertCommand(&model, nodeFragment("output", "Output", {500, 0}), "add"));
    push(new InsertCommand(&model, wireFragment("input", "dense1"), "wire"));
    push(new InsertCommand(&model, wireFragment("dense1", "output"), "wire"));
    push(new SetOptionCommand(&model, "dense1", "units", 10.0));
    push(new MoveCommand(&model, {{"output", {500, 0}}}, {{"output", {520, 40}}}));
    // Deleting the middle layer removes it and both its wires; undo must put them back in their places.
    push(new RemoveCommand(&model, model.fragment({"dense1"}, model.connectionsOf("dense1")), "delete"));
    QCOMPARE(model.nodeIds(), QStringList({"input", "output"}));
    QCOMPARE(stack.count(), 8);

    for (int i = states.size() - 2; i >= 0; --i) {
        stack.undo();
        QCOMPARE(model.toJson(), states[i]);
    }
    QVERIFY(model.isEmpty());
    for (int i = 1; i < states.size(); ++i) {
        stack.redo();
        QCOMPARE(model.toJson(), states[i]);
    }
    // The spec after undoing the delete is the same spec as before it, layer and wire order included.
    stack.undo();
    QCOMPARE(model.toJson(), states[states.size() - 2]);
    QCOMPARE(graphToSpec(model).layers[1].id, std::string("dense1"));
    QCOMPARE(graphToSpec(model).connections[0], (Connection{"input", "dense1", 0}));
}

void TestGraphModel::consecutiveMovesMergeIntoOneStep()
{
    GraphModel model;
    buildChain(model);
    QUndoStack stack;
    stack.push(new MoveCommand(&model, {{"dense1", {250, 0}}}, {{"dense1", {260, 0}}}));
    stack.push(new MoveCommand(&model, {{"dense1", {260, 0}}}, {{"dense1", {300, 40}}}));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(model.node("dense1").position, QPointF(300, 40));
    // A move of another node is a new step, and an auto layout never merges.
    stack.push(new MoveCommand(&model, {{"output", {500, 0}}}, {{"output", {520, 0}}}));
    stack.push(new MoveCommand(&model, {{"output", {520, 0}}}, {{"output", {540, 0}}}, "layout", false));
    QCOMPARE(stack.count(), 3);
    stack.undo();
    stack.undo();
    stack.undo();
    QCOMPARE(model.node("dense1").position, QPointF(250, 0));
    QCOMPARE(model.node("output").position, QPointF(500, 0));
}

void TestGraphModel::optionEditsOfOneFieldMerge()
{
    GraphModel model;
    buildChain(model);
    QUndoStack stack;
    stack.push(new SetOptionCommand(&model, "dense1", "units", 129.0));
    stack.push(new SetOptionCommand(&model, "dense1", "units", 130.0));
    stack.push(new SetOptionCommand(&model, "dense1", "activation", std::string("tanh")));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(graphToSpec(model).find("dense1")->number("units", 0), 130.0);
    stack.undo();
    stack.undo();
    QCOMPARE(graphToSpec(model).find("dense1")->number("units", 0), 128.0);
    QCOMPARE(graphToSpec(model).find("dense1")->text("activation", ""), std::string("relu"));
}

void TestGraphModel::specRoundTripsThroughTheGraph()
{
    const NetworkSpec mlp = *preset("mlp");
    GraphModel model;
    QSignalSpy reset(&model, &GraphModel::modelReset);
    QSignalSpy created(&model, &GraphModel::nodeCreated);
    model.resetFromJson(graphFromSpec(mlp, {{"dense2", QPointF(7, 9)}}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(created.count(), 0); // one reset instead of a signal per node
    QCOMPARE(graphToSpec(model), mlp);
    QCOMPARE(model.node("dense2").position, QPointF(7, 9));
    // Layers without a saved position are laid out left to right.
    QVERIFY(model.node("dense1").position.x() < model.node("dense3").position.x());
}

void TestGraphModel::pasteRenamesAndKeepsInnerWires()
{
    GraphModel model;
    buildChain(model);
    const QJsonObject copied = model.fragmentOf({"dense1", "output"});
    const QJsonObject pasted = model.remapFragment(copied, {40, 40});
    model.insertFragment(pasted);
    QCOMPARE(model.nodeIds(), QStringList({"input", "dense1", "output", "dense2", "output1"}));
    QVERIFY(model.hasConnection({"dense2", "output1", 0}));
    QCOMPARE(model.connections().size(), 3); // the wire from input was outside the copy
    QCOMPARE(model.node("dense2").position, QPointF(290, 40));
}

void TestGraphModel::uiStateKeepsPositions()
{
    GraphModel model;
    buildChain(model);
    model.setNodePosition("dense1", {123.5, -40});
    const QHash<QString, QPointF> positions = positionsFromUiState(uiStateJson(model));
    QCOMPARE(positions.size(), 3);
    QCOMPARE(positions.value("dense1"), QPointF(123.5, -40));
    QVERIFY(positionsFromUiState("not json").isEmpty());
}

void TestGraphModel::validationNamesTheMismatchedLayer()
{
    GraphModel model;
    buildChain(model);
    LayerOptions options = model.node("dense1").options;
    options["units"] = 1.0; // one unit cannot feed a cross-entropy output
    model.setNodeOptions("dense1", options);
    const ValidationReport report = validate(graphToSpec(model));
    QVERIFY(!report.ok());
    bool named = false;
    for (const ValidationIssue& issue : report.errors())
        named = named || issue.layerId == "output";
    QVERIFY(named);
}

QTEST_APPLESS_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
