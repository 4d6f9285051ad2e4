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

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Layer {
        QString id;
        QString type;
        std::vector<float> values;
    };

    void buildWeightTiles(const neurite::Network& network);
    int paintLayers(QPainter& painter, int x, int y, int width);
    void paintTiles(QPainter& painter, int x, int y, int width, int height);

    std::vector<Layer> m_layers;
    QString m_weightLayer;
    QImage m_tiles; // RGB32 grid of 28x28 tiles, 1 px apart
    int m_tileCount = 0;
    int m_tileColumns = 0;
    std::vector<float> m_tileActivity;
    QString m_emptyText;
};

} // namespace neurite::ui
