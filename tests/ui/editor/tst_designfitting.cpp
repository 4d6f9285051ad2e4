// Tests that designs fit the real window: every template opened through File > New from Template is shown
// whole and readable (or at the smallest readable zoom, with scroll bars that reach every node), Fit to
// View (Ctrl+F) fits again, and the scene rectangle follows the nodes as they are added and moved.
#include "editor/AutoLayout.h"
#include "editor/DesignEditor.h"
#include "editor/DesignTemplates.h"
#include "editor/GraphCommands.h"
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/NodeItem.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"
#include "TestSupport.h"

#include <QAction>
#include <QMenu>
#include <QSet>
#include <QStandardPaths>
#include <QtTest>

using namespace neurite;
using namespace neurite::ui;

namespace {

QAction* templateAction(MainWindow& window, const QString& name)
{
    for (QAction* action : window.fileMenu()->actions())
        if (action->menu())
            for (QAction* item : action->menu()->actions())
                if (item->text() == name)
                    return item;
    return nullptr;
}

QList<NodeItem*> nodes(GraphScene* scene)
{
    QList<NodeItem*> found;
    for (QGraphicsItem* item : scene->items())
        if (item->type() == NodeItem::Type)
            found.append(static_cast<NodeItem*>(item));
    return found;
}

// Empty when every node is on screen, or the view is at the readable floor and the scene (so the scroll
// bars) reaches every node; else what is wrong.
QString fitProblem(GraphView* view)
{
    const double zoom = view->zoom();
    if (NodeItem::captionFont().pixelSize() * zoom < 10 - 1e-9 || NodeItem::bodyFont().pixelSize() * zoom < 10 - 1e-9)
        return QStringLiteral("text too small at zoom %1").arg(zoom);
    const bool atFloor = std::abs(zoom - GraphView::readableZoom()) < 1e-6;
    for (NodeItem* node : nodes(view->graphScene())) {
        const QRect onScreen = view->mapFromScene(node->sceneBoundingRect()).boundingRect();
        if (view->viewport()->rect().contains(onScreen))
            continue;
        if (!atFloor)
            return QStringLiteral("%1 off screen at zoom %2 (fit would shrink it)").arg(node->nodeId()).arg(zoom);
        if (!view->sceneRect().contains(node->sceneBoundingRect()))
            return QStringLiteral("%1 beyond the scroll range").arg(node->nodeId());
    }
    return {};
}

bool allOnScreen(GraphView* view)
{
    for (NodeItem* node : nodes(view->graphScene()))
        if (!view->viewport()->rect().contains(view->mapFromScene(node->sceneBoundingRect()).boundingRect()))
            return false;
    return true;
}

} // namespace

class TestDesignFitting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void templatesOpenFittedAndReadable_data();
    void templatesOpenFittedAndReadable();
    void longChainsWrapIntoBands();
    void fitToViewByKeyboardFitsAgain();
    void aResizedWindowStaysFitted();
    void sceneRectFollowsTheNodes();
    void addingNodesDoesNotMoveTheCanvas();
};

void TestDesignFitting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDesignFitting::templatesOpenFittedAndReadable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("whole");
    for (const DesignTemplate& t : designTemplates())
        for (const QSize size : {QSize(1920, 1080), QSize(1600, 1000), QSize(1024, 700)})
            QTest::addRow("%s %dx%d", qPrintable(t.resource), size.width(), size.height())
                << t.name << size << (size.width() >= 1600);
}

// Every template opens readable, starting at its input. On a full-HD or 1600x1000 window it is seen whole,
// without scrolling: a chain too long for one band (LeNet's eight layers) wraps onto a second. Laying it
// out is no edit.
void TestDesignFitting::templatesOpenFittedAndReadable()
{
    QFETCH(QString, name);
    QFETCH(QSize, size);
    QFETCH(bool, whole);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction* open = templateAction(window, name);
    QVERIFY(open);
    open->trigger();
    QCoreApplication::processEvents();
    GraphView* view = window.designEditor()->view();
    QVERIFY(nodes(view->graphScene()).size() >= 2);
    QTRY_COMPARE(fitProblem(view), QString());
    const QString first = window.document()->model()->nodeIds().first();
    const QRect input = view->mapFromScene(view->graphScene()->nodeItem(first)->sceneBoundingRect()).boundingRect();
    QVERIFY(view->viewport()->rect().contains(input));
    if (whole)
        QVERIFY(allOnScreen(view));
    QVERIFY(!window.document()->isModified());
    QVERIFY(!window.document()->undoStack()->canUndo());
}

// Eight layers in a row: without room given, one band along y = 0; in room for four columns (and the
// swing of the wire between bands), two bands of four, the second below the first and starting again at
// the left.
void TestDesignFitting::longChainsWrapIntoBands()
{
    std::vector<LayerSpec> hidden;
    for (int i = 1; i <= 6; ++i)
        hidden.push_back(test::dense("d" + std::to_string(i), 8, "relu"));
    const NetworkSpec spec = test::chainSpec(4, hidden);
    QCOMPARE(int(spec.layers.size()), 8);
    const QHash<QString, QPointF> line = autoLayout(spec);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(line.value(QString::fromStdString(spec.layers[std::size_t(i)].id)),
                 QPointF(i * kLayoutColumnWidth, 0));
    const QSizeF room(3 * kLayoutColumnWidth + kLayoutNodeWidth + 2 * kLayoutWireSwing, 2000);
    const QHash<QString, QPointF> bands = autoLayout(spec, room);
    const double second = kLayoutRowHeight + kLayoutBandGap;
    for (int i = 0; i < 8; ++i)
        QCOMPARE(bands.value(QString::fromStdString(spec.layers[std::size_t(i)].id)),
                 QPointF((i % 4) * kLayoutColumnWidth, i < 4 ? 0 : second));
    // One pixel less room: three columns a band.
    const QHash<QString, QPointF> narrower = autoLayout(spec, room - QSizeF(1, 0));
    QCOMPARE(narrower.value(QString::fromStdString(spec.layers[3].id)), QPointF(0, second));
}

void TestDesignFitting::fitToViewByKeyboardFitsAgain()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.newFromTemplate(":/templates/reference-mlp.json"));
    GraphView* view = window.designEditor()->view();
    QTRY_COMPARE(fitProblem(view), QString());
    const double fitted = view->zoom();
    view->setFocus();
    for (int i = 0; i < 4; ++i)
        view->zoomIn();
    view->centerOn(5000, 5000);
    QVERIFY(!fitProblem(view).isEmpty());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(fitProblem(view), QString());
    QCOMPARE(view->zoom(), fitted);
}

// The window is often resized or maximised just after it opens: the design follows until the user zooms.
void TestDesignFitting::aResizedWindowStaysFitted()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.newFromTemplate(":/templates/reference-mlp.json"));
    GraphView* view = window.designEditor()->view();
    QTRY_COMPARE(fitProblem(view), QString());
    // Five layers do not fit 1024 pixels in a row: they wrap into bands (readable, scrolling to the rest).
    const auto bands = [&] {
        QSet<double> tops;
        for (NodeItem* node : nodes(view->graphScene()))
            tops.insert(node->pos().y());
        return tops.size();
    };
    QVERIFY(bands() > 1);
    window.resize(1600, 1000);
    QTRY_COMPARE(bands(), 1); // laid out again for the larger window, while the user has not edited it
    QTRY_VERIFY(view->zoom() > GraphView::readableZoom());
    QCOMPARE(fitProblem(view), QString());
    QVERIFY(allOnScreen(view));
    view->zoomIn();
    const double zoomed = view->zoom();
    window.resize(1400, 900);
    QCoreApplication::processEvents();
    QCOMPARE(view->zoom(), zoomed); // the user's zoom is theirs
}

void TestDesignFitting::sceneRectFollowsTheNodes()
{
    ProjectDocument document;
    document.newDesign(loadTemplate(":/templates/reference-mlp.json"));
    DesignEditor editor(&document);
    editor.resize(1024, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    GraphScene* scene = editor.scene();
    auto containsAll = [scene] {
        for (QGraphicsItem* item : scene->items())
            if (!scene->sceneRect().contains(item->sceneBoundingRect())) {
                qWarning() << "outside the scene rect" << scene->sceneRect() << item->sceneBoundingRect();
                return false;
            }
        return true;
    };
    QVERIFY(containsAll());
    const QString far = scene->addNode("Dense", QPointF(6000, 4000));
    QVERIFY(containsAll());
    document.execute(new MoveCommand(document.model(), {{far, document.model()->node(far).position}},
                                     {{far, QPointF(-7000, -5000)}}));
    QVERIFY(containsAll());
    scene->nodeItem("dense1")->setPos(9000, 200); // as a mouse drag moves it, before the drop
    QVERIFY(containsAll());
    editor.view()->fitToContents();
    QCOMPARE(fitProblem(editor.view()), QString());
}

// Nodes dropped one after the other land where they were dropped: adding, moving or deleting a node never
// shifts the canvas under the mouse (the view centred a scene rectangle that had shrunk to the items).
void TestDesignFitting::addingNodesDoesNotMoveTheCanvas()
{
    ProjectDocument document;
    document.newDesign(loadTemplate(":/templates/logistic-regression.json"));
    DesignEditor editor(&document);
    editor.resize(1600, 1000);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    GraphView* view = editor.view();
    GraphScene* scene = editor.scene();
    QTRY_COMPARE(fitProblem(view), QString());
    const QPoint corner(20, 20);
    const QPointF before = view->mapToScene(corner);
    // Near the right edge of what is visible, then near the left: each would widen the items' bounds.
    const QRect visible = view->viewport()->rect();
    for (const QPoint at : {QPoint(visible.right() - 150, visible.center().y()), QPoint(150, 120)}) {
        scene->addNode("Dense", view->mapToScene(at));
        QCoreApplication::processEvents();
        QCOMPARE(view->mapToScene(corner), before);
    }
    scene->clearSelection();
    scene->nodeItem("input")->setSelected(true);
    scene->deleteSelection();
    QCoreApplication::processEvents();
    QCOMPARE(view->mapToScene(corner), before);
    // Zoomed out past the design, adding still leaves the canvas where it is.
    view->zoomOut();
    view->zoomOut();
    const QPointF zoomed = view->mapToScene(corner);
    scene->addNode("Dense", view->mapToScene(QPoint(visible.right() - 400, 100)));
    QCoreApplication::processEvents();
    QCOMPARE(view->mapToScene(corner), zoomed);
}

QTEST_MAIN(TestDesignFitting)
#include "tst_designfitting.moc"
