// What a network training on a two-dimensional data set shows on its design: each layer's units as small
// heat maps on their node, and each Dense layer's weights as lines between its source's maps and its own.
#include "editor/PlaneInsight.h"

#include "editor/GraphScene.h"
#include "editor/NeuronMapsItem.h"
#include "editor/NodeItem.h"
#include "editor/WeightLinesItem.h"
#include "document/ProjectDocument.h"

#include <neurite/LayerRegistry.h>
#include <neurite/PlaneFeatures.h>
#include <neurite/PlaneView.h>

#include <QSet>

namespace neurite::ui {

namespace {
// "x₁²" for the plane feature whose column is "x1^2"; any other column by its name.
QString featureLabel(const std::string& column)
{
    for (const PlaneFeatureInfo& info : planeFeatures())
        if (column == info.column)
            return QString::fromUtf8(info.label);
    return QString::fromStdString(column);
}
} // namespace

PlaneInsight::PlaneInsight(GraphScene* scene, ProjectDocument* document) : m_scene(scene), m_document(document)
{
    // The document revalidates on every change of the design, before the scene and this object hear of it:
    // by then the layers' shapes say which maps still fit.
    connect(document, &ProjectDocument::validationChanged, this, [this] {
        if (isShown())
            apply();
    });
    // Another design was opened: the maps were of the one before.
    connect(document->model(), &GraphModel::modelReset, this, &PlaneInsight::clear);
}

PlaneInsight::~PlaneInsight()
{
    qDeleteAll(m_lines);
}

void PlaneInsight::show(std::shared_ptr<const PlaneGrid> grid, std::shared_ptr<const Weights> weights)
{
    m_grid = std::move(grid);
    m_weights = std::move(weights);
    apply();
}

void PlaneInsight::clear()
{
    m_grid.reset();
    m_weights.reset();
    apply();
}

void PlaneInsight::apply()
{
    applyMaps();
    applyLines();
}

void PlaneInsight::applyMaps()
{
    for (const QString& id : m_document->model()->nodeIds()) {
        NodeItem* item = m_scene->nodeItem(id);
        if (!item)
            continue;
        const NeuronMaps* maps = shownMaps(id);
        if (maps)
            item->ensureNeuronMaps()->setMaps(*maps, m_grid->neuronResolution, unitNames(id, maps->units));
        if (!maps || item->neuronMaps()->units() == 0)
            item->removeNeuronMaps();
    }
}

// The grid's maps of layer `id`, when they are as many as the layer's outputs now (a layer edited since
// the grid was computed shows none until the next one).
const NeuronMaps* PlaneInsight::shownMaps(const QString& id) const
{
    if (!m_grid || m_grid->neuronResolution <= 0)
        return nullptr;
    const ValidationReport& report = m_document->validation();
    const auto facts = report.layers.find(id.toStdString());
    if (facts == report.layers.end())
        return nullptr;
    for (const NeuronMaps& maps : m_grid->neurons)
        if (maps.layerId == id.toStdString())
            return maps.units == facts->second.outputShape.size() ? &maps : nullptr;
    return nullptr;
}

// The Input's units are the data set's features ("x₁²"), the Output's its classes; the others are numbered.
QStringList PlaneInsight::unitNames(const QString& id, int units) const
{
    QStringList names;
    const LayerRole role = layerRole(m_document->model()->node(id).type.toStdString());
    if (role == LayerRole::Output && int(m_document->classNames().size()) == units) {
        for (const std::string& name : m_document->classNames())
            names.append(QString::fromStdString(name));
    } else if (role == LayerRole::Input && m_document->dataSchema()) {
        for (const ColumnEncoding& column : m_document->dataSchema()->columns) {
            if (column.role == ColumnRole::Categorical)
                return {}; // one-hot columns: the units are not the columns
            if (column.role == ColumnRole::Numeric)
                names.append(featureLabel(column.name));
        }
    }
    return names.size() == units ? names : QStringList();
}

// A wire gets lines when both its ends show maps and it feeds a layer with one weight column per unit
// (Dense) whose weight matrix is (the source's units, its units).
void PlaneInsight::applyLines()
{
    QSet<ConnectionId> drawn;
    for (const ConnectionId& c : m_document->model()->connections()) {
        NodeItem* from = m_scene->nodeItem(c.from);
        NodeItem* to = m_scene->nodeItem(c.to);
        if (!from || !to || !from->neuronMaps() || !to->neuronMaps())
            continue;
        const int inputs = from->neuronMaps()->units();
        const int units = to->neuronMaps()->units();
        const NamedTensor* weight = unitWeights(c, inputs, units);
        if (!weight)
            continue;
        WeightLinesItem*& lines = m_lines[c];
        if (!lines) {
            lines = new WeightLinesItem;
            m_scene->addItem(lines);
        }
        lines->setWeights(weight->values, inputs, units);
        anchor(c, lines);
        drawn.insert(c);
    }
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        if (drawn.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_lines.erase(it);
    }
}

const NamedTensor* PlaneInsight::unitWeights(const ConnectionId& c, int inputs, int units) const
{
    const LayerTypeInfo* info = findLayerType(m_document->model()->node(c.to).type.toStdString());
    if (!m_weights || !info || !info->unitWeights || long(inputs) * units > kMaxLines)
        return nullptr;
    const std::string name = c.to.toStdString() + ".weight";
    for (const NamedTensor& tensor : *m_weights)
        if (tensor.name == name)
            return tensor.rows == inputs && tensor.cols == units && long(tensor.values.size()) == long(inputs) * units
                       ? &tensor
                       : nullptr;
    return nullptr;
}

void PlaneInsight::anchor(const ConnectionId& c, WeightLinesItem* lines) const
{
    const NodeItem* fromNode = m_scene->nodeItem(c.from);
    const NodeItem* toNode = m_scene->nodeItem(c.to);
    const NeuronMapsItem* from = fromNode ? fromNode->neuronMaps() : nullptr;
    const NeuronMapsItem* to = toNode ? toNode->neuronMaps() : nullptr;
    if (!from || !to)
        return;
    QVector<QPointF> starts, ends;
    for (int i = 0; i < from->units(); ++i)
        starts.append(from->anchorBelow(i));
    for (int j = 0; j < to->units(); ++j)
        ends.append(to->anchorBelow(j));
    lines->setAnchors(starts, ends);
}

void PlaneInsight::nodeMoved(const QString& id)
{
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it)
        if (it.key().from == id || it.key().to == id)
            anchor(it.key(), it.value());
}

} // namespace neurite::ui
