// The canvas: draws the model's nodes and wires, turns mouse gestures into undoable edits, marks problems.
#pragma once

#include "editor/GraphModel.h"
#include "health/LayerHealthMarks.h"

#include <neurite/Weights.h>

#include <QGraphicsScene>
#include <QHash>
#include <QPointF>
#include <memory>
#include <optional>

namespace neurite {
struct PlaneGrid;
} // namespace neurite

namespace neurite::ui {

class ConnectionItem;
class HealthMarkItem;
class NodeItem;
class PlaneInsight;
class PortItem;
class ProjectDocument;

// Listens to the document's model and validation; never edits the model directly, only through commands
// pushed with ProjectDocument::execute.
class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    static constexpr double kGridSize = 20;

    explicit GraphScene(ProjectDocument* document, QObject* parent = nullptr);
    ~GraphScene() override;

    ProjectDocument* document() const { return m_document; }
    NodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    ConnectionItem* connectionItem(const ConnectionId& c) const { return m_connections.value(c); }
    QStringList selectedNodeIds() const;
    void selectNode(const QString& id);

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap) { m_snap = snap; }
    QPointF snapped(QPointF position) const;

    // Edits, each one undo step; they return false (with statusMessage) when refused.
    QString addNode(const QString& type, QPointF center);
    bool connectPorts(const ConnectionId& c);
    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    // Lays the design out left to right, wrapped into bands no wider than `room` (scene units; empty:
    // one band), as one undo step.
    void autoLayout(QSizeF room = QSizeF());
    // The same without an undo step: for a design whose positions were never chosen (a template, a design
    // file without them), laid out once for the view it first appears in.
    void placeForView(QSizeF room);

    // Wire dragging, driven by the PortItem that got the mouse press (GraphSceneWireDrag.cpp).
    void beginWireDrag(PortItem* port, QPointF scenePos);
    void moveWireDrag(QPointF scenePos);
    void endWireDrag(QPointF scenePos);
    bool isDraggingWire() const { return m_dragWire != nullptr; }

    void nodeItemMoved(NodeItem* item);
    // The nodes' and wires' bounds with room around them, so that the scroll bars reach every node;
    // recomputed as nodes are added, removed and moved.
    // With `keepVisibleArea`, never less than what the views show, so that the canvas does not move.
    void fitSceneRectToItems(bool keepVisibleArea = true);

    // Each layer's units as heat maps over the plane and the Dense layers' weights as lines, for a network
    // training on a two-dimensional data set (PlaneInsight.h); pictures only, the document is untouched.
    void showPlaneInsight(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights);
    void clearPlaneInsight();
    PlaneInsight* planeInsight() const { return m_insight.get(); }

    // A mark of each layer's health on its node (GraphSceneLayerHealth.cpp); empty marks remove them all.
    void showLayerHealth(const LayerHealthMarks& marks);
    HealthMarkItem* healthMark(const QString& nodeId) const;

Q_SIGNALS:
    void statusMessage(const QString& message);
    void nodeSelected(const QString& id); // the single selected node, or empty

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void onNodeCreated(const QString& id);
    void onNodeRemoved(const QString& id);
    void onNodeMoved(const QString& id);
    void onConnectionCreated(const ConnectionId& c);
    void onConnectionRemoved(const ConnectionId& c);
    void rebuild();
    void refreshNode(const QString& id);
    void refreshValidation();
    void markWire(ConnectionItem* wire);
    void updateWireGeometry(ConnectionItem* item);
    void updatePortStates(const QString& nodeId);
    void highlightTargets(bool on);
    PortItem* portAt(QPointF scenePos, PortItem* exclude) const;
    std::optional<ConnectionId> candidateFor(PortItem* target) const;
    bool shapeFits(const ConnectionId& c) const;
    void insertAndSelect(const QJsonObject& fragment, const QString& text);
    void onSelectionChanged();
    void applyLayerHealth();

    ProjectDocument* m_document;
    GraphModel* m_model;
    QHash<QString, NodeItem*> m_nodes;
    QHash<ConnectionId, ConnectionItem*> m_connections;
    bool m_snap = true;
    bool m_syncing = false; // positions coming from the model must not be snapped or echoed back
    QHash<QString, QPointF> m_pressPositions;
    int m_pasteCount = 0;

    PortItem* m_dragAnchor = nullptr; // the fixed end of the wire being dragged
    ConnectionItem* m_dragWire = nullptr;
    std::optional<ConnectionId> m_detached; // the wire picked up from its input port, if any
    LayerHealthMarks m_healthMarks;
    std::unique_ptr<PlaneInsight> m_insight; // owns scene items: gone before the scene deletes the rest
};

} // namespace neurite::ui
