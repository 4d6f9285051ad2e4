// GraphScene's wire gesture: pressing a port starts a wire that follows the mouse; ports that could take it
// are marked (compatible, or wirable with shapes that do not fit); releasing on one wires it, one undo step.
// Grabbing a wired input picks its wire up, and dropping it on empty canvas removes it.
#include "editor/GraphScene.h"

#include "editor/ConnectionItem.h"
#include "editor/GraphCommands.h"
#include "editor/GraphToSpec.h"
#include "editor/NodeItem.h"
#include "editor/PortItem.h"
#include "document/ProjectDocument.h"

#include <QJsonArray>
#include <QSet>

namespace neurite::ui {

void GraphScene::beginWireDrag(PortItem* port, QPointF scenePos)
{
    m_dragAnchor = port;
    m_detached.reset();
    if (port->kind() == PortItem::Kind::Input) {
        // Grabbing a wired input picks its wire up: it follows the mouse from its source.
        for (const ConnectionId& c : m_model->connections()) {
            if (c.to == port->nodeId() && c.toPort == port->index()) {
                m_detached = c;
                m_dragAnchor = m_nodes.value(c.from)->outputPort();
                m_connections.value(c)->setVisible(false);
                break;
            }
        }
    }
    m_dragWire = new ConnectionItem;
    m_dragWire->setDragging(true);
    addItem(m_dragWire);
    highlightTargets(true);
    moveWireDrag(scenePos);
}

void GraphScene::moveWireDrag(QPointF scenePos)
{
    if (!m_dragWire)
        return;
    const PortItem* target = portAt(scenePos, m_dragAnchor);
    const QPointF end = target ? target->wireEnd() : scenePos;
    if (m_dragAnchor->kind() == PortItem::Kind::Output)
        m_dragWire->setEnds(m_dragAnchor->wireEnd(), end);
    else
        m_dragWire->setEnds(end, m_dragAnchor->wireEnd());
}

void GraphScene::endWireDrag(QPointF scenePos)
{
    if (!m_dragWire)
        return;
    highlightTargets(false);
    delete m_dragWire;
    m_dragWire = nullptr;
    PortItem* target = portAt(scenePos, m_dragAnchor);
    const std::optional<ConnectionId> candidate = target ? candidateFor(target) : std::nullopt;
    const std::optional<ConnectionId> detached = m_detached;
    m_detached.reset();
    if (detached && m_connections.value(*detached))
        m_connections.value(*detached)->setVisible(true);

    QString reason;
    if (candidate && *candidate == detached)
        return; // dropped back where it was
    if (candidate && !m_model->canConnect(*candidate, &reason, detached ? &*detached : nullptr)) {
        Q_EMIT statusMessage(reason);
        return;
    }
    if (!candidate && !detached)
        return; // dropped on empty canvas: nothing to do
    auto* command = new QUndoCommand(candidate ? tr("Wire %1 → %2").arg(candidate->from, candidate->to)
                                               : tr("Remove wire %1 → %2").arg(detached->from, detached->to));
    if (detached)
        new RemoveCommand(m_model, m_model->fragment({}, {*detached}), command->text(), command);
    if (candidate) {
        const QJsonObject wire{
            {"connections",
             QJsonArray{QJsonObject{{"from", candidate->from}, {"to", candidate->to}, {"toPort", candidate->toPort}}}}};
        new InsertCommand(m_model, wire, command->text(), command);
    }
    if (!m_document->execute(command))
        Q_EMIT statusMessage(tr("The design is locked while training runs."));
}

std::optional<ConnectionId> GraphScene::candidateFor(PortItem* target) const
{
    if (!m_dragAnchor || target->kind() == m_dragAnchor->kind())
        return std::nullopt;
    const PortItem* out = target->kind() == PortItem::Kind::Output ? target : m_dragAnchor;
    const PortItem* in = target->kind() == PortItem::Kind::Input ? target : m_dragAnchor;
    return ConnectionId{out->nodeId(), in->nodeId(), in->index()};
}

PortItem* GraphScene::portAt(QPointF scenePos, PortItem* exclude) const
{
    const double r = PortItem::kRadius + 6;
    for (QGraphicsItem* item : items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r)))) {
        if (item->type() == PortItem::Type && item != exclude) {
            auto* port = static_cast<PortItem*>(item);
            if (port->kind() != exclude->kind())
                return port;
        }
    }
    return nullptr;
}

// The engine decides whether shapes fit: validate the design with the wire added and see whether the
// receiving layer gains an error it did not have.
bool GraphScene::shapeFits(const ConnectionId& c) const
{
    NetworkSpec spec = graphToSpec(*m_model);
    spec.connections.push_back(Connection{c.from.toStdString(), c.to.toStdString(), c.toPort});
    QSet<QString> before;
    for (const ValidationIssue& issue : m_document->validation().errors())
        if (issue.layerId == spec.connections.back().to)
            before.insert(QString::fromStdString(issue.message));
    for (const ValidationIssue& issue : validate(spec).errors())
        if (issue.layerId == spec.connections.back().to && !before.contains(QString::fromStdString(issue.message)))
            return false;
    return true;
}

void GraphScene::highlightTargets(bool on)
{
    const ConnectionId* ignoring = m_detached ? &*m_detached : nullptr;
    for (NodeItem* node : std::as_const(m_nodes)) {
        QList<PortItem*> ports = node->inputPorts();
        ports.append(node->outputPort());
        for (PortItem* port : ports) {
            PortItem::Highlight look = PortItem::Highlight::None;
            const std::optional<ConnectionId> c = on ? candidateFor(port) : std::nullopt;
            if (c && (m_model->canConnect(*c, nullptr, ignoring) || *c == m_detached))
                look = shapeFits(*c) ? PortItem::Highlight::Compatible : PortItem::Highlight::Mismatched;
            port->setHighlight(look);
        }
    }
}

} // namespace neurite::ui
