// The design graph as plain data keyed by ids: nodes (layer type, options, position) and connections.
#include "editor/GraphModel.h"

#include <neurite/LayerRegistry.h>

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace neurite::ui {

namespace {

QJsonObject nodeToJson(const Node& node)
{
    return QJsonObject{{"id", node.id},
                       {"type", node.type},
                       {"options", optionsToJson(node.options)},
                       {"x", node.position.x()},
                       {"y", node.position.y()}};
}

Node nodeFromJson(const QJsonObject& json)
{
    return Node{json.value("id").toString(), json.value("type").toString(),
                optionsFromJson(json.value("options").toObject()),
                QPointF(json.value("x").toDouble(), json.value("y").toDouble())};
}

QJsonObject connectionToJson(const ConnectionId& c)
{
    return QJsonObject{{"from", c.from}, {"to", c.to}, {"toPort", c.toPort}};
}

ConnectionId connectionFromJson(const QJsonObject& json)
{
    return ConnectionId{json.value("from").toString(), json.value("to").toString(), json.value("toPort").toInt()};
}

} // namespace

QJsonObject optionsToJson(const LayerOptions& options)
{
    QJsonObject json;
    for (const auto& [key, value] : options) {
        if (const double* number = std::get_if<double>(&value))
            json.insert(QString::fromStdString(key), *number);
        else
            json.insert(QString::fromStdString(key), QString::fromStdString(std::get<std::string>(value)));
    }
    return json;
}

LayerOptions optionsFromJson(const QJsonObject& json)
{
    LayerOptions options;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it->isString())
            options[it.key().toStdString()] = it->toString().toStdString();
        else if (it->isBool())
            options[it.key().toStdString()] = it->toBool() ? 1.0 : 0.0;
        else
            options[it.key().toStdString()] = it->toDouble();
    }
    return options;
}

GraphModel::GraphModel(QObject* parent) : QObject(parent) {}

const Node& GraphModel::node(const QString& id) const
{
    auto it = m_nodes.constFind(id);
    Q_ASSERT(it != m_nodes.constEnd());
    return *it;
}

QList<ConnectionId> GraphModel::connectionsOf(const QString& nodeId) const
{
    QList<ConnectionId> result;
    for (const ConnectionId& c : m_connections)
        if (c.from == nodeId || c.to == nodeId)
            result.append(c);
    return result;
}

int GraphModel::inputPortCount(const QString& nodeId) const
{
    if (!hasNode(nodeId))
        return 0;
    const LayerTypeInfo* info = findLayerType(node(nodeId).type.toStdString());
    return info ? info->inputPorts : 1;
}

QString GraphModel::uniqueId(const QString& type) const
{
    const QString stem = type.toLower();
    for (int n = 1;; ++n) {
        const QString id = stem + QString::number(n);
        if (!m_nodes.contains(id))
            return id;
    }
}

void GraphModel::insertNode(const Node& node, int index)
{
    Q_ASSERT(!node.id.isEmpty() && !m_nodes.contains(node.id));
    m_nodes.insert(node.id, node);
    m_order.insert(index < 0 || index > m_order.size() ? m_order.size() : index, node.id);
    Q_EMIT nodeCreated(node.id);
}

void GraphModel::removeNode(const QString& id)
{
    if (!hasNode(id))
        return;
    for (const ConnectionId& c : connectionsOf(id))
        removeConnection(c);
    m_nodes.remove(id);
    m_order.removeOne(id);
    Q_EMIT nodeRemoved(id);
}

void GraphModel::setNodeOptions(const QString& id, const LayerOptions& options)
{
    if (!hasNode(id) || m_nodes[id].options == options)
        return;
    m_nodes[id].options = options;
    Q_EMIT nodeUpdated(id);
}

void GraphModel::setNodePosition(const QString& id, QPointF position)
{
    if (!hasNode(id) || m_nodes[id].position == position)
        return;
    m_nodes[id].position = position;
    Q_EMIT nodeMoved(id);
}

bool GraphModel::canConnect(const ConnectionId& c, QString* reason, const ConnectionId* ignoring) const
{
    auto refuse = [reason](const QString& why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (!hasNode(c.from) || !hasNode(c.to))
        return refuse(tr("Both ends of a wire must be layers."));
    if (c.from == c.to)
        return refuse(tr("A layer cannot feed itself."));
    if (c.toPort < 0 || c.toPort >= inputPortCount(c.to))
        return refuse(tr("%1 has no input port %2.").arg(c.to).arg(c.toPort + 1));
    if (m_connections.contains(c))
        return refuse(tr("%1 is already wired to %2.").arg(c.from, c.to));
    for (const ConnectionId& existing : m_connections)
        if (existing.to == c.to && existing.toPort == c.toPort && !(ignoring && existing == *ignoring))
            return refuse(tr("%1 already has an input on that port; remove that wire first.").arg(c.to));
    if (reaches(c.to, c.from, ignoring))
        return refuse(tr("Wiring %1 into %2 would make a cycle.").arg(c.from, c.to));
    return true;
}

void GraphModel::addConnection(const ConnectionId& c, int index)
{
    Q_ASSERT(hasNode(c.from) && hasNode(c.to));
    m_connections.insert(index < 0 || index > m_connections.size() ? m_connections.size() : index, c);
    Q_EMIT connectionCreated(c);
}

void GraphModel::removeConnection(const ConnectionId& c)
{
    if (m_connections.removeOne(c))
        Q_EMIT connectionRemoved(c);
}

bool GraphModel::reaches(const QString& from, const QString& to, const ConnectionId* ignoring) const
{
    QSet<QString> seen;
    QStringList pending{from};
    while (!pending.isEmpty()) {
        const QString current = pending.takeLast();
        if (current == to)
            return true;
        if (seen.contains(current))
            continue;
        seen.insert(current);
        for (const ConnectionId& c : m_connections)
            if (c.from == current && !(ignoring && c == *ignoring))
                pending.append(c.to);
    }
    return false;
}

QJsonObject GraphModel::fragment(const QStringList& nodeIds, const QList<ConnectionId>& connections) const
{
    QJsonArray nodes;
    for (int i = 0; i < m_order.size(); ++i) {
        if (!nodeIds.contains(m_order[i]))
            continue;
        QJsonObject json = nodeToJson(node(m_order[i]));
        json.insert("index", i);
        nodes.append(json);
    }
    // Ascending indices: inserting them back in this order rebuilds the original list exactly.
    QList<ConnectionId> sorted = connections;
    std::sort(sorted.begin(), sorted.end(), [this](const ConnectionId& a, const ConnectionId& b) {
        return m_connections.indexOf(a) < m_connections.indexOf(b);
    });
    QJsonArray wires;
    for (const ConnectionId& c : sorted) {
        QJsonObject json = connectionToJson(c);
        json.insert("index", int(m_connections.indexOf(c)));
        wires.append(json);
    }
    return QJsonObject{{"nodes", nodes}, {"connections", wires}};
}

QJsonObject GraphModel::fragmentOf(const QStringList& nodeIds) const
{
    QList<ConnectionId> inside;
    for (const ConnectionId& c : m_connections)
        if (nodeIds.contains(c.from) && nodeIds.contains(c.to))
            inside.append(c);
    return fragment(nodeIds, inside);
}

void GraphModel::insertFragment(const QJsonObject& fragment)
{
    for (const QJsonValue& value : fragment.value("nodes").toArray()) {
        const QJsonObject json = value.toObject();
        const Node node = nodeFromJson(json);
        if (!node.id.isEmpty() && !hasNode(node.id))
            insertNode(node, json.value("index").toInt(-1));
    }
    for (const QJsonValue& value : fragment.value("connections").toArray()) {
        // Wires are restored as they were, even ones a drag would refuse: a hand-edited file with a cycle
        // must show the cycle (validate flags it), not lose a wire silently.
        const ConnectionId c = connectionFromJson(value.toObject());
        if (hasNode(c.from) && hasNode(c.to) && !m_connections.contains(c))
            addConnection(c, value.toObject().value("index").toInt(-1));
    }
}

void GraphModel::removeFragment(const QJsonObject& fragment)
{
    for (const QJsonValue& value : fragment.value("connections").toArray())
        removeConnection(connectionFromJson(value.toObject()));
    for (const QJsonValue& value : fragment.value("nodes").toArray())
        removeNode(value.toObject().value("id").toString());
}

QJsonObject GraphModel::remapFragment(const QJsonObject& fragment, QPointF offset) const
{
    QHash<QString, QString> renamed;
    QSet<QString> taken(m_order.begin(), m_order.end());
    QJsonArray nodes;
    for (const QJsonValue& value : fragment.value("nodes").toArray()) {
        Node node = nodeFromJson(value.toObject());
        QString id;
        for (int n = 1; id.isEmpty() || taken.contains(id); ++n)
            id = node.type.toLower() + QString::number(n);
        taken.insert(id);
        renamed.insert(node.id, id);
        node.id = id;
        node.position += offset;
        nodes.append(nodeToJson(node));
    }
    QJsonArray wires;
    for (const QJsonValue& value : fragment.value("connections").toArray()) {
        ConnectionId c = connectionFromJson(value.toObject());
        if (!renamed.contains(c.from) || !renamed.contains(c.to))
            continue;
        wires.append(connectionToJson({renamed.value(c.from), renamed.value(c.to), c.toPort}));
    }
    return QJsonObject{{"nodes", nodes}, {"connections", wires}};
}

void GraphModel::clear()
{
    resetFromJson(QJsonObject{});
}

void GraphModel::resetFromJson(const QJsonObject& graph)
{
    {
        // One reset signal instead of a storm of per-node ones: listeners rebuild once.
        const QSignalBlocker blocker(this);
        m_nodes.clear();
        m_order.clear();
        m_connections.clear();
        insertFragment(graph);
    }
    Q_EMIT modelReset();
}

} // namespace neurite::ui
