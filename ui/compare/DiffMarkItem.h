// What a layer's card says in the design diff: a coloured frame around the card (green added, red removed,
// amber changed) and a badge with +, − or ~ over its top-left corner; a child of the NodeItem.
#pragma once

#include <QColor>
#include <QGraphicsItem>

namespace neurite::ui {

enum class DiffStatus { Same, Added, Removed, Changed };

QColor diffColor(DiffStatus status);
// "added", "removed", "changed", "unchanged".
QString diffStatusName(DiffStatus status);

class DiffMarkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 21 };

    // `card`: the node's rectangle in its own coordinates.
    DiffMarkItem(QGraphicsItem* node, DiffStatus status, const QRectF& card);

    DiffStatus status() const { return m_status; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    DiffStatus m_status;
    QRectF m_card;
};

} // namespace neurite::ui
