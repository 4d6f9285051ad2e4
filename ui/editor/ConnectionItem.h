// A wire on the canvas: a curve from an output port to an input port, red when validation flags it.
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
    // A non-empty reason marks the wire as invalid (red, reason in the tooltip).
    void setProblem(const QString& reason);
    bool hasProblem() const { return !m_problem.isEmpty(); }
    void setDragging(bool dragging);

    int type() const override { return Type; }
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    ConnectionId m_connection;
    QString m_problem;
    bool m_dragging = false;
};

} // namespace neurite::ui
