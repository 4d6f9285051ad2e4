// The colours of the neurons' heat maps and of the weights' lines, TensorFlow Playground's: orange for
// negative values, white at 0, blue for positive ones.
#include "editor/NeuronColors.h"

#include "playground/PlaneColours.h"

#include <algorithm>
#include <cmath>

namespace neurite::ui {

QColor weightColor(double weight, double largest)
{
    const double share = std::isfinite(weight) && largest > 0 ? std::min(1.0, std::abs(weight) / largest) : 0;
    const double strength = 0.35 + 0.65 * share;
    return QColor(divergingColour(weight < 0 ? -strength : strength, 1));
}

} // namespace neurite::ui
