// What a network training on a two-dimensional data set shows on its design, as TensorFlow Playground does:
// each layer's units as small heat maps over the plane on their node, and each Dense layer's weights as
// lines between its source's maps and its own. Only pictures over the scene: no model change, nothing
// undoable, nothing that marks the document modified.
#pragma once

#include "editor/GraphModel.h"

#include <neurite/Weights.h>

#include <QHash>
#include <QObject>
#include <QStringList>
#include <memory>

namespace neurite {
struct NeuronMaps;
struct PlaneGrid;
} // namespace neurite

namespace neurite::ui {

class GraphScene;
class ProjectDocument;
class WeightLinesItem;

class PlaneInsight : public QObject {
    Q_OBJECT
public:
    // At most 32 x 32 lines between two nodes: beyond that they are a felt that shows no single weight.
    static constexpr int kMaxLines = 32 * 32;

    PlaneInsight(GraphScene* scene, ProjectDocument* document);
    ~PlaneInsight() override;

    // Called several times a second while training runs: updates the maps' images and the lines' pens in
    // place (the cards only grow when a layer's number of maps changes). `weights` may be null (no lines).
    void show(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights);
    void clear();
    bool isShown() const { return m_grid != nullptr; }
    // The lines drawn for wire `c`, or null.
    WeightLinesItem* weightLines(const ConnectionId& c) const { return m_lines.value(c); }
    // Keeps the lines that end at node `id` attached while it is dragged.
    void nodeMoved(const QString& id);

private:
    void apply();
    void applyMaps();
    void applyLines();
    const NeuronMaps* shownMaps(const QString& id) const;
    QStringList unitNames(const QString& id, int units) const;
    const NamedTensor* unitWeights(const ConnectionId& c, int inputs, int units) const;
    void anchor(const ConnectionId& c, WeightLinesItem* lines) const;

    GraphScene* m_scene;
    ProjectDocument* m_document;
    std::shared_ptr<const PlaneGrid> m_grid;
    std::shared_ptr<const Weights> m_weights;
    QHash<ConnectionId, WeightLinesItem*> m_lines; // scene items this object owns
};

} // namespace neurite::ui
