// Turns a drawn or scanned digit into the 28x28 image MNIST networks expect, the way MNIST was made.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace neurite {

// A grey image, row-major, 0 = background (black), 255 = ink (white).
struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// MNIST's own recipe (LeCun et al.): crop the ink's bounding box, scale its longer side to 20 px with
// area averaging (grey levels kept), paste into 28x28 black, shift so the intensity-weighted centre of
// mass is at (14, 14). Returns 784 floats in [0, 1] scaled like training data, or nothing when there is
// no ink. Throws NeuriteError for images larger than kMaxPreprocessPixels.
constexpr long kMaxPreprocessPixels = 64L * 1024 * 1024;

// Where preprocessing put the image: a point (x, y) of the image (pixel edges: pixel i spans [i, i + 1))
// lands at (x * scale + offsetX, y * scale + offsetY) of the 28x28 grid, so a map over the grid (a
// saliency map) can be drawn back over the drawing.
struct DigitPlacement {
    double scale = 1;
    double offsetX = 0;
    double offsetY = 0;
};

std::optional<std::vector<float>> preprocessDigit(const GreyImage& image, DigitPlacement* placement = nullptr);

// Makes a light-background image (a dark digit on paper) into ink-on-black, if its border is mostly light.
void invertIfLightBackground(GreyImage& image);

} // namespace neurite
