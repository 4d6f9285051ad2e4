// Left-to-right placement of a design's layers: one column per depth, inputs on the left.
#pragma once

#include <neurite/NetworkSpec.h>

#include <QHash>
#include <QPointF>
#include <QString>

namespace neurite::ui {

// A 230-wide card and 40 px for the wire: a five-layer network fits a 1600-pixel window at a readable zoom.
constexpr double kLayoutColumnWidth = 270;
constexpr double kLayoutRowHeight = 130;

// Column = length of the longest wire path from a source; rows keep spec order. Cycles are tolerated
// (their layers just stop moving right).
QHash<QString, QPointF> autoLayout(const NetworkSpec& spec);

} // namespace neurite::ui
