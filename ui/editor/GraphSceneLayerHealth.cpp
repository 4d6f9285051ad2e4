// The canvas's part in layer health: a coloured mark on each layer's node while a run trains and for the run
// shown (HealthMarkItem), handed in from the Train tab; the document is untouched.
#include "editor/GraphScene.h"

#include "editor/HealthMarkItem.h"
#include "editor/NodeItem.h"

namespace neurite::ui {

namespace {

HealthMarkItem* markOf(NodeItem* node)
{
    for (QGraphicsItem* child : node->childItems())
        if (child->type() == HealthMarkItem::Type)
            return static_cast<HealthMarkItem*>(child);
    return nullptr;
}

} // namespace

void GraphScene::showLayerHealth(const LayerHealthMarks& marks)
{
    m_healthMarks = marks;
    applyLayerHealth();
}

void GraphScene::applyLayerHealth()
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        HealthMarkItem* mark = markOf(it.value());
        const auto found = m_healthMarks.constFind(it.key());
        if (found == m_healthMarks.constEnd()) {
            delete mark;
            continue;
        }
        if (!mark)
            mark = new HealthMarkItem(it.value());
        mark->setMark(found.value());
    }
}

HealthMarkItem* GraphScene::healthMark(const QString& nodeId) const
{
    NodeItem* node = m_nodes.value(nodeId);
    return node ? markOf(node) : nullptr;
}

} // namespace neurite::ui
