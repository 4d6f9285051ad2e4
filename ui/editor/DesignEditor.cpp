// The Design tab: the canvas with its palette, inspector, problems and summary docks, and the edit actions.
#include "editor/DesignEditor.h"

#include "editor/GraphScene.h"
#include "editor/GraphView.h"
#include "editor/LayerInspector.h"
#include "editor/LayerPalette.h"
#include "editor/NodeItem.h"
#include "editor/ProblemsPanel.h"
#include "document/ProjectDocument.h"
#include "editor/SummaryPanel.h"

#include <QAction>
#include <QGraphicsItem>
#include <QDockWidget>
#include <QToolBar>
#include <QUndoStack>

namespace neurite::ui {

QList<QKeySequence> distinctShortcuts(QList<QKeySequence> keys, QKeySequence::StandardKey platform)
{
    keys += QKeySequence::keyBindings(platform);
    QList<QKeySequence> distinct;
    for (const QKeySequence& key : std::as_const(keys))
        if (!key.isEmpty() && !distinct.contains(key))
            distinct.append(key);
    return distinct;
}

DesignEditor::DesignEditor(ProjectDocument* document, QWidget* parent) : QMainWindow(parent), m_document(document)
{
    setWindowFlags(Qt::Widget);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    m_scene = new GraphScene(document, this);
    m_view = new GraphView(m_scene, this);
    setCentralWidget(m_view);
    createDocks();
    createActions();

    connect(m_scene, &GraphScene::nodeSelected, m_inspector, &LayerInspector::setNode);
    connect(m_scene, &GraphScene::statusMessage, this, &DesignEditor::statusMessage);
    connect(m_palette, &LayerPalette::layerActivated, this,
            [this](const QString& type) { m_scene->addNode(type, m_view->visibleCenter()); });
    connect(m_problems, &ProblemsPanel::layerClicked, this, &DesignEditor::revealLayer);
    connect(m_summary, &SummaryPanel::layerClicked, this, &DesignEditor::revealLayer);
    connect(document, &ProjectDocument::designLockedChanged, this, &DesignEditor::updateActionStates);
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &DesignEditor::updateActionStates);
    connect(document, &ProjectDocument::documentReset, this, [this, document] {
        m_view->setPlaceWhileFitted(document->positionsGuessed());
        m_view->fitToContents();
    });
    // Once the user edits the design (moves included), its positions are theirs.
    connect(document->undoStack(), &QUndoStack::indexChanged, m_view, [this] { m_view->setPlaceWhileFitted(false); });
    updateActionStates();
}

void DesignEditor::createDocks()
{
    auto dock = [this](const QString& title, QWidget* content, Qt::DockWidgetArea area) {
        auto* widget = new QDockWidget(title, this);
        widget->setObjectName(title);
        widget->setWidget(content);
        widget->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                            QDockWidget::DockWidgetFloatable);
        addDockWidget(area, widget);
        m_viewActions.append(widget->toggleViewAction());
        return widget;
    };
    m_palette = new LayerPalette(this);
    m_inspector = new LayerInspector(m_document, this);
    m_problems = new ProblemsPanel(m_document, this);
    m_summary = new SummaryPanel(m_document, this);
    // Docks start at their content's minimum size: give each room for what it shows.
    m_palette->setMinimumWidth(180);
    m_inspector->setMinimumWidth(280);
    m_problems->setMinimumHeight(180);
    m_summary->setMinimumHeight(180);
    QDockWidget* palette = dock(tr("Layers"), m_palette, Qt::LeftDockWidgetArea);
    QDockWidget* inspector = dock(tr("Inspector"), m_inspector, Qt::RightDockWidgetArea);
    QDockWidget* problems = dock(tr("Problems"), m_problems, Qt::BottomDockWidgetArea);
    QDockWidget* summary = dock(tr("Summary"), m_summary, Qt::BottomDockWidgetArea);
    splitDockWidget(problems, summary, Qt::Horizontal);
    resizeDocks({palette, inspector}, {190, 290}, Qt::Horizontal);
    resizeDocks({problems}, {190}, Qt::Vertical);
    connect(m_problems, &ProblemsPanel::countChanged, problems, [problems](int errors, int warnings) {
        problems->setWindowTitle(errors + warnings == 0 ? tr("Problems") : tr("Problems (%1)").arg(errors + warnings));
    });
}

QAction* DesignEditor::addAction(QList<QAction*>& list, const QString& text, const QKeySequence& shortcut,
                                 const std::function<void()>& slot)
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    QMainWindow::addAction(action);
    list.append(action);
    return action;
}

void DesignEditor::createActions()
{
    QUndoStack* stack = m_document->undoStack();
    // Undo and redo are refused while training runs: they would change the design under the trainer.
    m_undo = addAction(m_editActions, tr("&Undo"), QKeySequence::Undo, [this, stack] {
        if (!m_document->isDesignLocked())
            stack->undo();
    });
    m_redo = addAction(m_editActions, tr("&Redo"), QKeySequence(tr("Ctrl+Shift+Z")), [this, stack] {
        if (!m_document->isDesignLocked())
            stack->redo();
    });
    // QKeySequence::Redo is Ctrl+Shift+Z on X11 and Ctrl+Y first on Windows: listing it beside Ctrl+Shift+Z
    // gave one action the same key twice, and Qt then calls the key ambiguous and runs nothing.
    m_redo->setShortcuts(
        distinctShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))}, QKeySequence::Redo));
    m_undo->setIconText(tr("Undo")); // the toolbar keeps short labels while the menu says what is undone
    m_redo->setIconText(tr("Redo"));
    QAction* separator = new QAction(this);
    separator->setSeparator(true);
    m_editActions.append(separator);
    addAction(m_editActions, tr("Cu&t"), QKeySequence::Cut, [this] { m_scene->cutSelection(); });
    addAction(m_editActions, tr("&Copy"), QKeySequence::Copy, [this] { m_scene->copySelection(); });
    addAction(m_editActions, tr("&Paste"), QKeySequence::Paste, [this] { m_scene->paste(); });
    QAction* duplicate = addAction(m_editActions, tr("D&uplicate"), QKeySequence(tr("Ctrl+D")),
                                   [this] { m_scene->duplicateSelection(); });
    QAction* remove = addAction(m_editActions, tr("&Delete"), QKeySequence::Delete,
                                [this] { m_scene->deleteSelection(); });
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    addAction(m_editActions, tr("Select &All"), QKeySequence::SelectAll, [this] {
        for (QGraphicsItem* item : m_scene->items())
            if (item->type() == NodeItem::Type)
                item->setSelected(true);
    });

    const QList<QAction*> view = createViewActions();
    m_viewActions = view + m_viewActions;
    buildToolbar(duplicate, remove, view);
}

// Zoom, fit, layout and snapping, then a separator before the docks' toggles that MainWindow adds.
QList<QAction*> DesignEditor::createViewActions()
{
    QList<QAction*> view;
    addAction(view, tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomIn(); });
    addAction(view, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomOut(); });
    addAction(view, tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), [this] { m_view->resetZoom(); });
    addAction(view, tr("&Fit to View"), QKeySequence(tr("Ctrl+F")), [this] { m_view->fitToContents(); });
    addAction(view, tr("Auto &Layout"), QKeySequence(tr("Ctrl+L")), [this] {
        m_scene->autoLayout(m_view->roomAtReadableZoom());
        m_view->fitToContents();
    });
    QAction* snap = addAction(view, tr("Snap to &Grid"), QKeySequence(tr("Ctrl+G")), [] {});
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    connect(snap, &QAction::toggled, m_scene, &GraphScene::setSnapToGrid);
    QAction* docksSeparator = new QAction(this);
    docksSeparator->setSeparator(true);
    view.append(docksSeparator);
    return view;
}

void DesignEditor::buildToolbar(QAction* duplicate, QAction* remove, const QList<QAction*>& view)
{
    auto* toolbar = new QToolBar(tr("Design"), this);
    toolbar->setObjectName("designToolbar");
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_undo, m_redo});
    toolbar->addSeparator();
    toolbar->addAction(duplicate);
    toolbar->addAction(remove);
    toolbar->addSeparator();
    toolbar->addActions({view[0], view[1], view[3], view[4], view[5]}); // zoom, fit, layout, snap
    addToolBar(Qt::TopToolBarArea, toolbar);
}

void DesignEditor::updateActionStates()
{
    QUndoStack* stack = m_document->undoStack();
    const bool locked = m_document->isDesignLocked();
    m_undo->setEnabled(stack->canUndo() && !locked);
    m_redo->setEnabled(stack->canRedo() && !locked);
    m_undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    m_palette->setEnabled(!locked);
}

void DesignEditor::showPlaneInsight(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights)
{
    m_scene->showPlaneInsight(std::move(grid), std::move(weights));
}

void DesignEditor::clearPlaneInsight()
{
    m_scene->clearPlaneInsight();
}

void DesignEditor::showLayerHealth(const LayerHealthMarks& marks)
{
    m_scene->showLayerHealth(marks);
}

void DesignEditor::revealLayer(const QString& id)
{
    m_scene->selectNode(id);
    if (NodeItem* item = m_scene->nodeItem(id))
        m_view->centerOn(item);
}

} // namespace neurite::ui
