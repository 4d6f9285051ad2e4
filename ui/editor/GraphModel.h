// The design graph as plain data keyed by ids: nodes (layer type, options, position) and connections.
#pragma once

#include <neurite/NetworkSpec.h>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace neurite::ui {

// A wire from the single output of node `from` to input port `toPort` of node `to`.
struct ConnectionId {
    QString from;
    QString to;
    int toPort = 0;
    bool operator==(const ConnectionId&) const = default;
};

inline size_t qHash(const ConnectionId& c, size_t seed = 0)
{
    return ::qHash(c.from, seed) ^ ::qHash(c.to, seed * 31 + 7) ^ ::qHash(c.toPort, seed);
}

struct Node {
    QString id;
    QString type;
    LayerOptions options;
    QPointF position;
};

// The graph the scene draws and the commands edit. It knows nothing about widgets or graphics items; the
// checks it makes itself are only the structural ones a drag must respect (ports exist and are free, no
// cycles). Shapes and options are judged by the engine's validate().
class GraphModel : public QObject {
    Q_OBJECT
public:
    explicit GraphModel(QObject* parent = nullptr);

    // Nodes in insertion order (the order layers take in the spec).
    const QStringList& nodeIds() const { return m_order; }
    bool hasNode(const QString& id) const { return m_nodes.contains(id); }
    const Node& node(const QString& id) const; // asserts that it exists
    const QList<ConnectionId>& connections() const { return m_connections; }
    QList<ConnectionId> connectionsOf(const QString& nodeId) const;
    int inputPortCount(const QString& nodeId) const;
    bool isEmpty() const { return m_order.isEmpty(); }

    // An id not yet used, from the type: "dense1", "dense2", ...
    QString uniqueId(const QString& type) const;

    void insertNode(const Node& node, int index = -1); // the id must be new; -1 appends
    void removeNode(const QString& id);                // removes its connections first
    void setNodeOptions(const QString& id, const LayerOptions& options);
    void setNodePosition(const QString& id, QPointF position);

    // Whether `c` may be added; `reason` says why not (a sentence for a tooltip or status bar).
    // `ignoring` is a wire treated as absent (the one being dragged away from its port).
    bool canConnect(const ConnectionId& c, QString* reason = nullptr, const ConnectionId* ignoring = nullptr) const;
    bool hasConnection(const ConnectionId& c) const { return m_connections.contains(c); }
    void addConnection(const ConnectionId& c, int index = -1); // callers check canConnect; -1 appends
    void removeConnection(const ConnectionId& c);
    // True when `to` can be reached from `from` along wires.
    bool reaches(const QString& from, const QString& to, const ConnectionId* ignoring = nullptr) const;

    // Snapshots: a fragment holds nodes and the connections given, as JSON (undo, clipboard, autosave).
    // Each entry remembers its index, so that removing a fragment and inserting it again restores the exact
    // order of layers and wires (and so the exact spec).
    QJsonObject fragment(const QStringList& nodeIds, const QList<ConnectionId>& connections) const;
    // Fragment of the nodes plus every connection between two of them.
    QJsonObject fragmentOf(const QStringList& nodeIds) const;
    QJsonObject toJson() const { return fragmentOf(m_order); }
    void insertFragment(const QJsonObject& fragment);
    void removeFragment(const QJsonObject& fragment);
    // Renames the fragment's nodes to ids unused in this model and moves it by `offset` (for paste).
    QJsonObject remapFragment(const QJsonObject& fragment, QPointF offset) const;

    void clear();
    void resetFromJson(const QJsonObject& graph); // replaces everything; emits modelReset

Q_SIGNALS:
    void nodeCreated(const QString& id);
    void nodeRemoved(const QString& id);
    void nodeUpdated(const QString& id); // options changed
    void nodeMoved(const QString& id);
    void connectionCreated(const neurite::ui::ConnectionId& c);
    void connectionRemoved(const neurite::ui::ConnectionId& c);
    void modelReset();

private:
    QHash<QString, Node> m_nodes;
    QStringList m_order;
    QList<ConnectionId> m_connections;
};

// Option values as JSON (numbers stay numbers, choices stay strings).
QJsonObject optionsToJson(const LayerOptions& options);
LayerOptions optionsFromJson(const QJsonObject& json);

} // namespace neurite::ui
