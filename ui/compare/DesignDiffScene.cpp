// The union graph of two designs with their differences marked.
#include "compare/DesignDiffScene.h"

#include "editor/AutoLayout.h"
#include "editor/ConnectionItem.h"
#include "editor/NodeItem.h"
#include "editor/PortItem.h"

#include <neurite/LayerRegistry.h>
#include <neurite/Validation.h>

#include <QPen>

#include <algorithm>

namespace neurite::ui {

namespace {

constexpr double kGhostOpacity = 0.45; // removed layers: there, but not part of the design any more

QString optionLine(const OptionDifference& o)
{
    const QString before = o.before.empty() ? QObject::tr("(none)") : QString::fromStdString(o.before);
    const QString after = o.after.empty() ? QObject::tr("(none)") : QString::fromStdString(o.after);
    return QStringLiteral("%1: %2 \u2192 %3").arg(QString::fromStdString(o.key), before, after);
}

NodeLook lookOf(const LayerSpec& layer, const ValidationReport& report)
{
    const LayerTypeInfo* info = findLayerType(layer.type);
    NodeLook look;
    look.type = QString::fromStdString(layer.type);
    look.caption = QString::fromStdString(layerCaption(layer));
    look.category = info ? QString::fromStdString(info->category) : QString();
    const auto facts = report.layers.find(layer.id);
    if (facts != report.layers.end()) {
        look.shapeText = QString::fromStdString(facts->second.outputShape.toString());
        look.parameters = facts->second.parameters;
    }
    return look;
}

} // namespace

DesignDiffScene::DesignDiffScene(QObject* parent) : QGraphicsScene(parent) {}

void DesignDiffScene::setDesigns(const NetworkSpec& before, const NetworkSpec& after)
{
    clear();
    m_nodes.clear();
    m_diff = diffDesigns(before, after);
    classify();
    // The union: every layer of `after`, then those only `before` had, wired as each design wires them.
    NetworkSpec both = after;
    both.layers.insert(both.layers.end(), m_diff.removed.begin(), m_diff.removed.end());
    both.connections.insert(both.connections.end(), m_diff.connectionsRemoved.begin(), m_diff.connectionsRemoved.end());
    // Wrapped into bands as the editor lays out a design for a large window, so that a long design stays
    // readable when fitted.
    const QHash<QString, QPointF> positions = autoLayout(both, QSizeF(1400, 900));
    // Shapes and parameter counts as each design computes them.
    const ValidationReport afterFacts = validate(after), beforeFacts = validate(before);
    for (const LayerSpec& layer : after.layers)
        addNode(layer, positions.value(QString::fromStdString(layer.id)), afterFacts);
    for (const LayerSpec& layer : m_diff.removed)
        addNode(layer, positions.value(QString::fromStdString(layer.id)), beforeFacts);
    for (const Connection& c : after.connections)
        addWire(c, false);
    for (const Connection& c : m_diff.connectionsRemoved)
        addWire(c, true);
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
}

// Each layer's status and the lines its tooltip and the panel list, keyed by its id in the drawing.
void DesignDiffScene::classify()
{
    m_status.clear();
    m_details.clear();
    for (const LayerSpec& layer : m_diff.added)
        m_status.insert(QString::fromStdString(layer.id), DiffStatus::Added);
    for (const LayerSpec& layer : m_diff.removed)
        m_status.insert(QString::fromStdString(layer.id), DiffStatus::Removed);
    for (const LayerDifference& change : m_diff.changed) {
        const QString id = QString::fromStdString(change.afterId);
        m_status.insert(id, DiffStatus::Changed);
        QStringList& lines = m_details[id];
        if (change.beforeId != change.afterId)
            lines << tr("was %1").arg(QString::fromStdString(change.beforeId));
        if (change.beforeType != change.afterType)
            lines << tr("type: %1 \u2192 %2")
                         .arg(QString::fromStdString(change.beforeType), QString::fromStdString(change.afterType));
        for (const OptionDifference& option : change.options)
            lines << optionLine(option);
    }
}

void DesignDiffScene::addNode(const LayerSpec& layer, QPointF position, const ValidationReport& facts)
{
    const QString id = QString::fromStdString(layer.id);
    const LayerTypeInfo* info = findLayerType(layer.type);
    auto* item = new NodeItem(id, info ? info->inputPorts : 1);
    item->setFlag(QGraphicsItem::ItemIsMovable, false);
    item->setFlag(QGraphicsItem::ItemIsSelectable, false);
    item->setLook(lookOf(layer, facts));
    item->setPos(position);
    addItem(item);
    m_nodes.insert(id, item);
    markNode(item, id);
}

void DesignDiffScene::markNode(NodeItem* item, const QString& id)
{
    const DiffStatus status = this->status(id);
    QString tip = item->toolTip();
    if (status == DiffStatus::Same)
        return;
    new DiffMarkItem(item, status, item->boundingRect().adjusted(4, 4, -4, -4));
    if (status == DiffStatus::Removed)
        item->setOpacity(kGhostOpacity);
    tip += QStringLiteral("<br><b style='color:%1'>%2</b>").arg(diffColor(status).name(), diffStatusName(status));
    for (const QString& line : m_details.value(id))
        tip += QStringLiteral("<br>") + line.toHtmlEscaped();
    item->setToolTip(tip);
}

void DesignDiffScene::addWire(const Connection& c, bool removed)
{
    NodeItem* from = m_nodes.value(QString::fromStdString(c.from));
    NodeItem* to = m_nodes.value(QString::fromStdString(c.to));
    if (!from || !to || !to->inputPort(c.toPort))
        return;
    auto* wire = new ConnectionItem;
    wire->setEnds(from->outputPort()->wireEnd(), to->inputPort(c.toPort)->wireEnd());
    const bool added = std::find(m_diff.connectionsAdded.begin(), m_diff.connectionsAdded.end(), c) !=
                       m_diff.connectionsAdded.end();
    if (removed || added) {
        QPen pen(diffColor(removed ? DiffStatus::Removed : DiffStatus::Added), 3);
        if (removed)
            pen.setStyle(Qt::DashLine);
        wire->setPen(pen);
        wire->setToolTip(removed ? tr("wire removed") : tr("wire added"));
    }
    wire->setFlag(QGraphicsItem::ItemIsSelectable, false);
    wire->setZValue(-1);
    addItem(wire);
}

} // namespace neurite::ui
