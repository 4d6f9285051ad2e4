// ActivationView: heat-map grids per hidden layer (a feature map per channel for convolutions and pooling) and
// the first layer's weight tiles, lit by activity.
#include "predict/ActivationView.h"

#include "predict/ActivationColours.h"

#include <neurite/LayerRegistry.h>

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace neurite::ui {

namespace {

constexpr int kMargin = 8;
constexpr int kCell = 11; // one neuron in a layer's heat map
constexpr int kLayerColumns = 16;
constexpr int kMapSide = 40; // about this many pixels for a channel's feature map
constexpr int kMapGap = 3;
constexpr int kTilePitch = 29; // 28 px tile + 1 px gap, in m_tiles pixels
constexpr int kSide = 28;
constexpr int kTileRangePercentile = 99;

// Activations and dropout keep the values of the layer before them in shape: they add no view of their own.
bool isElementwiseType(const std::string& type)
{
    const neurite::LayerTypeInfo* info = neurite::findLayerType(type);
    return info && info->elementwise;
}

bool isIdentityAtInference(const std::string& type)
{
    const neurite::LayerTypeInfo* info = neurite::findLayerType(type);
    return info && info->identityAtInference;
}

bool isHiddenType(const std::string& type)
{
    return neurite::layerRole(type) == neurite::LayerRole::Hidden;
}

float maxAbs(const std::vector<float>& values)
{
    float m = 0;
    for (float v : values)
        m = std::max(m, std::abs(v));
    return m;
}

} // namespace

ActivationView::ActivationView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_emptyText = tr("No model");
    setMouseTracking(true); // the pointing hand over cells that open the neuron view
}

void ActivationView::setNetwork(const neurite::Network* network)
{
    m_layers.clear();
    m_tiles = QImage();
    m_tileCount = 0;
    m_weightLayer.clear();
    m_tileActivity.clear();
    m_emptyText = network ? tr("Draw a digit or open an image to see inside the network") : tr("No model");
    if (network)
        buildWeightTiles(*network);
    updateGeometry();
    update();
}

namespace {

// True when layer `id` reads the Input's pixels as they are: directly, or through Flatten or Dropout only.
// (A Dense after convolutions may have 784 inputs too, 16 x 7 x 7 of them, which are no pixels.)
bool readsThePixels(const neurite::NetworkSpec& spec, std::string id)
{
    for (std::size_t hops = 0; hops <= spec.layers.size(); ++hops) {
        const auto wire = std::find_if(spec.connections.begin(), spec.connections.end(),
                                       [&](const neurite::Connection& c) { return c.to == id; });
        const neurite::LayerSpec* from = wire == spec.connections.end() ? nullptr : spec.find(wire->from);
        if (!from || (from->type != "Input" && from->type != "Flatten" && from->type != "Dropout"))
            return false;
        if (from->type == "Input")
            return true;
        id = from->id;
    }
    return false;
}

} // namespace

// Tiles exist for a first Dense layer that reads the 784 pixels of a 28x28 input directly.
void ActivationView::buildWeightTiles(const neurite::Network& network)
{
    if (network.inputShape().size() != kSide * kSide)
        return;
    const auto& layers = network.spec().layers;
    const auto dense = std::find_if(layers.begin(), layers.end(), [](const auto& l) {
        const neurite::LayerTypeInfo* info = neurite::findLayerType(l.type);
        return info && info->unitWeights;
    });
    if (dense == layers.end() || !readsThePixels(network.spec(), dense->id))
        return;
    const neurite::Weights weights = network.weights();
    const auto w = std::find_if(weights.begin(), weights.end(),
                                [&](const neurite::NamedTensor& t) { return t.name == dense->id + ".weight"; });
    if (w == weights.end() || w->rows != kSide * kSide || w->cols <= 0)
        return;

    const int units = w->cols; // w: (784, units), row-major
    m_tileCount = std::min(units, kMaxWeightTiles);
    m_tileColumns = std::min(m_tileCount, units > 64 ? 16 : 8);
    const int rows = (m_tileCount + m_tileColumns - 1) / m_tileColumns;
    m_tiles = QImage(m_tileColumns * kTilePitch + 1, rows * kTilePitch + 1, QImage::Format_RGB32);
    m_tiles.fill(palette().window().color());
    std::vector<float> magnitudes(kSide * kSide);
    for (int unit = 0; unit < m_tileCount; ++unit) {
        // Each tile uses its own range (a high percentile, so one outlier does not wash the tile out), so
        // weak neurons still show their pattern. Pixels that are blank in every MNIST image never learn and
        // keep their random initial values: an MLP's tiles are honestly noisy at the border.
        for (int p = 0; p < kSide * kSide; ++p)
            magnitudes[std::size_t(p)] = std::abs(w->values[std::size_t(p) * units + unit]);
        const auto high = magnitudes.begin() + kTileRangePercentile * (kSide * kSide - 1) / 100;
        std::nth_element(magnitudes.begin(), high, magnitudes.end());
        const float scale = *high;
        const int left = 1 + (unit % m_tileColumns) * kTilePitch, top = 1 + (unit / m_tileColumns) * kTilePitch;
        for (int p = 0; p < kSide * kSide; ++p) {
            const float v = scale > 0 ? std::clamp(w->values[std::size_t(p) * units + unit] / scale, -1.0f, 1.0f) : 0;
            m_tiles.setPixelColor(left + p % kSide, top + p / kSide, activationDivergingColour(v));
        }
    }
    m_weightLayer = QString::fromStdString(dense->id);
}

void ActivationView::setActivations(const std::vector<neurite::LayerActivation>& activations)
{
    std::vector<Layer> layers;
    for (const auto& a : activations)
        if (isHiddenType(a.type) && !isIdentityAtInference(a.type)) {
            const neurite::LayerTypeInfo* info = neurite::findLayerType(a.type);
            const bool neurons = info && (info->unitWeights || info->channelWeights);
            layers.push_back(
                {QString::fromStdString(a.layerId), QString::fromStdString(a.type), a.shape, neurons, a.values});
        }
    // The class scores at the end are what the bar chart shows: drop them (and their softmax).
    while (!layers.empty() && isElementwiseType(layers.back().type.toStdString()))
        layers.pop_back();
    if (!layers.empty())
        layers.pop_back();
    m_layers = std::move(layers);

    // A tile lights up with its neuron's output after its activation function.
    m_tileActivity.assign(std::size_t(m_tileCount), 0.0f);
    for (std::size_t i = 0; i < activations.size(); ++i) {
        if (QString::fromStdString(activations[i].layerId) != m_weightLayer)
            continue;
        std::size_t j = i;
        while (j + 1 < activations.size() && isElementwiseType(activations[j + 1].type) &&
               activations[j + 1].values.size() == activations[i].values.size())
            ++j;
        const std::vector<float>& out = activations[j].values;
        const float top = maxAbs(out);
        for (int t = 0; t < m_tileCount && std::size_t(t) < out.size(); ++t)
            m_tileActivity[std::size_t(t)] = top > 0 ? std::max(0.0f, out[std::size_t(t)] / top) : 0.0f;
        break;
    }
    update();
}

void ActivationView::clearActivations()
{
    m_layers.clear();
    m_tileActivity.clear();
    update();
}

QStringList ActivationView::shownLayers() const
{
    QStringList ids;
    for (const Layer& layer : m_layers)
        ids << layer.id;
    return ids;
}

QSize ActivationView::sizeHint() const
{
    const int tilesWidth = m_tiles.isNull() ? 0 : m_tiles.width() + 2 * kMargin;
    const int tilesHeight = m_tiles.isNull() ? 0 : m_tiles.height() + 3 * kMargin + fontMetrics().height();
    return {kLayerColumns * kCell + 3 * kMargin + tilesWidth + 60,
            std::max({220, tilesHeight + kMargin, m_layersHeight})};
}

// Room for the weight tiles at their natural size (one screen pixel per weight), so they stay readable.
QSize ActivationView::minimumSizeHint() const
{
    if (m_tiles.isNull())
        return {300, std::max(160, m_layersHeight)};
    return {300, std::max(m_layersHeight, m_tiles.height() + fontMetrics().height() + 4 + 2 * kMargin)};
}

void ActivationView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const int layersWidth = kLayerColumns * kCell + 2 * kMargin + 40;
    if (m_layers.empty() && m_tiles.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_emptyText);
        return;
    }
    // Without weight tiles (a first layer that is no Dense one) the layers take the whole width.
    const int used = paintLayers(painter, kMargin, kMargin, (m_tiles.isNull() ? width() : layersWidth) - 2 * kMargin);
    // The layers' height depends on the width the maps wrap in: known here, asked for by the next layout (the
    // scroll area around the view then scrolls to the last layer).
    if (used + 2 * kMargin != m_layersHeight) {
        m_layersHeight = used + 2 * kMargin;
        updateGeometry();
    }
    if (!m_tiles.isNull())
        paintTiles(painter, layersWidth + kMargin, kMargin, width() - layersWidth - 2 * kMargin,
                   height() - 2 * kMargin);
}

// Each hidden layer as a grid of cells, one per neuron; returns the height used.
int ActivationView::paintLayers(QPainter& painter, int x, int y, int width)
{
    const int top = y;
    const int line = fontMetrics().height();
    painter.setPen(palette().color(QPalette::WindowText));
    if (m_layers.empty()) {
        painter.drawText(QRect(x, y, width, 3 * line), Qt::TextWordWrap,
                         m_tileActivity.empty() ? m_emptyText : tr("No hidden layers"));
        return 3 * line;
    }
    for (Layer& layer : m_layers) {
        const long active = std::count_if(layer.values.begin(), layer.values.end(), [](float v) { return v > 0; });
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                         layer.spatial()
                             ? tr("%1 · %2 maps of %3×%4 · %5 active of %6")
                                   .arg(layer.id)
                                   .arg(layer.shape.channels)
                                   .arg(layer.shape.height)
                                   .arg(layer.shape.width)
                                   .arg(active)
                                   .arg(layer.values.size())
                             : tr("%1 · %2 active of %3").arg(layer.id).arg(active).arg(layer.values.size()));
        y += line + 2;
        y += (layer.spatial() ? paintMaps(painter, layer, x, y, width) : paintCells(painter, layer, x, y)) + kMargin;
    }
    return y - top;
}

// A flat layer: a grid of cells, one per value, on one scale for the layer.
int ActivationView::paintCells(QPainter& painter, Layer& layer, int x, int y)
{
    const int n = int(layer.values.size());
    const float scale = maxAbs(layer.values);
    const bool signedValues = std::any_of(layer.values.begin(), layer.values.end(), [](float v) { return v < 0; });
    const int columns = std::min(n, n > 4 * kLayerColumns * kLayerColumns ? 2 * kLayerColumns : kLayerColumns);
    const int cell = columns > kLayerColumns ? kCell / 2 : kCell;
    layer.origin = QPoint(x, y);
    layer.columns = std::max(1, columns);
    layer.cell = cell;
    layer.mapSide = 0;
    for (int i = 0; i < n; ++i) {
        const double v = scale > 0 ? layer.values[std::size_t(i)] / scale : 0;
        painter.fillRect(x + (i % columns) * cell, y + (i / columns) * cell, cell - 1, cell - 1,
                         signedValues ? activationDivergingColour(v) : activationHeatColour(v));
    }
    return ((n + layer.columns - 1) / layer.columns) * cell;
}

// A convolution's or pooling's output: each channel's feature map as a small picture (values are channel-major:
// channel c is the c-th block of height * width), side by side, on one scale for the layer so that strong and
// weak channels compare. A few hundred tiny cells in a row said nothing of the maps' shapes.
int ActivationView::paintMaps(QPainter& painter, Layer& layer, int x, int y, int width)
{
    const int h = layer.shape.height, w = layer.shape.width, channels = layer.shape.channels;
    const int scale = std::max(1, (kMapSide + std::max(h, w) / 2) / std::max(h, w)); // whole pixels per value
    layer.mapSide = std::max(h, w) * scale;
    layer.cell = layer.mapSide + kMapGap;
    layer.columns = std::max(1, std::min(channels, (width + kMapGap) / layer.cell));
    layer.origin = QPoint(x, y);
    const float top = maxAbs(layer.values);
    const bool signedValues = std::any_of(layer.values.begin(), layer.values.end(), [](float v) { return v < 0; });
    QImage map(w, h, QImage::Format_RGB32);
    for (int c = 0; c < channels; ++c) {
        const float* values = layer.values.data() + std::size_t(c) * std::size_t(h) * std::size_t(w);
        for (int p = 0; p < h * w; ++p) {
            const double v = top > 0 ? values[p] / top : 0;
            map.setPixelColor(p % w, p / w, signedValues ? activationDivergingColour(v) : activationHeatColour(v));
        }
        const QRect target(x + (c % layer.columns) * layer.cell, y + (c / layer.columns) * layer.cell, w * scale,
                           h * scale);
        painter.drawImage(target, map); // nearest neighbour: whole pixels per value stay sharp
    }
    return ((channels + layer.columns - 1) / layer.columns) * layer.cell;
}

// The weight tiles scaled to fit, silent neurons dimmed and firing ones framed.
void ActivationView::paintTiles(QPainter& painter, int x, int y, int width, int height)
{
    const int line = fontMetrics().height();
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(
        QRect(x, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
        tr("What each %1 neuron looks for: its weights on the 28×28 input (red +, blue −)").arg(m_weightLayer));
    y += line + 4;
    height -= line + 4;
    const double scale = std::min(double(width) / m_tiles.width(), double(height) / m_tiles.height());
    if (scale <= 0)
        return;
    const QRectF target(x, y, m_tiles.width() * scale, m_tiles.height() * scale);
    m_tilesTarget = target;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale < 1);
    painter.drawImage(target, m_tiles);
    if (m_tileActivity.empty())
        return;
    const double pitch = kTilePitch * scale;
    for (int t = 0; t < m_tileCount; ++t) {
        const QRectF tile(target.left() + (1 + (t % m_tileColumns) * kTilePitch) * scale,
                          target.top() + (1 + (t / m_tileColumns) * kTilePitch) * scale, pitch - scale, pitch - scale);
        const float a = m_tileActivity[std::size_t(t)];
        // Silent neurons fade into the background; firing ones stay vivid and get a frame.
        QColor veil = palette().window().color();
        veil.setAlpha(int(190 * (1 - a)));
        painter.fillRect(tile, veil);
        if (a > 0.05f) {
            painter.setPen(QPen(QColor(236, 108, 44, int(80 + 175 * a)), 1.0 + 1.5 * a));
            painter.drawRect(tile.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
}

bool ActivationView::neuronAt(const QPoint& pos, QString& layerId, int& index) const
{
    for (const Layer& layer : m_layers) {
        const QPoint at = pos - layer.origin;
        // A flat layer's cells are its values; a spatial layer's pictures its channels.
        const int n = layer.mapSide > 0 ? layer.shape.channels : int(layer.values.size());
        const int rows = (n + layer.columns - 1) / layer.columns;
        if (!layer.neurons || at.x() < 0 || at.y() < 0 || at.x() >= layer.columns * layer.cell ||
            at.y() >= rows * layer.cell)
            continue;
        const int i = (at.y() / layer.cell) * layer.columns + at.x() / layer.cell;
        if (i >= n ||
            (layer.mapSide > 0 && (at.x() % layer.cell >= layer.mapSide || at.y() % layer.cell >= layer.mapSide)))
            return false; // past the last, or in the gap between two maps
        layerId = layer.id;
        index = i;
        return true;
    }
    if (m_tileCount > 0 && m_tilesTarget.contains(pos)) {
        const double pitch = kTilePitch * m_tilesTarget.width() / m_tiles.width();
        const int column = int((pos.x() - m_tilesTarget.left()) / pitch);
        const int tile = int((pos.y() - m_tilesTarget.top()) / pitch) * m_tileColumns + column;
        if (column < m_tileColumns && tile < m_tileCount) {
            layerId = m_weightLayer;
            index = tile;
            return true;
        }
    }
    return false;
}

void ActivationView::mousePressEvent(QMouseEvent* event)
{
    QString layerId;
    int index = 0;
    if (event->button() == Qt::LeftButton && neuronAt(event->position().toPoint(), layerId, index))
        Q_EMIT neuronClicked(layerId, index);
    QWidget::mousePressEvent(event);
}

// A pointing hand over what can be clicked: the cells of Dense and Conv2D layers and the weight tiles.
void ActivationView::mouseMoveEvent(QMouseEvent* event)
{
    QString layerId;
    int index = 0;
    const bool over = neuronAt(event->position().toPoint(), layerId, index);
    setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(over ? tr("%1 · %2: click to see what it has learned").arg(layerId).arg(index) : QString());
    QWidget::mouseMoveEvent(event);
}

QPoint ActivationView::neuronCellCentre(const QString& layerId, int index) const
{
    for (const Layer& layer : m_layers) {
        if (layer.id != layerId || !layer.neurons)
            continue;
        const int middle = layer.mapSide > 0 ? layer.mapSide / 2 : layer.cell / 2;
        return layer.origin +
               QPoint((index % layer.columns) * layer.cell + middle, (index / layer.columns) * layer.cell + middle);
    }
    return {};
}

} // namespace neurite::ui
