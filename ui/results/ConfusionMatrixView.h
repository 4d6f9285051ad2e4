// A confusion-matrix heat map (rows: true class, columns: predicted); clicking a cell selects those images.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

namespace neurite::ui {

// Cells are shaded by the share of their row (so rare classes read as clearly as common ones) and show
// the count. The diagonal is blue, mistakes are red.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setMatrix(const std::vector<std::vector<int>>& confusion, const QStringList& classNames);
    void clear();
    const std::vector<std::vector<int>>& matrix() const { return m_confusion; }
    // The cell under `pos` as (true, predicted), or (-1, -1).
    QPoint cellAt(const QPoint& pos) const;
    QRect cellRect(int trueClass, int predictedClass) const;
    void setSelectedCell(int trueClass, int predictedClass);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int trueClass, int predictedClass);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect gridRect() const;
    QColor cellColor(int trueClass, int predictedClass) const;

    std::vector<std::vector<int>> m_confusion;
    QStringList m_names;
    QPoint m_selected{-1, -1};
};

} // namespace neurite::ui
