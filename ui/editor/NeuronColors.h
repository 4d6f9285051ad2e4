// The colours of the neurons' heat maps and of the weights' lines, TensorFlow Playground's: orange for
// negative values, white at 0, blue for positive ones, so that a learner who knows Playground reads them at once.
#pragma once

#include <QColor>

namespace neurite::ui {

// The maps themselves use divergingColour (playground/PlaneColours.h), the decision plane's own scale.

// A weight's line: the sign's colour, paler for a weight small next to the layer's largest |w| (`largest`),
// as Playground fades its weak links, yet never fainter than a third of the way to white's opposite so that
// every line stays visible. Opaque: the raster engine strokes a translucent curve two to three times slower,
// and the lines are repainted with every update while training runs.
QColor weightColor(double weight, double largest);

} // namespace neurite::ui
