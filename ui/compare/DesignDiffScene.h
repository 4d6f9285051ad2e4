// The design diff drawn as one graph: the second design's layers and wires, with the layers and wires only
// the first one had shown ghosted in red; added layers framed green, changed ones amber, and each card's
// tooltip listing its options that differ. Read-only: nothing here edits a document.
#pragma once

#include "compare/DiffMarkItem.h"

#include <neurite/DesignDiff.h>
#include <neurite/Validation.h>

#include <QGraphicsScene>
#include <QHash>

namespace neurite::ui {

class NodeItem;

class DesignDiffScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit DesignDiffScene(QObject* parent = nullptr);

    // Draws the union of `before` and `after`, laid out left to right (AutoLayout.h).
    void setDesigns(const NetworkSpec& before, const NetworkSpec& after);

    const DesignDiff& diff() const { return m_diff; }
    // The node of a layer (by its id in `after`, or in `before` for a removed layer), or null.
    NodeItem* nodeItem(const QString& id) const { return m_nodes.value(id); }
    QStringList nodeIds() const { return m_nodes.keys(); }
    DiffStatus status(const QString& id) const { return m_status.value(id, DiffStatus::Same); }
    // What the card's tooltip lists: "units: 128 → 64" per differing option.
    QStringList differences(const QString& id) const { return m_details.value(id); }

private:
    void classify();
    void addNode(const LayerSpec& layer, QPointF position, const ValidationReport& facts);
    void addWire(const Connection& c, bool removed);
    void markNode(NodeItem* item, const QString& id);

    DesignDiff m_diff;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, DiffStatus> m_status;
    QHash<QString, QStringList> m_details;
};

} // namespace neurite::ui
