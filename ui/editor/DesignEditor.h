// The Design tab: the canvas with its palette, inspector, problems and summary docks, and the edit actions.
#pragma once

#include "health/LayerHealthMarks.h"

#include <neurite/Weights.h>

#include <QKeySequence>
#include <QList>
#include <QMainWindow>
#include <memory>

namespace neurite {
struct PlaneGrid;
} // namespace neurite

namespace neurite::ui {

class GraphScene;
class GraphView;
class LayerInspector;
class LayerPalette;
class ProblemsPanel;
class ProjectDocument;
class SummaryPanel;

// `keys` then the platform's bindings for `platform`, each once: an action given the same sequence twice
// makes Qt report that key as ambiguous and trigger nothing.
QList<QKeySequence> distinctShortcuts(QList<QKeySequence> keys, QKeySequence::StandardKey platform);

// An inner main window so that its docks stay with the design while other tabs (Train, Predict) are shown.
class DesignEditor : public QMainWindow {
    Q_OBJECT
public:
    explicit DesignEditor(ProjectDocument* document, QWidget* parent = nullptr);

    GraphScene* scene() const { return m_scene; }
    GraphView* view() const { return m_view; }
    LayerPalette* palette() const { return m_palette; }
    LayerInspector* inspector() const { return m_inspector; }
    ProblemsPanel* problems() const { return m_problems; }
    SummaryPanel* summary() const { return m_summary; }

    // For the main window's Edit and View menus.
    QList<QAction*> editActions() const { return m_editActions; }
    QList<QAction*> viewActions() const { return m_viewActions; }

    // Centres the view on a layer and selects it (problems list, summary).
    void revealLayer(const QString& id);

    // While a network trains on a two-dimensional data set (and after, with its weights): each layer's
    // units as heat maps over the plane on its node, and the Dense layers' weights as lines between them.
    // Cheap enough to call several times a second; no relayout, no edit, no undo step.
    void showPlaneInsight(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights);
    void clearPlaneInsight();
    // Each layer's health as a mark on its node (the Train tab's layerHealthMarks).
    void showLayerHealth(const neurite::ui::LayerHealthMarks& marks);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void createDocks();
    void createActions();
    QList<QAction*> createViewActions();
    void buildToolbar(QAction* duplicate, QAction* remove, const QList<QAction*>& view);
    QAction* addAction(QList<QAction*>& list, const QString& text, const QKeySequence& shortcut,
                       const std::function<void()>& slot);
    void updateActionStates();

    ProjectDocument* m_document;
    GraphScene* m_scene;
    GraphView* m_view;
    LayerPalette* m_palette;
    LayerInspector* m_inspector;
    ProblemsPanel* m_problems;
    SummaryPanel* m_summary;
    QList<QAction*> m_editActions;
    QList<QAction*> m_viewActions;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
};

} // namespace neurite::ui
