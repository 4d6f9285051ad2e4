// The canvas: draws the model's nodes and wires, turns mouse gestures into undoable edits, marks problems.
// The wire-dragging gesture lives in GraphSceneWireDrag.cpp, the plane's pictures in GraphScenePlaneInsight.cpp.
#include "editor/GraphScene.h"

#include "editor/ConnectionItem.h"
#include "editor/GraphCommands.h"
#include "editor/GraphToSpec.h"
#include "editor/GraphView.h"
#include "editor/AutoLayout.h"
#include "editor/NodeItem.h"
#include "editor/PlaneInsight.h"
#include "editor/PortItem.h"
#include "document/ProjectDocument.h"

#include <neurite/LayerRegistry.h>

#include <QApplication>
#include <QClipboard>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSet>

namespace neurite::ui {

namespace {
const QString kFragmentMime = QStringLiteral("application/x-neurite-design-fragment");
constexpr double kPasteOffset = 40;
constexpr double kSceneMargin = 240; // room to pan past the outermost nodes and to drop new ones there

QString joined(const QStringList& lines)
{
    return lines.join(QLatin1Char('\n'));
}
} // namespace

GraphScene::GraphScene(ProjectDocument* document, QObject* parent)
    : QGraphicsScene(parent), m_document(document), m_model(document->model())
{
    connect(m_model, &GraphModel::nodeCreated, this, &GraphScene::onNodeCreated);
    connect(m_model, &GraphModel::nodeRemoved, this, &GraphScene::onNodeRemoved);
    connect(m_model, &GraphModel::nodeUpdated, this, &GraphScene::refreshNode);
    connect(m_model, &GraphModel::nodeMoved, this, &GraphScene::onNodeMoved);
    connect(m_model, &GraphModel::connectionCreated, this, &GraphScene::onConnectionCreated);
    connect(m_model, &GraphModel::connectionRemoved, this, &GraphScene::onConnectionRemoved);
    connect(m_model, &GraphModel::modelReset, this, &GraphScene::rebuild);
    connect(document, &ProjectDocument::validationChanged, this, &GraphScene::refreshValidation);
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
    rebuild();
    m_insight = std::make_unique<PlaneInsight>(this, document); // hears of changes after the items
}

void GraphScene::fitSceneRectToItems(bool keepVisibleArea)
{
    QRectF bounds = itemsBoundingRect(); // wires that turn back bulge past their nodes
    if (bounds.isEmpty())
        bounds = QRectF(-NodeItem::kWidth / 2, -NodeItem::kHeaderHeight, NodeItem::kWidth, 2 * NodeItem::kHeaderHeight);
    QRectF rect = bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
    // A view centres a scene smaller than itself: were the rectangle to shrink to the items, every node
    // added, moved or deleted would shift the whole canvas under the mouse (nodes dropped one after the
    // other landed on top of each other).
    if (keepVisibleArea)
        for (QGraphicsView* view : views())
            rect |= view->mapToScene(view->viewport()->rect()).boundingRect();
    setSceneRect(rect);
}

// QGraphicsScene's destructor deletes the items, and deleting a selected item emits selectionChanged; by
// then this object is only a QGraphicsScene, so the slot must be gone (UBSan caught the call).
GraphScene::~GraphScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::onSelectionChanged);
}

QStringList GraphScene::selectedNodeIds() const
{
    QStringList ids;
    for (const QString& id : m_model->nodeIds()) // model order, stable for copy and tests
        if (m_nodes.value(id) && m_nodes.value(id)->isSelected())
            ids.append(id);
    return ids;
}

void GraphScene::selectNode(const QString& id)
{
    clearSelection();
    if (NodeItem* item = m_nodes.value(id))
        item->setSelected(true);
}

QPointF GraphScene::snapped(QPointF position) const
{
    if (!m_snap || m_syncing)
        return position;
    return QPointF(std::round(position.x() / kGridSize) * kGridSize, std::round(position.y() / kGridSize) * kGridSize);
}

// ---- edits ----

QString GraphScene::addNode(const QString& type, QPointF center)
{
    const std::string id = m_model->uniqueId(type).toStdString();
    const LayerSpec layer = defaultLayer(type.toStdString(), id);
    const QPointF topLeft = snapped(center - QPointF(NodeItem::kWidth / 2, NodeItem::kHeaderHeight));
    const QJsonObject fragment{{"nodes", QJsonArray{QJsonObject{{"id", QString::fromStdString(id)},
                                                                {"type", type},
                                                                {"options", optionsToJson(layer.options)},
                                                                {"x", topLeft.x()},
                                                                {"y", topLeft.y()}}}}};
    if (!m_document->execute(new InsertCommand(m_model, fragment, tr("Add %1").arg(type)))) {
        Q_EMIT statusMessage(tr("The design is locked while training runs."));
        return {};
    }
    selectNode(QString::fromStdString(id));
    return QString::fromStdString(id);
}

bool GraphScene::connectPorts(const ConnectionId& c)
{
    QString reason;
    if (!m_model->canConnect(c, &reason)) {
        Q_EMIT statusMessage(reason);
        return false;
    }
    const QJsonObject wire{
        {"connections", QJsonArray{QJsonObject{{"from", c.from}, {"to", c.to}, {"toPort", c.toPort}}}}};
    return m_document->execute(new InsertCommand(m_model, wire, tr("Wire %1 → %2").arg(c.from, c.to)));
}

void GraphScene::deleteSelection()
{
    const QStringList nodes = selectedNodeIds();
    QSet<ConnectionId> wires;
    for (const QString& id : nodes)
        for (const ConnectionId& c : m_model->connectionsOf(id))
            wires.insert(c);
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it)
        if (it.value()->isSelected())
            wires.insert(it.key());
    if (nodes.isEmpty() && wires.isEmpty())
        return;
    const QJsonObject fragment = m_model->fragment(nodes, QList<ConnectionId>(wires.begin(), wires.end()));
    const QString text = nodes.isEmpty()
                             ? (wires.size() == 1 ? tr("Remove wire") : tr("Remove %1 wires").arg(wires.size()))
                             : (nodes.size() == 1 ? tr("Delete %1").arg(nodes.first())
                                                  : tr("Delete %1 layers").arg(nodes.size()));
    if (!m_document->execute(new RemoveCommand(m_model, fragment, text)))
        Q_EMIT statusMessage(tr("The design is locked while training runs."));
}

void GraphScene::copySelection()
{
    const QStringList nodes = selectedNodeIds();
    if (nodes.isEmpty())
        return;
    const QByteArray json = QJsonDocument(m_model->fragmentOf(nodes)).toJson(QJsonDocument::Compact);
    auto* mime = new QMimeData;
    mime->setData(kFragmentMime, json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
}

void GraphScene::cutSelection()
{
    copySelection();
    deleteSelection();
}

void GraphScene::paste()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(kFragmentMime))
        return;
    const QJsonObject fragment = QJsonDocument::fromJson(mime->data(kFragmentMime)).object();
    ++m_pasteCount;
    insertAndSelect(m_model->remapFragment(fragment, QPointF(kPasteOffset, kPasteOffset) * m_pasteCount), tr("Paste"));
}

void GraphScene::duplicateSelection()
{
    const QStringList nodes = selectedNodeIds();
    if (!nodes.isEmpty())
        insertAndSelect(m_model->remapFragment(m_model->fragmentOf(nodes), QPointF(kPasteOffset, kPasteOffset)),
                        tr("Duplicate"));
}

void GraphScene::insertAndSelect(const QJsonObject& fragment, const QString& text)
{
    if (!m_document->execute(new InsertCommand(m_model, fragment, text))) {
        Q_EMIT statusMessage(tr("The design is locked while training runs."));
        return;
    }
    clearSelection();
    for (const QJsonValue& node : fragment.value("nodes").toArray())
        if (NodeItem* item = m_nodes.value(node.toObject().value("id").toString()))
            item->setSelected(true);
}

void GraphScene::placeForView(QSizeF room)
{
    const QHash<QString, QPointF> target = neurite::ui::autoLayout(graphToSpec(*m_model), room);
    for (auto it = target.begin(); it != target.end(); ++it)
        m_model->setNodePosition(it.key(), it.value());
}

void GraphScene::autoLayout(QSizeF room)
{
    const QHash<QString, QPointF> target = neurite::ui::autoLayout(graphToSpec(*m_model), room);
    QHash<QString, QPointF> from;
    for (const QString& id : m_model->nodeIds())
        from.insert(id, m_model->node(id).position);
    if (from != target)
        m_document->execute(new MoveCommand(m_model, from, target, tr("Auto layout"), false));
}

// ---- moves ----

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (const QString& id : selectedNodeIds())
        m_pressPositions.insert(id, m_model->node(id).position);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, QPointF> from;
    QHash<QString, QPointF> to;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it) {
        NodeItem* item = m_nodes.value(it.key());
        if (item && item->pos() != it.value()) {
            from.insert(it.key(), it.value());
            to.insert(it.key(), item->pos());
        }
    }
    m_pressPositions.clear();
    if (!to.isEmpty())
        m_document->execute(new MoveCommand(m_model, from, to));
}

void GraphScene::nodeItemMoved(NodeItem* item)
{
    QRectF moved = item->sceneBoundingRect();
    for (ConnectionItem* wire : std::as_const(m_connections))
        if (wire->connection().from == item->nodeId() || wire->connection().to == item->nodeId()) {
            updateWireGeometry(wire);
            moved |= wire->sceneBoundingRect();
        }
    if (m_insight)
        m_insight->nodeMoved(item->nodeId());
    // A node dragged past the edge takes the scene with it; the scene only shrinks back on model changes,
    // so that the view does not jump under the mouse.
    const QRectF needed = moved.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
    if (!sceneRect().contains(needed))
        setSceneRect(sceneRect() | needed);
}

// ---- model -> items ----

void GraphScene::rebuild()
{
    for (NodeItem* item : std::as_const(m_nodes))
        delete item;
    for (ConnectionItem* item : std::as_const(m_connections))
        delete item;
    m_nodes.clear();
    m_connections.clear();
    for (const QString& id : m_model->nodeIds())
        onNodeCreated(id);
    for (const ConnectionId& c : m_model->connections())
        onConnectionCreated(c);
    refreshValidation();
    applyLayerHealth();
    fitSceneRectToItems();
}

void GraphScene::onNodeCreated(const QString& id)
{
    auto* item = new NodeItem(id, m_model->inputPortCount(id));
    m_nodes.insert(id, item);
    addItem(item);
    onNodeMoved(id);
    refreshNode(id);
}

void GraphScene::onNodeRemoved(const QString& id)
{
    delete m_nodes.take(id);
    fitSceneRectToItems();
}

void GraphScene::onNodeMoved(const QString& id)
{
    NodeItem* item = m_nodes.value(id);
    if (!item)
        return;
    m_syncing = true;
    item->setPos(m_model->node(id).position);
    m_syncing = false;
    fitSceneRectToItems();
}

void GraphScene::onConnectionCreated(const ConnectionId& c)
{
    auto* item = new ConnectionItem(c);
    m_connections.insert(c, item);
    addItem(item);
    updateWireGeometry(item);
    // The document hears of the new wire first and has already revalidated, before this item existed.
    markWire(item);
    updatePortStates(c.from);
    updatePortStates(c.to);
}

void GraphScene::onConnectionRemoved(const ConnectionId& c)
{
    delete m_connections.take(c);
    updatePortStates(c.from);
    updatePortStates(c.to);
}

void GraphScene::updateWireGeometry(ConnectionItem* item)
{
    const ConnectionId& c = item->connection();
    NodeItem* from = m_nodes.value(c.from);
    NodeItem* to = m_nodes.value(c.to);
    if (from && to && to->inputPort(c.toPort))
        item->setEnds(from->outputPort()->wireEnd(), to->inputPort(c.toPort)->wireEnd());
}

void GraphScene::updatePortStates(const QString& nodeId)
{
    NodeItem* node = m_nodes.value(nodeId);
    if (!node)
        return;
    bool outputUsed = false;
    QSet<int> inputsUsed;
    for (const ConnectionId& c : m_model->connectionsOf(nodeId)) {
        if (c.from == nodeId)
            outputUsed = true;
        if (c.to == nodeId)
            inputsUsed.insert(c.toPort);
    }
    node->outputPort()->setConnected(outputUsed);
    for (PortItem* port : node->inputPorts())
        port->setConnected(inputsUsed.contains(port->index()));
}

void GraphScene::refreshNode(const QString& id)
{
    NodeItem* item = m_nodes.value(id);
    if (!item)
        return;
    const Node& node = m_model->node(id);
    const LayerTypeInfo* info = findLayerType(node.type.toStdString());
    NodeLook look;
    look.type = node.type;
    look.caption = QString::fromStdString(
        layerCaption(LayerSpec{id.toStdString(), node.type.toStdString(), node.options}));
    look.category = info ? QString::fromStdString(info->category) : QString();
    const ValidationReport& report = m_document->validation();
    auto facts = report.layers.find(id.toStdString());
    if (facts != report.layers.end()) {
        look.shapeText = QString::fromStdString(facts->second.outputShape.toString());
        look.parameters = facts->second.parameters;
    }
    for (const ValidationIssue& issue : report.issues) {
        if (issue.layerId != id.toStdString())
            continue;
        const QString message = QString::fromStdString(issue.message);
        (issue.severity == ValidationIssue::Severity::Error ? look.errors : look.warnings).append(message);
    }
    item->setLook(look);
}

// Nodes show their own issues, and the wires into a node with an error are red too, with its errors as
// their tooltip: the README promises that a shape that does not fit turns the node and its wire red, and an
// error reported against an option (a kernel larger than its input) is still about what comes in.
void GraphScene::refreshValidation()
{
    for (const QString& id : m_model->nodeIds())
        refreshNode(id);
    for (ConnectionItem* wire : std::as_const(m_connections))
        markWire(wire);
}

void GraphScene::markWire(ConnectionItem* wire)
{
    QStringList errors;
    for (const ValidationIssue& issue : m_document->validation().errors())
        if (QString::fromStdString(issue.layerId) == wire->connection().to)
            errors.append(QString::fromStdString(issue.message));
    wire->setProblem(joined(errors));
}

void GraphScene::onSelectionChanged()
{
    const QStringList ids = selectedNodeIds();
    Q_EMIT nodeSelected(ids.size() == 1 ? ids.first() : QString());
}

// ---- context menu and grid ----

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    QMenu menu;
    const QPointF at = event->scenePos();
    QGraphicsItem* item = itemAt(at, QTransform());
    while (item && item->parentItem())
        item = item->parentItem();
    if (item && item->type() == NodeItem::Type) {
        if (!item->isSelected()) {
            clearSelection();
            item->setSelected(true);
        }
        menu.addAction(tr("Duplicate"), this, &GraphScene::duplicateSelection);
        menu.addAction(tr("Copy"), this, &GraphScene::copySelection);
        menu.addAction(tr("Delete"), this, &GraphScene::deleteSelection);
    } else if (item && item->type() == ConnectionItem::Type) {
        clearSelection();
        item->setSelected(true);
        menu.addAction(tr("Remove wire"), this, &GraphScene::deleteSelection);
    } else {
        QMenu* add = menu.addMenu(tr("Add layer"));
        QHash<QString, QMenu*> categories;
        for (const LayerTypeInfo& info : layerTypes()) {
            const QString category = QString::fromStdString(info.category);
            if (!categories.contains(category))
                categories.insert(category, add->addMenu(category));
            const QString type = QString::fromStdString(info.name);
            QAction* action = categories.value(category)->addAction(type, this,
                                                                    [this, type, at] { addNode(type, at); });
            action->setToolTip(QString::fromStdString(info.description));
        }
        menu.addAction(tr("Paste"), this, &GraphScene::paste);
        // In bands that fit the view the menu was opened in, as the toolbar's Auto Layout does.
        auto* view = qobject_cast<GraphView*>(event->widget() ? event->widget()->parentWidget() : nullptr);
        menu.addAction(tr("Auto layout"), this,
                       [this, view] { autoLayout(view ? view->roomAtReadableZoom() : QSizeF()); });
    }
    menu.exec(event->screenPos());
}

void GraphScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, QColor(0xf4, 0xf6, 0xf9));
    const double step = kGridSize;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QLineF> minor;
    QVector<QLineF> major;
    for (double x = left; x < rect.right(); x += step)
        (std::fmod(std::abs(x), step * 5) < 0.5 ? major : minor).append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = top; y < rect.bottom(); y += step)
        (std::fmod(std::abs(y), step * 5) < 0.5 ? major : minor).append(QLineF(rect.left(), y, rect.right(), y));
    painter->setPen(QPen(QColor(0xe3, 0xe7, 0xed), 0));
    painter->drawLines(minor);
    painter->setPen(QPen(QColor(0xd3, 0xd9, 0xe1), 0));
    painter->drawLines(major);
}

} // namespace neurite::ui
