// NetworkDiagram: a depth-column layout of the layer graph, painted with QPainter into SVG or PNG.
#include "NetworkDiagram.h"

#include <neurite/Error.h>
#include <neurite/LayerRegistry.h>
#include <neurite/Validation.h>

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtMath>

namespace neurite::render {
namespace {

constexpr qreal kBoxWidth = 190;
constexpr qreal kBoxHeight = 58;
constexpr qreal kColumnGap = 56;
constexpr qreal kRowGap = 24;
constexpr qreal kMargin = 20;
constexpr qreal kArrowHead = 7;

QColor categoryColour(const QString& category)
{
    if (category == "Input")
        return QColor(0xd8, 0xf0, 0xdc);
    if (category == "Core")
        return QColor(0xd6, 0xe6, 0xfa);
    if (category == "Activations")
        return QColor(0xfd, 0xe9, 0xcf);
    if (category == "Regularisation")
        return QColor(0xe8, 0xe8, 0xe8);
    if (category == "Output")
        return QColor(0xeb, 0xdc, 0xf5);
    if (category == "Convolution")
        return QColor(0xf5, 0xd9, 0xec);
    if (category == "Merge")
        return QColor(0xef, 0xe4, 0xd0);
    return QColor(0xfa, 0xd4, 0xd4); // a type this build does not know
}

void writeAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw NeuriteError("Cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
}

} // namespace

NetworkDiagram::NetworkDiagram(const NetworkSpec& spec) : m_spec(spec)
{
    layout();
}

// Depth = longest path from a source; a design with a cycle keeps spec order for the layers on it.
void NetworkDiagram::layout()
{
    const ValidationReport report = validate(m_spec);
    std::map<std::string, int> depth;
    std::vector<std::string> order = report.order;
    for (const LayerSpec& layer : m_spec.layers)
        if (std::find(order.begin(), order.end(), layer.id) == order.end())
            order.push_back(layer.id);
    for (const std::string& id : order) {
        int d = 0;
        for (const Connection& c : m_spec.connections)
            if (c.to == id && depth.count(c.from))
                d = std::max(d, depth[c.from] + 1);
        depth[id] = d;
    }
    std::map<int, int> rowsInColumn;
    int maxRows = 0, maxDepth = 0;
    for (const std::string& id : order) {
        const LayerSpec& layer = *m_spec.find(id);
        const int column = depth[id];
        const int row = rowsInColumn[column]++;
        maxRows = std::max(maxRows, row + 1);
        maxDepth = std::max(maxDepth, column);
        Box box;
        box.topLeft = QPointF(kMargin + column * (kBoxWidth + kColumnGap), kMargin + row * (kBoxHeight + kRowGap));
        box.caption = QString::fromStdString(layerCaption(layer));
        box.detail = QString::fromStdString(layer.id);
        if (const auto it = report.layers.find(id);
            it != report.layers.end() && layerRole(layer.type) != LayerRole::Output)
            box.detail += QStringLiteral(" \u2192 ") + QString::fromStdString(it->second.outputShape.toString());
        const LayerTypeInfo* info = findLayerType(layer.type);
        box.category = info ? QString::fromStdString(info->category) : QString();
        m_boxes[id] = box;
    }
    const int columns = m_boxes.empty() ? 0 : maxDepth + 1;
    m_size = QSizeF(2 * kMargin + columns * kBoxWidth + std::max(0, columns - 1) * kColumnGap,
                    2 * kMargin + maxRows * kBoxHeight + std::max(0, maxRows - 1) * kRowGap);
}

void NetworkDiagram::paint(QPainter& painter) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Connection& c : m_spec.connections) {
        const auto from = m_boxes.find(c.from), to = m_boxes.find(c.to);
        if (from != m_boxes.end() && to != m_boxes.end())
            paintArrow(painter, from->second, to->second);
    }
    for (const auto& [id, box] : m_boxes)
        paintBox(painter, box);
}

void NetworkDiagram::paintBox(QPainter& painter, const Box& box) const
{
    const QRectF rect(box.topLeft, QSizeF(kBoxWidth, kBoxHeight));
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.2));
    painter.setBrush(categoryColour(box.category));
    painter.drawRoundedRect(rect, 8, 8);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(13);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(rect.adjusted(6, 6, -6, -kBoxHeight / 2), Qt::AlignCenter, box.caption);
    font.setBold(false);
    font.setPixelSize(11);
    painter.setFont(font);
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(rect.adjusted(6, kBoxHeight / 2, -6, -6), Qt::AlignCenter, box.detail);
}

// From the middle of the source's right edge to the middle of the target's left edge, with a head.
void NetworkDiagram::paintArrow(QPainter& painter, const Box& from, const Box& to) const
{
    const QPointF start = from.topLeft + QPointF(kBoxWidth, kBoxHeight / 2);
    const QPointF end = to.topLeft + QPointF(0, kBoxHeight / 2);
    QPainterPath path(start);
    const qreal bend = std::max<qreal>(20, (end.x() - start.x()) / 2);
    path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
    painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    QPolygonF head;
    head << end << end + QPointF(-kArrowHead * 1.4, -kArrowHead / 1.4)
         << end + QPointF(-kArrowHead * 1.4, kArrowHead / 1.4);
    painter.setBrush(QColor(0x33, 0x33, 0x33));
    painter.drawPolygon(head);
}

void NetworkDiagram::writeSvg(const QString& path) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(m_size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), m_size));
    svg.setTitle(QStringLiteral("Neurite network diagram"));
    svg.setDescription(QStringLiteral("Layers in data-flow order, with output shapes"));
    QPainter painter;
    if (!painter.begin(&svg))
        throw NeuriteError("Cannot draw the diagram for " + path.toStdString());
    paint(painter);
    painter.end();
    writeAtomically(path, buffer.data());
}

void NetworkDiagram::writePng(const QString& path, qreal scale) const
{
    QImage image((m_size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paint(painter);
    painter.end();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        throw NeuriteError("Cannot encode the diagram as PNG for " + path.toStdString());
    writeAtomically(path, buffer.data());
}

} // namespace neurite::render
