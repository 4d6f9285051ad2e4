// Left-to-right placement of a design's layers: one column per depth, inputs on the left; a design wider
// than the view wraps onto further bands below, as a long line of text does.
#pragma once

#include <neurite/NetworkSpec.h>

#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QString>

namespace neurite::ui {

// A 230-wide card and 40 px for the wire: a five-layer network fits a 1600-pixel window at a readable zoom.
constexpr double kLayoutColumnWidth = 270;
constexpr double kLayoutNodeWidth = 230;
constexpr double kLayoutNodeHeight = 70; // a card with one input port
constexpr double kLayoutRowHeight = 130;
// Between two bands: room for the wire that runs from the end of one band back to the start of the next.
constexpr double kLayoutBandGap = 70;
// ... whose curves reach this far beyond the ports on either side (ConnectionItem::setEnds).
constexpr double kLayoutWireSwing = 45;

// Column = length of the longest wire path from a source; rows keep spec order. Cycles are tolerated
// (their layers just stop moving right). When `room` (what the view shows, in scene units) is not empty
// and the columns do not fit it, they wrap into bands, one below the other: the fewest bands that fit the
// room, or when none does, the fewest that fit its width (the LeNet template's eight columns become two
// bands in a 1600-pixel window).
QHash<QString, QPointF> autoLayout(const NetworkSpec& spec, QSizeF room = QSizeF());

} // namespace neurite::ui
