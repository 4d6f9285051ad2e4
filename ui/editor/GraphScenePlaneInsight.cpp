// The canvas's part in showing a network training on a two-dimensional data set: the neurons' heat maps and
// the weights' lines (PlaneInsight), and no node tooltip over a heat map.
#include "editor/GraphScene.h"

#include "editor/NeuronMapsItem.h"
#include "editor/PlaneInsight.h"

#include <QGraphicsSceneHelpEvent>

namespace neurite::ui {

void GraphScene::showPlaneInsight(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights)
{
    m_insight->show(std::move(grid), std::move(weights));
}

void GraphScene::clearPlaneInsight()
{
    m_insight->clear();
}

// Over a heat map, the enlarged map it shows says more than the node's tooltip, which would cover it.
void GraphScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    const QList<QGraphicsItem*> under = items(event->scenePos());
    if (!under.isEmpty() && under.first()->type() == NeuronMapsItem::Type)
        return;
    QGraphicsScene::helpEvent(event);
}

} // namespace neurite::ui
