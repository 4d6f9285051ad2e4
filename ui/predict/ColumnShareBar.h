// Beside a table form's field: how much that column pushes the explained class (or the predicted value) up
// (a red bar to the right) or down (a blue bar to the left), with the figure, on one scale for all columns.
#pragma once

#include <QWidget>

namespace neurite::ui {

class ColumnShareBar : public QWidget {
    Q_OBJECT
public:
    explicit ColumnShareBar(QWidget* parent = nullptr);

    // value: the column's attribution; scale: the largest |value| of the row's columns (the full half-width).
    void setShare(float value, float scale);
    float share() const { return m_value; }
    // The bar's length as a fraction of its half-width, in [0, 1].
    double fraction() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    float m_value = 0;
    float m_scale = 0;
};

} // namespace neurite::ui
