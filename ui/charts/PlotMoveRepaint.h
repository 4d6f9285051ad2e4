// Painting a chart whole when its plot moves, so that no axis label is left where the plot was.
#pragma once

class QChartView;

namespace neurite::ui {

// A new plot area (axis labels of another width, a legend that wraps, a resize) moves the axes' labels, and
// Qt Charts' own update does not always cover where they were: in a splitter beside other widgets the old
// labels stayed beside the new ones. The view's whole viewport is painted again on each such change, which
// happens only when the layout changes, never per point.
void repaintWholeWhenPlotMoves(QChartView* view);

} // namespace neurite::ui
