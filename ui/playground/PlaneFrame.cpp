// The plane-to-widget mapping of the decision plane.
#include "playground/PlaneFrame.h"

namespace neurite::ui {

QPointF PlaneFrame::toWidget(double x1, double x2) const
{
    const double u = (x1 - bounds.x1Min) / (bounds.x1Max - bounds.x1Min);
    const double v = (bounds.x2Max - x2) / (bounds.x2Max - bounds.x2Min); // widget y grows downwards
    return {plot.left() + u * plot.width(), plot.top() + v * plot.height()};
}

QPointF PlaneFrame::toPlane(const QPointF& widgetPos) const
{
    const double u = (widgetPos.x() - plot.left()) / plot.width();
    const double v = (widgetPos.y() - plot.top()) / plot.height();
    return {bounds.x1Min + u * (bounds.x1Max - bounds.x1Min), bounds.x2Max - v * (bounds.x2Max - bounds.x2Min)};
}

QRectF PlaneFrame::rectOf(const PlaneBounds& part) const
{
    return QRectF(toWidget(part.x1Min, part.x2Max), toWidget(part.x1Max, part.x2Min));
}

} // namespace neurite::ui
