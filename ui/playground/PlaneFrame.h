// Where the plane is drawn inside a widget: the plot's square of pixels and the part of the plane it shows,
// with the mapping both ways (x1 grows to the right, x2 upwards).
#pragma once

#include "neurite/PlaneView.h"

#include <QPointF>
#include <QRectF>

namespace neurite::ui {

struct PlaneFrame {
    QRectF plot;        // widget pixels
    PlaneBounds bounds; // plane units
    // The widget position of the plane point (x1, x2).
    QPointF toWidget(double x1, double x2) const;
    // The plane point (x1 as x(), x2 as y()) under a widget position.
    QPointF toPlane(const QPointF& widgetPos) const;
    // The widget rectangle that shows `part` of the plane (top-left at (part.x1Min, part.x2Max)).
    QRectF rectOf(const PlaneBounds& part) const;
};

} // namespace neurite::ui
