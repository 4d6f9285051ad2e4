// Left-to-right placement of a design's layers: one column per depth, inputs on the left, wrapped into
// bands when wider than the view.
#include "editor/AutoLayout.h"

#include <QMap>
#include <QRectF>
#include <QStringList>

#include <algorithm>
#include <cmath>

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

// The layers of each depth, in spec order.
QMap<int, QStringList> columnsByDepth(const NetworkSpec& spec)
{
    const QHash<QString, int> depth = depths(spec);
    QMap<int, QStringList> columns;
    for (const LayerSpec& layer : spec.layers) {
        const QString id = QString::fromStdString(layer.id);
        columns[depth.value(id)].append(id);
    }
    return columns;
}

// Places the columns `perBand` to a band, the first band centred on y = 0 (as a design that needs one band
// always was), each column centred in its band.
QHash<QString, QPointF> placeInBands(const QMap<int, QStringList>& columns, int columnCount, int perBand)
{
    QHash<QString, QPointF> positions;
    double centre = 0;
    int previousRows = 0;
    for (int first = 0; first < columnCount; first += perBand) {
        const int end = std::min(first + perBand, columnCount);
        int rows = 1;
        for (int c = first; c < end; ++c)
            rows = std::max(rows, int(columns.value(c).size()));
        if (first > 0)
            centre += 0.5 * (previousRows + rows) * kLayoutRowHeight + kLayoutBandGap;
        for (int c = first; c < end; ++c) {
            const QStringList ids = columns.value(c);
            const double top = centre - 0.5 * (ids.size() - 1) * kLayoutRowHeight;
            for (int row = 0; row < ids.size(); ++row)
                positions.insert(ids[row], QPointF((c - first) * kLayoutColumnWidth, top + row * kLayoutRowHeight));
        }
        previousRows = rows;
    }
    return positions;
}

// The extent of a placement: the nodes, and the swing of the wires between bands when there are several.
QSizeF extent(const QHash<QString, QPointF>& positions, bool wrapped)
{
    QRectF box;
    for (const QPointF& at : positions)
        box |= QRectF(at, QSizeF(kLayoutNodeWidth, kLayoutNodeHeight));
    return box.size() + QSizeF(wrapped ? 2 * kLayoutWireSwing : 0, 0);
}

} // namespace

QHash<QString, QPointF> autoLayout(const NetworkSpec& spec, QSizeF room)
{
    const QMap<int, QStringList> columns = columnsByDepth(spec);
    const int columnCount = columns.isEmpty() ? 0 : columns.lastKey() + 1;
    if (room.isEmpty())
        return placeInBands(columns, columnCount, std::max(columnCount, 1));
    // The fewest bands that fit the room; when none does, the fewest that fit its width (the rest is a
    // vertical scroll away, as in a page of text), or one column a band.
    QHash<QString, QPointF> widthFitting;
    for (int perBand = std::max(columnCount, 1); perBand >= 1; --perBand) {
        QHash<QString, QPointF> placed = placeInBands(columns, columnCount, perBand);
        const QSizeF size = extent(placed, perBand < columnCount);
        if (size.width() <= room.width() && size.height() <= room.height())
            return placed;
        if (size.width() <= room.width() && widthFitting.isEmpty())
            widthFitting = placed;
        if (perBand == 1 && widthFitting.isEmpty())
            widthFitting = std::move(placed);
    }
    return widthFitting;
}

} // namespace neurite::ui
