// The shape rule that Conv2D and the pooling layer types share: an image input and a window that fits it.
#pragma once

#include "kernels/ConvGeometry.h"
#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <string>

namespace neurite {

// False with `error` set when `in` is flat or the window `g` does not fit it; `smaller` says what to make
// smaller ("kernel or more padding", "size").
bool windowFits(const LayerSpec& layer, const Shape& in, const ConvGeometry& g, const std::string& smaller,
                std::string& error);

// "3×3", "2×2 /1": a square window and, when it differs from `plain`, its stride.
std::string windowCaption(int size, int stride, int plain);

} // namespace neurite
