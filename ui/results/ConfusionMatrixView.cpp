// A confusion-matrix heat map (rows: true class, columns: predicted); clicking a cell selects those images.
#include "results/ConfusionMatrixView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace neurite::ui {

namespace {
constexpr int kLabelSpace = 78; // left: true-class names; top: predicted-class names
constexpr int kTitleSpace = 18;
} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixView::setMatrix(const std::vector<std::vector<int>>& confusion, const QStringList& classNames)
{
    m_confusion = confusion;
    m_names = classNames;
    m_selected = {-1, -1};
    update();
}

void ConfusionMatrixView::clear()
{
    setMatrix({}, {});
}

QSize ConfusionMatrixView::sizeHint() const
{
    return {420, 420};
}

QSize ConfusionMatrixView::minimumSizeHint() const
{
    return {260, 260};
}

QRect ConfusionMatrixView::gridRect() const
{
    const int n = std::max<int>(1, int(m_confusion.size()));
    const int side = std::max(n, std::min(width() - kLabelSpace - kTitleSpace - 4,
                                          height() - kLabelSpace - kTitleSpace - 4));
    const int cell = side / n;
    return {kLabelSpace + kTitleSpace, kLabelSpace + kTitleSpace, cell * n, cell * n};
}

QRect ConfusionMatrixView::cellRect(int trueClass, int predictedClass) const
{
    const QRect grid = gridRect();
    const int cell = grid.width() / std::max<int>(1, int(m_confusion.size()));
    return {grid.left() + predictedClass * cell, grid.top() + trueClass * cell, cell, cell};
}

QPoint ConfusionMatrixView::cellAt(const QPoint& pos) const
{
    const QRect grid = gridRect();
    const int n = int(m_confusion.size());
    if (n == 0 || !grid.contains(pos))
        return {-1, -1};
    const int cell = grid.width() / n;
    return {(pos.y() - grid.top()) / cell, (pos.x() - grid.left()) / cell};
}

void ConfusionMatrixView::setSelectedCell(int trueClass, int predictedClass)
{
    m_selected = {trueClass, predictedClass};
    update();
}

QColor ConfusionMatrixView::cellColor(int t, int p) const
{
    const auto& row = m_confusion[std::size_t(t)];
    const int total = std::accumulate(row.begin(), row.end(), 0);
    const double share = total ? double(row[std::size_t(p)]) / total : 0.0;
    // Mistakes rarely pass a few percent of a row: stretch them so they stand out.
    const double strength = t == p ? share : std::min(1.0, share * 5.0);
    const QColor hot = t == p ? QColor(31, 119, 180) : QColor(214, 39, 40);
    const auto mix = [&](int c) { return int(255 + (c - 255) * strength); };
    return {mix(hot.red()), mix(hot.green()), mix(hot.blue())};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int n = int(m_confusion.size());
    if (n == 0) {
        painter.drawText(rect(), Qt::AlignCenter, tr("Train a model to see its confusion matrix."));
        return;
    }
    const QRect grid = gridRect();
    const int cell = grid.width() / n;
    QFont font = painter.font();
    font.setPointSizeF(std::clamp(cell / 4.0, 6.0, font.pointSizeF()));
    painter.setFont(font);
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) {
            const QRect r = cellRect(t, p);
            const QColor color = cellColor(t, p);
            painter.fillRect(r, color);
            painter.setPen(color.lightness() < 140 ? Qt::white : Qt::black);
            const int count = m_confusion[std::size_t(t)][std::size_t(p)];
            if (count)
                painter.drawText(r, Qt::AlignCenter, QString::number(count));
        }
    painter.setPen(QColor(200, 200, 200));
    painter.drawRect(grid.adjusted(0, 0, -1, -1));
    if (m_selected.x() >= 0 && m_selected.x() < n && m_selected.y() < n) {
        painter.setPen(QPen(Qt::black, 2.5));
        painter.drawRect(cellRect(m_selected.x(), m_selected.y()).adjusted(1, 1, -1, -1));
    }

    painter.setPen(palette().color(QPalette::WindowText));
    for (int i = 0; i < n; ++i) {
        const QString name = i < m_names.size() ? m_names[i] : QString::number(i);
        const QRect row = cellRect(i, 0);
        painter.drawText(QRect(kTitleSpace, row.top(), kLabelSpace - 4, row.height()),
                         Qt::AlignRight | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(name, Qt::ElideRight, kLabelSpace - 6));
        // Column names run upwards so long names (Fashion-MNIST's) fit.
        const QRect column = cellRect(0, i);
        painter.save();
        painter.translate(column.center().x(), grid.top() - 4);
        painter.rotate(-90);
        painter.drawText(QRect(0, -column.width() / 2, kLabelSpace - 4, column.width()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(name, Qt::ElideRight, kLabelSpace - 6));
        painter.restore();
    }
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(grid.left(), 0, grid.width(), kTitleSpace), Qt::AlignCenter, tr("predicted"));
    painter.save();
    painter.translate(0, grid.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-grid.height() / 2, 0, grid.height(), kTitleSpace), Qt::AlignCenter, tr("true class"));
    painter.restore();
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() < 0)
        return;
    setSelectedCell(cell.x(), cell.y());
    Q_EMIT cellClicked(cell.x(), cell.y());
}

void ConfusionMatrixView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() < 0) {
        QToolTip::hideText();
        return;
    }
    const auto& row = m_confusion[std::size_t(cell.x())];
    const int total = std::accumulate(row.begin(), row.end(), 0);
    const int count = row[std::size_t(cell.y())];
    const auto name = [this](int i) { return i < m_names.size() ? m_names[i] : QString::number(i); };
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("true %1, predicted %2: %3 images (%4% of %1)")
                           .arg(name(cell.x()), name(cell.y()))
                           .arg(count)
                           .arg(total ? 100.0 * count / total : 0.0, 0, 'f', 1),
                       this);
}

} // namespace neurite::ui
