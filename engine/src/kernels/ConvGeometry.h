// The geometry of a sliding window over an image: kernel, stride, padding and the output size they give.
#pragma once

#include "neurite/Tensor.h"

#include <string>

namespace neurite {

// One window sliding over a (channels, height, width) input; the output is (?, outHeight, outWidth).
// Padding may be asymmetric ("same" with an even kernel pads one more at the bottom and right, like
// TensorFlow and PyTorch); padTop / padLeft are all im2col needs, the rest is implied by the output size.
struct ConvGeometry {
    int channels = 1;
    int height = 1;
    int width = 1;
    int kernel = 1;
    int stride = 1;
    int padTop = 0;
    int padLeft = 0;
    int outHeight = 0;
    int outWidth = 0;

    long inputSize() const { return long(channels) * height * width; }
    long outputPixels() const { return long(outHeight) * outWidth; }
    long patchSize() const { return long(channels) * kernel * kernel; } // one im2col column
    bool isValid() const { return outHeight > 0 && outWidth > 0; }
};

// padding: "valid" (none), "same" (output = ceil(input / stride)) or "explicit" (`pad` on every side).
// The output size may be zero or negative when the window does not fit: check isValid().
ConvGeometry convGeometry(const Shape& input, int kernel, int stride, const std::string& padding, int pad);

// Pooling windows: no padding; stride 0 means stride = size.
ConvGeometry poolGeometry(const Shape& input, int size, int stride);

} // namespace neurite
