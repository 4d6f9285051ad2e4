// Shows the exact value of the chart point nearest the mouse: a ring on the point and a label beside it.
#include "charts/ChartHoverLabel.h"

#include <QChartView>
#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QLabel>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QXYSeries>

#include <cmath>

namespace neurite::ui {

namespace {
constexpr double kRingRadius = 6.0;
constexpr int kGap = 10; // between the point and the label
} // namespace

ChartHoverLabel::ChartHoverLabel(QChartView* view, Describe describe)
    : QObject(view), m_view(view), m_describe(std::move(describe)), m_label(new QLabel(view->viewport())),
      m_ring(new QGraphicsEllipseItem(-kRingRadius, -kRingRadius, 2 * kRingRadius, 2 * kRingRadius))
{
    m_label->setObjectName(QStringLiteral("chartHoverLabel"));
    m_label->setTextFormat(Qt::PlainText);
    // The label must not take the mouse from the view, or moving onto it would count as leaving the chart.
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_label->setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 255, 255, 235); color: #202020;"
                                          " border: 1px solid #8a8a8a; border-radius: 3px; padding: 3px 6px; }"));
    m_label->hide();
    m_ring->setPen(QPen(QColor(40, 40, 40), 1.6));
    m_ring->setBrush(Qt::NoBrush);
    m_ring->setZValue(1000);
    m_ring->setVisible(false);
    m_view->scene()->addItem(m_ring);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
}

// Installed on the viewport alone, so `watched` is the viewport. The view is not asked: the viewport's last
// events (Leave, Destroy) come while the view is part way through its destructor.
bool ChartHoverLabel::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseMove: hoverAt(static_cast<QMouseEvent*>(event)->position()); break;
    case QEvent::Leave:
        m_mouseInside = false;
        hide();
        break;
    case QEvent::Resize: hide(); break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

bool ChartHoverLabel::isShown() const
{
    return !m_label->isHidden();
}

QString ChartHoverLabel::text() const
{
    return isShown() ? m_label->text() : QString();
}

void ChartHoverLabel::hide()
{
    m_label->hide();
    m_ring->setVisible(false);
    m_series = nullptr;
}

// The nearest point of each series within reach, then the best of those: markers first, then the closest.
ChartHoverLabel::Nearest ChartHoverLabel::nearestTo(QPointF chartPos) const
{
    Nearest best;
    for (QAbstractSeries* abstract : m_view->chart()->series()) {
        auto* series = qobject_cast<QXYSeries*>(abstract);
        if (!series || !series->isVisible() || series->count() == 0)
            continue;
        const Nearest candidate = nearestOf(series, chartPos);
        if (!candidate.series)
            continue;
        const bool better = !best.series || (candidate.marked && !best.marked) ||
                            (candidate.marked == best.marked && candidate.distance < best.distance);
        if (better && !m_describe(series, candidate.value).isEmpty())
            best = candidate;
    }
    return best;
}

ChartHoverLabel::Nearest ChartHoverLabel::nearestOf(const QXYSeries* series, QPointF chartPos) const
{
    QChart* chart = m_view->chart();
    auto* xy = const_cast<QXYSeries*>(series); // QChart's mapping functions take non-const series
    // Only points within reach along x are mapped to pixels: a cheap pre-filter on long curves.
    const double xLo = chart->mapToValue(chartPos - QPointF(kReach, 0), xy).x();
    const double xHi = chart->mapToValue(chartPos + QPointF(kReach, 0), xy).x();
    Nearest nearest;
    for (const QPointF& p : series->points()) {
        if (!(p.x() >= xLo && p.x() <= xHi) || !std::isfinite(p.y()))
            continue;
        const QPointF at = chart->mapToPosition(p, xy);
        const double distance = std::hypot(at.x() - chartPos.x(), at.y() - chartPos.y());
        if (distance <= kReach && (!nearest.series || distance < nearest.distance))
            nearest = {series, p, at, distance, false};
    }
    nearest.marked = qobject_cast<const QScatterSeries*>(series) || series->pointsVisible();
    return nearest;
}

void ChartHoverLabel::refresh()
{
    if (m_mouseInside)
        hoverAt(m_lastPos);
}

void ChartHoverLabel::hoverAt(QPointF viewportPos)
{
    m_lastPos = viewportPos;
    m_mouseInside = true;
    QChart* chart = m_view->chart();
    const QPointF chartPos = chart->mapFromScene(m_view->mapToScene(viewportPos.toPoint()));
    if (!chart->plotArea().adjusted(-kReach, -kReach, kReach, kReach).contains(chartPos))
        return hide();
    const Nearest nearest = nearestTo(chartPos);
    if (!nearest.series)
        return hide();
    m_series = nearest.series;
    m_point = nearest.value;
    m_label->setText(m_describe(nearest.series, nearest.value));
    const QPointF scenePos = chart->mapToScene(nearest.position);
    m_ring->setPos(scenePos);
    m_ring->setVisible(true);
    place(QPointF(m_view->mapFromScene(scenePos)));
}

// Beside the point, above and to the right, flipped to the other side where the viewport ends.
void ChartHoverLabel::place(QPointF viewportPoint)
{
    m_label->adjustSize();
    const QSize size = m_label->size();
    const QRect area = m_view->viewport()->rect();
    int x = int(viewportPoint.x()) + kGap;
    int y = int(viewportPoint.y()) - kGap - size.height();
    if (x + size.width() > area.right())
        x = int(viewportPoint.x()) - kGap - size.width();
    if (y < area.top())
        y = int(viewportPoint.y()) + kGap;
    m_label->move(std::max(area.left(), x), std::min(std::max(area.top(), y), area.bottom() - size.height()));
    m_label->show();
    m_label->raise();
}

} // namespace neurite::ui
