// Image classification data kept as bytes in memory (converted to float per batch).
#pragma once

#include "neurite/Tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// `count` images of rows x cols grey bytes (0 = black background, 255 = full ink), and a label each.
struct ImageSet {
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels; // count * rows * cols, image after image
    std::vector<std::uint8_t> labels; // count

    std::size_t count() const { return labels.size(); }
    int pixelsPerImage() const { return rows * cols; }
    const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * std::size_t(pixelsPerImage()); }
};

struct Dataset {
    std::string name;   // "mnist-10k", "fashion-mnist", or the folder
    std::string source; // the folder the IDX files came from
    ImageSet train;
    ImageSet test;
    std::vector<std::string> classNames; // "0".."9", or "T-shirt/top", "Trouser", ...

    int classCount() const { return int(classNames.size()); }
    Shape inputShape() const { return {1, train.rows, train.cols}; }
};

// Pixels are scaled to [0, 1] exactly like this in training, evaluation and prediction.
constexpr float kPixelScale = 1.0f / 255.0f;

// Writes images `indices[0..n)` of `set` as rows of `out` (n, rows*cols), scaled by kPixelScale.
void gatherBatch(const ImageSet& set, const std::uint32_t* indices, int n, Matrix& out);
// Starts loading images `indices[0..n)` into the caches, so that the next gatherBatch finds them there.
void prefetchBatch(const ImageSet& set, const std::uint32_t* indices, int n);

} // namespace neurite
