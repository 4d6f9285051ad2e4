// The colours of the two-dimensional world, shared by the decision plane and the neurons' heat maps: one
// colour per class (TensorFlow Playground's orange and blue first), a class's colour fading to white as the
// network grows unsure, and a diverging orange-white-blue scale for values around 0.
#pragma once

#include <QRgb>

namespace neurite::ui {

inline constexpr int kMaxPaintedClasses = 8; // the fixed palette's size; more classes get spread hues

// The colour of class `index` among `classes`: Playground's orange (#f59322) for class 0, blue (#0877bd)
// for class 1, then a palette chosen to stay apart for colour-blind readers; hues spread around the
// colour wheel beyond 8 classes.
QRgb classColour(int index, int classes);

// The colour of a cell whose most probable class is `index` with `probability`: the class's colour at
// probability 1, white at 1/classes (a guess), linear in between.
QRgb confidenceColour(int index, double probability, int classes);

// A value on the diverging scale symmetric around 0: orange at -range, white at 0, blue at +range
// (Playground's: negative values are the orange class's side), clamped beyond.
QRgb divergingColour(double value, double range);

// `colour` blended with white: weight 1 keeps the colour, 0 gives white.
QRgb blendWithWhite(QRgb colour, double weight);

} // namespace neurite::ui
