// Tests the canvas through simulated mouse gestures: wiring by drag, refusals, red marking, moves, docks.
#include "editor/ConnectionItem.h"
#include "editor/DesignEditor.h"
#include "editor/GraphCommands.h"
#include <QJsonArray>
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/LayerInspector.h"
#include "editor/LayerPalette.h"
#include "editor/NodeItem.h"
#include "editor/PortItem.h"
#include "editor/ProblemsPanel.h"
#include "document/ProjectDocument.h"
#include "editor/SummaryPanel.h"

#include <neurite/LayerRegistry.h>

#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

LayerSpec layer(const std::string& id, const std::string& type)
{
    return defaultLayer(type, id);
}

// Input, Dense and Output side by side, not wired.
NetworkSpec unwired()
{
    NetworkSpec spec;
    spec.layers = {layer("input", "Input"), layer("dense1", "Dense"), layer("output", "Output")};
    return spec;
}

} // namespace

class TestGraphView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void wiresByDraggingFromOutputToInput();
    void highlightsCompatiblePortsWhileDragging();
    void refusesACycleDrawnByTheUser();
    void refusesASecondWireIntoAnInput();
    void draggingAWireOffItsInputRemovesIt();
    void marksAMismatchedShapeRed();
    void consecutiveNodeDragsMergeAndSnap();
    void nodesShowShapeAndParameters();
    void problemClickSelectsTheLayer();
    void inspectorEditsAreUndoable();
    void paletteAddsALayer();
    void deleteAndUndoRestoreWires();

private:
    QPoint viewPoint(QPointF scenePos) const { return m_editor->view()->mapFromScene(scenePos); }
    QPoint outputOf(const QString& id) const;
    QPoint inputOf(const QString& id, int port = 0) const;
    void drag(QPoint from, QPoint to);

    ProjectDocument* m_document = nullptr;
    DesignEditor* m_editor = nullptr;
};

void TestGraphView::init()
{
    m_document = new ProjectDocument;
    m_document->newDesign(unwired());
    m_editor = new DesignEditor(m_document);
    m_editor->resize(1400, 900);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor));
    m_editor->view()->resetZoom();
    m_editor->view()->centerOn(m_editor->scene()->itemsBoundingRect().center());
}

void TestGraphView::cleanup()
{
    delete m_editor;
    delete m_document;
}

QPoint TestGraphView::outputOf(const QString& id) const
{
    return viewPoint(m_editor->scene()->nodeItem(id)->outputPort()->scenePos());
}

QPoint TestGraphView::inputOf(const QString& id, int port) const
{
    return viewPoint(m_editor->scene()->nodeItem(id)->inputPort(port)->scenePos());
}

void TestGraphView::drag(QPoint from, QPoint to)
{
    QWidget* viewport = m_editor->view()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + (to - from) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

void TestGraphView::wiresByDraggingFromOutputToInput()
{
    drag(outputOf("input"), inputOf("dense1"));
    QVERIFY(m_document->model()->hasConnection({"input", "dense1", 0}));
    // And backwards, from an input port to an output port.
    drag(inputOf("output"), outputOf("dense1"));
    QVERIFY(m_document->model()->hasConnection({"dense1", "output", 0}));
    QCOMPARE(m_document->undoStack()->count(), 2);
    QVERIFY(m_document->canTrain());
    QVERIFY(m_editor->scene()->connectionItem({"input", "dense1", 0}) != nullptr);
    m_document->undoStack()->undo();
    QVERIFY(!m_document->model()->hasConnection({"dense1", "output", 0}));
    QVERIFY(m_editor->scene()->connectionItem({"dense1", "output", 0}) == nullptr);
}

void TestGraphView::highlightsCompatiblePortsWhileDragging()
{
    QWidget* viewport = m_editor->view()->viewport();
    const QPoint from = outputOf("input");
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(60, 40));
    QVERIFY(m_editor->scene()->isDraggingWire());
    GraphScene* scene = m_editor->scene();
    QCOMPARE(scene->nodeItem("dense1")->inputPort(0)->highlight(), PortItem::Highlight::Compatible);
    // The Output layer accepts any shape with 2 or more values, so it is a target too; output ports are not.
    QCOMPARE(scene->nodeItem("output")->inputPort(0)->highlight(), PortItem::Highlight::Compatible);
    QCOMPARE(scene->nodeItem("dense1")->outputPort()->highlight(), PortItem::Highlight::None);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(60, 40));
    QVERIFY(!scene->isDraggingWire());
    QCOMPARE(scene->nodeItem("dense1")->inputPort(0)->highlight(), PortItem::Highlight::None);
    QVERIFY(m_document->model()->connections().isEmpty()); // dropped on empty canvas
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestGraphView::refusesACycleDrawnByTheUser()
{
    NetworkSpec spec;
    spec.layers = {layer("relu1", "ReLU"), layer("relu2", "ReLU"), layer("relu3", "ReLU")};
    spec.connections = {{"relu1", "relu2", 0}, {"relu2", "relu3", 0}};
    m_document->newDesign(spec);
    QSignalSpy status(m_editor->scene(), &GraphScene::statusMessage);
    drag(outputOf("relu3"), inputOf("relu1"));
    QVERIFY(!m_document->model()->hasConnection({"relu3", "relu1", 0}));
    QCOMPARE(m_document->model()->connections().size(), 2);
    QCOMPARE(status.count(), 1);
    QVERIFY2(status.first().first().toString().contains("cycle"), qPrintable(status.first().first().toString()));
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestGraphView::refusesASecondWireIntoAnInput()
{
    m_document->execute(new InsertCommand(
        m_document->model(),
        QJsonObject{{"connections", QJsonArray{QJsonObject{{"from", "input"}, {"to", "output"}, {"toPort", 0}}}}},
        "wire"));
    QSignalSpy status(m_editor->scene(), &GraphScene::statusMessage);
    drag(outputOf("dense1"), inputOf("output"));
    QVERIFY(!m_document->model()->hasConnection({"dense1", "output", 0}));
    QVERIFY(m_document->model()->hasConnection({"input", "output", 0}));
    QCOMPARE(status.count(), 1);
}

void TestGraphView::draggingAWireOffItsInputRemovesIt()
{
    drag(outputOf("input"), inputOf("dense1"));
    QVERIFY(m_document->model()->hasConnection({"input", "dense1", 0}));
    // Pick the wire up at its input end and drop it on the Output's input: it moves there.
    drag(inputOf("dense1"), inputOf("output"));
    QVERIFY(!m_document->model()->hasConnection({"input", "dense1", 0}));
    QVERIFY(m_document->model()->hasConnection({"input", "output", 0}));
    // Then drop it on empty canvas: it is removed, in one undoable step.
    drag(inputOf("output"), inputOf("output") + QPoint(0, 200));
    QVERIFY(m_document->model()->connections().isEmpty());
    m_document->undoStack()->undo();
    QVERIFY(m_document->model()->hasConnection({"input", "output", 0}));
}

void TestGraphView::marksAMismatchedShapeRed()
{
    drag(outputOf("input"), inputOf("dense1"));
    drag(outputOf("dense1"), inputOf("output"));
    GraphScene* scene = m_editor->scene();
    QVERIFY(!scene->nodeItem("output")->hasErrors());
    QVERIFY(!scene->connectionItem({"dense1", "output", 0})->hasProblem());
    // One unit cannot feed a cross-entropy output: the engine flags the Output layer, so it and its wire go red.
    m_document->execute(new SetOptionCommand(m_document->model(), "dense1", "units", 1.0));
    QVERIFY(scene->nodeItem("output")->hasErrors());
    QVERIFY(!scene->nodeItem("dense1")->hasErrors());
    ConnectionItem* wire = scene->connectionItem({"dense1", "output", 0});
    QVERIFY(wire->hasProblem());
    QVERIFY2(wire->toolTip().contains("cross-entropy"), qPrintable(wire->toolTip()));
    QVERIFY(scene->nodeItem("output")->toolTip().contains("cross-entropy"));
    QVERIFY(!scene->connectionItem({"input", "dense1", 0})->hasProblem());
    QVERIFY(!m_document->canTrain());
    m_document->undoStack()->undo();
    QVERIFY(!scene->nodeItem("output")->hasErrors());
    QVERIFY(!wire->hasProblem());
}

void TestGraphView::consecutiveNodeDragsMergeAndSnap()
{
    NodeItem* dense = m_editor->scene()->nodeItem("dense1");
    const QPointF start = m_document->model()->node("dense1").position;
    const QPoint header = viewPoint(dense->scenePos() + QPointF(60, 10));
    drag(header, header + QPoint(33, 47));
    const QPointF afterFirst = m_document->model()->node("dense1").position;
    QVERIFY(afterFirst != start);
    QCOMPARE(std::fmod(afterFirst.x(), GraphScene::kGridSize), 0.0);
    QCOMPARE(std::fmod(afterFirst.y(), GraphScene::kGridSize), 0.0);
    const QPoint header2 = viewPoint(dense->scenePos() + QPointF(60, 10));
    drag(header2, header2 + QPoint(-80, 20));
    QCOMPARE(dense->pos(), m_document->model()->node("dense1").position);
    QCOMPARE(m_document->undoStack()->count(), 1); // two drags, one step
    m_document->undoStack()->undo();
    QCOMPARE(m_document->model()->node("dense1").position, start);
    QCOMPARE(dense->pos(), start);
}

void TestGraphView::nodesShowShapeAndParameters()
{
    drag(outputOf("input"), inputOf("dense1"));
    const NodeLook& look = m_editor->scene()->nodeItem("dense1")->look();
    QCOMPARE(look.caption, QString::fromStdString(layerCaption(layer("dense1", "Dense"))));
    QCOMPARE(look.shapeText, QString("(128)"));
    QCOMPARE(look.parameters, 784L * 128 + 128);
    QVERIFY(m_editor->summary()->totalsText().contains(QLocale().toString(784 * 128 + 128)));
}

void TestGraphView::problemClickSelectsTheLayer()
{
    QTreeWidget* list = m_editor->problems()->list();
    QTreeWidgetItem* outputProblem = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(0) == "output")
            outputProblem = list->topLevelItem(i);
    QVERIFY(outputProblem);
    const QRect rect = list->visualItemRect(outputProblem);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_editor->scene()->selectedNodeIds(), QStringList({"output"}));
    QCOMPARE(m_editor->inspector()->nodeId(), QString("output"));
}

void TestGraphView::inspectorEditsAreUndoable()
{
    m_editor->scene()->selectNode("dense1");
    auto* units = qobject_cast<QSpinBox*>(m_editor->inspector()->editor("units"));
    QVERIFY(units);
    QCOMPARE(units->value(), 128);
    QCOMPARE(units->minimum(), 1);
    QCOMPARE(units->maximum(), 65536);
    units->setValue(64);
    units->setValue(32);
    QCOMPARE(m_document->spec().find("dense1")->number("units", 0), 32.0);
    QCOMPARE(m_document->undoStack()->count(), 1); // spin steps on one option merge
    m_document->undoStack()->undo();
    QCOMPARE(units->value(), 128); // the inspector follows the model
}

void TestGraphView::paletteAddsALayer()
{
    QTreeWidget* tree = m_editor->palette()->tree();
    const QList<QTreeWidgetItem*> found = tree->findItems("Dropout", Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    Q_EMIT tree->itemActivated(found.first(), 0);
    QVERIFY(m_document->model()->hasNode("dropout1"));
    QCOMPARE(m_editor->scene()->selectedNodeIds(), QStringList({"dropout1"}));
    m_editor->palette()->setFilter("relu");
    QVERIFY(found.first()->isHidden());
    QVERIFY(!tree->findItems("LeakyReLU", Qt::MatchExactly | Qt::MatchRecursive).first()->isHidden());
}

void TestGraphView::deleteAndUndoRestoreWires()
{
    drag(outputOf("input"), inputOf("dense1"));
    drag(outputOf("dense1"), inputOf("output"));
    const QJsonObject before = m_document->model()->toJson();
    m_editor->scene()->selectNode("dense1");
    m_editor->scene()->deleteSelection();
    QVERIFY(!m_document->model()->hasNode("dense1"));
    QVERIFY(m_document->model()->connections().isEmpty());
    m_document->undoStack()->undo();
    QCOMPARE(m_document->model()->toJson(), before);
    QVERIFY(m_editor->scene()->connectionItem({"dense1", "output", 0}));
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
