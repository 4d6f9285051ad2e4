// The one translation between the editor's graph and the engine's NetworkSpec, in both directions.
#include "editor/GraphToSpec.h"

#include "editor/AutoLayout.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace neurite::ui {

NetworkSpec graphToSpec(const GraphModel& graph)
{
    NetworkSpec spec;
    for (const QString& id : graph.nodeIds()) {
        const Node& node = graph.node(id);
        spec.layers.push_back(LayerSpec{node.id.toStdString(), node.type.toStdString(), node.options});
    }
    for (const ConnectionId& c : graph.connections())
        spec.connections.push_back(Connection{c.from.toStdString(), c.to.toStdString(), c.toPort});
    return spec;
}

QJsonObject graphFromSpec(const NetworkSpec& spec, const QHash<QString, QPointF>& positions)
{
    const QHash<QString, QPointF> fallback = autoLayout(spec);
    QJsonArray nodes;
    for (const LayerSpec& layer : spec.layers) {
        const QString id = QString::fromStdString(layer.id);
        const QPointF at = positions.value(id, fallback.value(id));
        nodes.append(QJsonObject{{"id", id},
                                 {"type", QString::fromStdString(layer.type)},
                                 {"options", optionsToJson(layer.options)},
                                 {"x", at.x()},
                                 {"y", at.y()}});
    }
    QJsonArray wires;
    for (const Connection& c : spec.connections)
        wires.append(QJsonObject{{"from", QString::fromStdString(c.from)},
                                 {"to", QString::fromStdString(c.to)},
                                 {"toPort", c.toPort}});
    return QJsonObject{{"nodes", nodes}, {"connections", wires}};
}

std::string uiStateJson(const GraphModel& graph)
{
    QJsonObject positions;
    for (const QString& id : graph.nodeIds()) {
        const QPointF at = graph.node(id).position;
        positions.insert(id, QJsonArray{at.x(), at.y()});
    }
    const QJsonObject state{{"positions", positions}};
    return QJsonDocument(state).toJson(QJsonDocument::Compact).toStdString();
}

QHash<QString, QPointF> positionsFromUiState(const std::string& json)
{
    QHash<QString, QPointF> result;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    const QJsonObject positions = document.object().value("positions").toObject();
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        const QJsonArray xy = it->toArray();
        if (xy.size() == 2)
            result.insert(it.key(), QPointF(xy[0].toDouble(), xy[1].toDouble()));
    }
    return result;
}

} // namespace neurite::ui
