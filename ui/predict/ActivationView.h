// A look inside the network: hidden-layer activations as small heat maps, and what each first-layer
// neuron looks for (its 784 incoming weights drawn as a 28x28 tile).
#pragma once

#include "neurite/Network.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace neurite::ui {

class ActivationView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxWeightTiles = 256;

    explicit ActivationView(QWidget* parent = nullptr);

    // Reads the first Dense layer's weights once (they only change when the model does); null clears.
    void setNetwork(const neurite::Network* network);
    // The per-layer outputs of the latest prediction (Network::activations()); hidden layers are shown.
    void setActivations(const std::vector<neurite::LayerActivation>& activations);
    void clearActivations();

    QStringList shownLayers() const;                        // ids of the hidden layers on display
    QString weightLayerId() const { return m_weightLayer; } // empty when no tiles are shown
    int weightTileCount() const { return m_tileCount; }
    const QImage& weightTiles() const { return m_tiles; }
    std::vector<float> tileActivity() const { return m_tileActivity; } // per tile, 0..1

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Where the cell of neuron `index` of a shown Dense or Conv2D layer is drawn (a channel: its first
    // cell), for tests that click it; a null point when it is not shown.
    QPoint neuronCellCentre(const QString& layerId, int index) const;

Q_SIGNALS:
    // The user clicked a cell of a Dense layer (a unit) or of a Conv2D layer (its channel), or a weight tile.
    void neuronClicked(const QString& layerId, int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Layer {
        QString id;
        QString type;
        neurite::Shape shape;
        bool neurons = false; // Dense or Conv2D: its cells can be clicked
        std::vector<float> values;
        // Where paintLayers drew it: the cells' corner, columns and cell size (a layer with a spatial shape:
        // one map per channel, `cell` apart, each a mapSide square).
        QPoint origin;
        int columns = 1;
        int cell = 1;
        int mapSide = 0; // 0: one cell per value
        bool spatial() const { return long(shape.height) * shape.width > 1; }
    };

    // The neuron under `pos`: its layer and unit or channel; false when there is none.
    bool neuronAt(const QPoint& pos, QString& layerId, int& index) const;

    void buildWeightTiles(const neurite::Network& network);
    int paintLayers(QPainter& painter, int x, int y, int width);
    int paintCells(QPainter& painter, Layer& layer, int x, int y);
    int paintMaps(QPainter& painter, Layer& layer, int x, int y, int width);
    void paintTiles(QPainter& painter, int x, int y, int width, int height);

    std::vector<Layer> m_layers;
    QString m_weightLayer;
    QImage m_tiles; // RGB32 grid of 28x28 tiles, 1 px apart
    int m_tileCount = 0;
    int m_tileColumns = 0;
    std::vector<float> m_tileActivity;
    QRectF m_tilesTarget; // where the tiles were drawn
    QString m_emptyText;
    int m_layersHeight = 0; // what the last paint needed for the layers
};

} // namespace neurite::ui
