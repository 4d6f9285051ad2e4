// A wire on the canvas: a curve from an output port to an input port, red when the layer it feeds has an
// error.
#pragma once

#include "editor/GraphModel.h"

#include <QGraphicsPathItem>

namespace neurite::ui {

class ConnectionItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 3 };

    // `connection` is empty for the temporary wire that follows the mouse during a drag.
    explicit ConnectionItem(const ConnectionId& connection = {});

    const ConnectionId& connection() const { return m_connection; }
    void setEnds(QPointF from, QPointF to);
    // A non-empty reason marks the wire as invalid (red pen, reason in the tooltip).
    void setProblem(const QString& reason);
    bool hasProblem() const { return !m_problem.isEmpty(); }
    void setDragging(bool dragging);

    static QColor normalColor() { return QColor(0x7a, 0x86, 0x9a); }
    static QColor problemColor() { return QColor(0xd9, 0x30, 0x25); }

    int type() const override { return Type; }
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void updatePen(); // pen() is what paint() draws with: grey, red for a problem, blue when selected

    ConnectionId m_connection;
    QString m_problem;
    bool m_dragging = false;
};

} // namespace neurite::ui
