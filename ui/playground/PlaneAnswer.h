// What the network answers at a point of the plane, read from the decision plane's grid: the cell that
// holds the point, and its class probabilities or value as the hover text says them.
#pragma once

#include "neurite/PlaneView.h"

#include <QString>
#include <QStringList>

namespace neurite::ui {

// The index (row * resolution + col) of the grid cell holding (x1, x2), or -1 outside the grid.
int planeCellAt(const PlaneGrid& grid, double x1, double x2);

// "1: 87.3%" lines, the most probable class first (at most four), or "value 0.234" for a regression;
// empty outside the grid.
QString planeAnswerText(const PlaneGrid& grid, double x1, double x2, const QStringList& classNames);

} // namespace neurite::ui
