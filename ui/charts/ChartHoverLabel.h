// Shows the exact value of the chart point nearest the mouse: a ring on the point and a label beside it.
#pragma once

#include <QObject>
#include <QPointF>
#include <QString>

#include <functional>

class QChartView;
class QGraphicsEllipseItem;
class QLabel;
class QXYSeries;

namespace neurite::ui {

// QXYSeries::hovered fires only when the pointer is on a 2 px line, and a tooltip needs the pointer to rest:
// both miss most points a user aims at. This follows the mouse over the view instead and snaps to the
// nearest drawn point within kReach pixels; points drawn as markers (scatter series, series with visible
// points) win over points of plain lines, so the per-epoch values are easy to pick out of a dense batch
// curve. The chart says what a point is through `describe`; an empty text leaves that series out.
class ChartHoverLabel : public QObject {
    Q_OBJECT
public:
    static constexpr double kReach = 24.0; // pixels

    using Describe = std::function<QString(const QXYSeries* series, QPointF point)>;

    // Watches `view`'s viewport (and is owned by the view).
    ChartHoverLabel(QChartView* view, Describe describe);

    // Shows the point nearest `viewportPos` (what a mouse move there does); hides when none is in reach.
    void hoverAt(QPointF viewportPos);
    void hide();
    // Looks again under the resting mouse, for points may have come (or moved) there.
    void refresh();

    bool isShown() const;
    QString text() const;
    // The point shown, in the series' values, and its series (nullptr when hidden).
    QPointF point() const { return m_point; }
    const QXYSeries* series() const { return m_series; }
    // The label widget (a child of the viewport), for layout checks.
    const QLabel* label() const { return m_label; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Nearest {
        const QXYSeries* series = nullptr;
        QPointF value;
        QPointF position; // in chart item coordinates
        double distance = 0;
        bool marked = false;
    };
    Nearest nearestTo(QPointF chartPos) const;
    Nearest nearestOf(const QXYSeries* series, QPointF chartPos) const;
    void place(QPointF viewportPoint);

    QChartView* m_view;
    Describe m_describe;
    QLabel* m_label;
    QGraphicsEllipseItem* m_ring;
    const QXYSeries* m_series = nullptr;
    QPointF m_point;
    QPointF m_lastPos; // in viewport coordinates
    bool m_mouseInside = false;
};

} // namespace neurite::ui
