// A saliency map as a translucent picture: red where a pixel pushes the explained class up, blue where it
// pushes it down, clear where it does neither.
#pragma once

#include <QColor>
#include <QImage>

#include <vector>

namespace neurite::ui {

inline const QColor kSaliencyUp(220, 30, 40);
inline const QColor kSaliencyDown(30, 100, 230);

// map: width * height values, row-major. One scale for both signs, the 99th percentile of |value| (one
// extreme pixel does not wash out the rest), so red and blue of the same strength weigh the same.
// ARGB32 premultiplied; null for an empty or all-zero map.
QImage saliencyPicture(const std::vector<float>& map, int width, int height);

} // namespace neurite::ui
