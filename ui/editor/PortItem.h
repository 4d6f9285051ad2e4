// A node's input or output port: the round handle wires start from and end on.
#pragma once

#include <QGraphicsItem>
#include <QString>

namespace neurite::ui {

class NodeItem;

class PortItem : public QGraphicsItem {
public:
    enum class Kind { Input, Output };
    // How the port looks while a wire is dragged: ordinary, a valid target, or wireable but mis-shaped.
    enum class Highlight { None, Compatible, Mismatched };
    static constexpr double kRadius = 6.5;
    enum { Type = UserType + 2 };

    PortItem(NodeItem* node, Kind kind, int index);

    NodeItem* node() const { return m_node; }
    QString nodeId() const;
    Kind kind() const { return m_kind; }
    int index() const { return m_index; }
    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }
    void setConnected(bool connected);
    QPointF wireEnd() const { return scenePos(); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    NodeItem* m_node;
    Kind m_kind;
    int m_index;
    Highlight m_highlight = Highlight::None;
    bool m_connected = false;
    bool m_hovered = false;
};

} // namespace neurite::ui
