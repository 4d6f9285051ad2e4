// Tests that designs fit the real window: every template opened through File > New from Template is shown
// whole and readable (or at the smallest readable zoom, with scroll bars that reach every node), Fit to
// View (Ctrl+F) fits again, and the scene rectangle follows the nodes as they are added and moved.
#include "editor/DesignEditor.h"
#include "editor/DesignTemplates.h"
#include "editor/GraphCommands.h"
#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/NodeItem.h"
#include "window/MainWindow.h"
#include "document/ProjectDocument.h"

#include <QAction>
#include <QMenu>
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

} // namespace

class TestDesignFitting : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void templatesOpenFittedAndReadable_data();
    void templatesOpenFittedAndReadable();
    void fitToViewByKeyboardFitsAgain();
    void aResizedWindowStaysFitted();
    void sceneRectFollowsTheNodes();
};

void TestDesignFitting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDesignFitting::templatesOpenFittedAndReadable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    for (const DesignTemplate& t : designTemplates())
        for (const QSize size : {QSize(1600, 1000), QSize(1024, 700)})
            QTest::addRow("%s %dx%d", qPrintable(t.resource), size.width(), size.height()) << t.name << size;
}

void TestDesignFitting::templatesOpenFittedAndReadable()
{
    QFETCH(QString, name);
    QFETCH(QSize, size);
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
    // A design larger than the window starts at its input.
    const QString first = window.document()->model()->nodeIds().first();
    const QRect input = view->mapFromScene(view->graphScene()->nodeItem(first)->sceneBoundingRect()).boundingRect();
    QVERIFY(view->viewport()->rect().contains(input));
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
    QCOMPARE(view->zoom(), GraphView::readableZoom()); // five layers do not fit 1024 pixels
    window.resize(1600, 1000);
    QTRY_VERIFY(view->zoom() > GraphView::readableZoom());
    QCOMPARE(fitProblem(view), QString()); // now whole, on screen
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

QTEST_MAIN(TestDesignFitting)
#include "tst_designfitting.moc"
