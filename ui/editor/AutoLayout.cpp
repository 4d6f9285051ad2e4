// Left-to-right placement of a design's layers: one column per depth, inputs on the left.
#include "editor/AutoLayout.h"

#include <QMap>
#include <QStringList>

namespace neurite::ui {

namespace {

// Longest-path depth by relaxation; at most one pass per layer, so a cycle cannot loop forever.
QHash<QString, int> depths(const NetworkSpec& spec)
{
    QHash<QString, int> depth;
    for (const LayerSpec& layer : spec.layers)
        depth.insert(QString::fromStdString(layer.id), 0);
    for (size_t pass = 0; pass < spec.layers.size(); ++pass) {
        bool changed = false;
        for (const Connection& c : spec.connections) {
            const QString from = QString::fromStdString(c.from);
            const QString to = QString::fromStdString(c.to);
            if (!depth.contains(from) || !depth.contains(to))
                continue;
            if (depth[to] < depth[from] + 1) {
                depth[to] = depth[from] + 1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return depth;
}

} // namespace

QHash<QString, QPointF> autoLayout(const NetworkSpec& spec)
{
    const QHash<QString, int> depth = depths(spec);
    QMap<int, QStringList> columns;
    for (const LayerSpec& layer : spec.layers) {
        const QString id = QString::fromStdString(layer.id);
        columns[depth.value(id)].append(id);
    }
    QHash<QString, QPointF> positions;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QStringList& ids = it.value();
        const double top = -0.5 * (ids.size() - 1) * kLayoutRowHeight; // centre each column on y = 0
        for (int row = 0; row < ids.size(); ++row)
            positions.insert(ids[row], QPointF(it.key() * kLayoutColumnWidth, top + row * kLayoutRowHeight));
    }
    return positions;
}

} // namespace neurite::ui
