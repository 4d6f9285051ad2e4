// Basic numeric types of the engine: batch-major float32 matrices and layer shapes.
#pragma once

#include <Eigen/Core>
#include <string>

namespace neurite {

// One sample per row: (batch, features). Row-major so that a sample is contiguous.
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic, Eigen::RowMajor>;

// The shape of one sample as it flows between layers: channels x height x width.
// A flat feature vector of n values is {n, 1, 1}.
struct Shape {
    int channels = 0;
    int height = 1;
    int width = 1;

    static Shape flat(int n) { return {n, 1, 1}; }
    long size() const { return long(channels) * height * width; }
    bool isFlat() const { return height == 1 && width == 1; }
    bool isValid() const { return channels > 0 && height > 0 && width > 0; }
    bool operator==(const Shape&) const = default;
    // "(784)" for flat shapes, "(1, 28, 28)" for images.
    std::string toString() const;
};

} // namespace neurite
