// The decision plane's grid as an image, one pixel per cell: the most probable class's colour shaded by its
// confidence, or a regression's value on the diverging scale.
#pragma once

#include "neurite/PlaneView.h"

#include <QImage>
#include <QSize>

#include <vector>

namespace neurite::ui {

// resolution x resolution pixels, pixel (col, row) for cell (row, col) (row 0 at the top, x2Max). A
// classification shades by confidenceColour among the grid's outputs (the classes the network knows, even
// when a class has just been painted); a regression maps values with divergingColour over `valueRange`. A
// malformed grid (sizes that disagree) gives a null image; cells with a value that is not finite are the
// neutral grey of a plane without a network.
QImage planeGridImage(const PlaneGrid& grid, double valueRange);

// `image` stretched to `size` with bilinear interpolation between pixel centres, so that a cell's centre
// keeps the cell's exact colour.
QImage smoothlyScaled(const QImage& image, QSize size);

// The half-width of the diverging scale: the largest |value| among the points (the grid's when there are
// none), 1 when all are 0.
double valueRangeOf(const std::vector<PlaneSample>& samples, const PlaneGrid* grid);

} // namespace neurite::ui
