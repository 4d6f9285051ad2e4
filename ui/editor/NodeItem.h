// How a layer looks on the canvas: a card with its caption, output shape, parameter count and ports.
#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>
#include <QStringList>

namespace neurite::ui {

class NeuronMapsItem;
class PortItem;

// What the card shows; filled by the scene from the model and the validation report.
struct NodeLook {
    QString type;
    QString caption;      // "Dense 128 · ReLU"
    QString category;     // colours the header
    QString shapeText;    // "(128)", empty when unknown
    long parameters = -1; // -1 when unknown
    QStringList errors;   // validation errors about this layer
    QStringList warnings;
};

class NodeItem : public QGraphicsItem {
public:
    static constexpr double kWidth = 230;
    static constexpr double kHeaderHeight = 28;
    // Text sizes in scene pixels, so that the view's zoom alone says how big text looks on screen (point
    // sizes would also scale with the screen's DPI setting and came out at 7 px on a 96-DPI screen).
    static constexpr int kCaptionPixels = 15;
    static constexpr int kBodyPixels = 13; // the smallest text that must stay readable
    static constexpr int kIdPixels = 12;
    static QFont captionFont();
    static QFont bodyFont();
    enum { Type = UserType + 1 };

    NodeItem(const QString& nodeId, int inputPorts);

    const QString& nodeId() const { return m_nodeId; }
    void setLook(const NodeLook& look);
    const NodeLook& look() const { return m_look; }
    bool hasErrors() const { return !m_look.errors.isEmpty(); }
    PortItem* inputPort(int index) const;
    PortItem* outputPort() const { return m_output; }
    const QList<PortItem*>& inputPorts() const { return m_inputs; }

    // The units' heat maps under the body while a two-dimensional data set trains (PlaneInsight): the card
    // grows to hold them and shrinks back when they go, while its ports stay where they are, so that no
    // wire moves. Null when not shown.
    NeuronMapsItem* neuronMaps() const { return m_maps; }
    NeuronMapsItem* ensureNeuronMaps();
    void removeNeuronMaps();
    // Told by the maps before their height changes.
    void neuronMapsResizing() { prepareGeometryChange(); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    double bodyHeight() const; // the card without the maps: the ports are spread over it
    double height() const;
    void paintHeader(QPainter* painter, const QRectF& card) const;
    void paintBody(QPainter* painter, const QRectF& card) const;

    QString m_nodeId;
    NodeLook m_look;
    QList<PortItem*> m_inputs;
    PortItem* m_output = nullptr;
    NeuronMapsItem* m_maps = nullptr; // a child item
};

// The header colour of a palette category.
QColor categoryColor(const QString& category);

} // namespace neurite::ui
