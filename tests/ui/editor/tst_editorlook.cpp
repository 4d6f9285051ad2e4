// Tests what the user sees of a design: node text readable at the default zoom and drawn crisply, wires
// into a layer with an error drawn red (and grey again once fixed), and inspector texts shown whole.
#include "editor/ConnectionItem.h"
#include "editor/DesignEditor.h"
#include "editor/DesignTemplates.h"
#include "editor/GraphCommands.h"
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/LayerInspector.h"
#include "editor/NodeItem.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"

#include <neurite/LayerRegistry.h>

#include <QDockWidget>
#include <QLabel>
#include <QStandardPaths>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

class TestEditorLook : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaultViewTextIsReadable();
    void drawsCrisplyAtAnyPixelRatio();
    void wiresIntoAnErroredLayerAreRed();
    void inspectorTextsAreShownWhole();
};

void TestEditorLook::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// On screen, a scene pixel is `zoom` device-independent pixels: at 100% DPI that is the text's height.
void TestEditorLook::defaultViewTextIsReadable()
{
    MainWindow window; // opens the reference MLP, as a new user sees it
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    GraphView* view = window.designEditor()->view();
    QTRY_VERIFY(view->graphScene()->nodeItem("output") != nullptr);
    QCoreApplication::processEvents();
    const double caption = QFontInfo(NodeItem::captionFont()).pixelSize() * view->zoom();
    const double body = QFontInfo(NodeItem::bodyFont()).pixelSize() * view->zoom();
    QVERIFY2(caption >= 10, qPrintable(QString::number(caption)));
    QVERIFY2(body >= 10, qPrintable(QString::number(body)));
    view->resetZoom(); // Actual Size
    QVERIFY(QFontInfo(NodeItem::bodyFont()).pixelSize() * view->zoom() >= 10);
}

void TestEditorLook::drawsCrisplyAtAnyPixelRatio()
{
    ProjectDocument document;
    document.newDesign(loadTemplate(":/templates/reference-mlp.json"));
    DesignEditor editor(&document);
    GraphView* view = editor.view();
    QVERIFY(view->renderHints().testFlag(QPainter::Antialiasing));
    QVERIFY(view->renderHints().testFlag(QPainter::TextAntialiasing));
    QCOMPARE(view->cacheMode(), QGraphicsView::CacheNone);
    for (QGraphicsItem* item : view->graphScene()->items())
        QCOMPARE(item->cacheMode(), QGraphicsItem::NoCache);
    // Text sizes are scene pixels: the screen's DPI setting does not shrink or grow them behind the zoom.
    QVERIFY(NodeItem::captionFont().pixelSize() > 0);
    QVERIFY(NodeItem::bodyFont().pixelSize() > 0);
}

void TestEditorLook::wiresIntoAnErroredLayerAreRed()
{
    NetworkSpec spec;
    spec.layers = {defaultLayer("Input", "input"), defaultLayer("Conv2D", "conv1"), defaultLayer("Flatten", "flat"),
                   defaultLayer("Dense", "dense1"), defaultLayer("Output", "output")};
    spec.layers[1].options["kernel"] = 31.0; // larger than the 28x28 image
    spec.connections = {{"conv1", "flat", 0}, {"flat", "dense1", 0}, {"dense1", "output", 0}};
    ProjectDocument document;
    document.newDesign(spec);
    DesignEditor editor(&document);
    GraphScene* scene = editor.scene();
    // Wiring the image into the convolution gives it a shape error: the layer and the new wire turn red.
    QVERIFY(scene->connectPorts({"input", "conv1", 0}));
    QVERIFY(scene->nodeItem("conv1")->hasErrors());
    ConnectionItem* wire = scene->connectionItem({"input", "conv1", 0});
    QVERIFY(wire);
    QCOMPARE(wire->pen().color(), ConnectionItem::problemColor());
    QVERIFY2(wire->toolTip().contains("31x31"), qPrintable(wire->toolTip()));
    QCOMPARE(scene->connectionItem({"dense1", "output", 0})->pen().color(), ConnectionItem::normalColor());
    // Fixed, it is grey again.
    document.execute(new SetOptionCommand(document.model(), "conv1", "kernel", 5.0));
    QVERIFY(!scene->nodeItem("conv1")->hasErrors());
    QCOMPARE(wire->pen().color(), ConnectionItem::normalColor());
    document.execute(new SetOptionCommand(document.model(), "conv1", "kernel", 31.0));
    QCOMPARE(wire->pen().color(), ConnectionItem::problemColor());
}

void TestEditorLook::inspectorTextsAreShownWhole()
{
    NetworkSpec spec;
    spec.layers = {defaultLayer("Input", "input"), defaultLayer("Dense", "dense1")}; // dense1 not wired
    ProjectDocument document;
    document.newDesign(spec);
    DesignEditor editor(&document);
    editor.resize(1024, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto* dock = editor.findChild<QDockWidget*>("Inspector");
    QVERIFY(dock);
    editor.resizeDocks({dock}, {dock->minimumSizeHint().width()}, Qt::Horizontal);
    editor.scene()->selectNode("dense1");
    QCoreApplication::processEvents();
    auto* facts = editor.inspector()->findChild<QLabel*>("layerFacts");
    QVERIFY(facts);
    QVERIFY(facts->text().contains("Output shape unknown until the layer's input is wired and valid."));
    for (QLabel* label : editor.inspector()->findChildren<QLabel*>(Qt::FindDirectChildrenOnly)) {
        if (label->text().isEmpty() || !label->isVisible())
            continue;
        // Whole: it wraps, its narrowest form fits the dock, and it has the height its wrapped lines need.
        QVERIFY2(label->wordWrap(), qPrintable(label->text()));
        QVERIFY2(label->minimumSizeHint().width() <= label->width(), qPrintable(label->text()));
        QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
    }
}

QTEST_MAIN(TestEditorLook)
#include "tst_editorlook.moc"
