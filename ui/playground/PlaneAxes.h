// The decision plane's axes: round-numbered ticks along the bottom (x1) and the left (x2) of the plot, their
// numbers, and the two axes' names.
#pragma once

#include "playground/PlaneFrame.h"

#include <QMargins>
#include <QString>

#include <vector>

class QFontMetrics;
class QPalette;
class QPainter;

namespace neurite::ui {

struct PlaneTicks {
    std::vector<double> values; // within [min, max], multiples of the step
    int decimals = 0;           // enough to tell neighbouring ticks apart
};

// Ticks at a step of 1, 2 or 5 times a power of ten, at most `maxCount` of them (at least 2 when possible).
PlaneTicks planeTicks(double min, double max, int maxCount);

// "−2.5": a tick's number with a real minus sign, never "−0".
QString tickText(double value, int decimals);

// The room around the plot that the axes need: ticks, numbers and names at the left and the bottom, half a
// number at the right for the last tick's number. `ticksX2` are the left axis's ticks.
QMargins planeAxesMargins(const QFontMetrics& metrics, const PlaneTicks& ticksX2);

// Draws the plot's frame, the ticks, their numbers and the axes' names with the painter's font, in the
// palette's text colour (light or dark themes alike).
void paintPlaneAxes(QPainter& painter, const PlaneFrame& frame, const PlaneTicks& ticksX1, const PlaneTicks& ticksX2,
                    const QString& x1Name, const QString& x2Name, const QPalette& palette);

} // namespace neurite::ui
