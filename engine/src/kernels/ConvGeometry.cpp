// Output sizes of sliding windows, with the same conventions as PyTorch (floor) and TensorFlow ("same").
#include "kernels/ConvGeometry.h"

#include <algorithm>

namespace neurite {
namespace {

// floor((in + padding - kernel) / stride) + 1, or <= 0 when the kernel does not fit.
int slidingOutput(int in, int totalPadding, int kernel, int stride)
{
    const int span = in + totalPadding - kernel;
    return span < 0 ? 0 : span / stride + 1;
}

} // namespace

ConvGeometry convGeometry(const Shape& input, int kernel, int stride, const std::string& padding, int pad)
{
    ConvGeometry g;
    g.channels = input.channels;
    g.height = input.height;
    g.width = input.width;
    g.kernel = kernel;
    g.stride = std::max(1, stride);
    if (padding == "same") {
        g.outHeight = (g.height + g.stride - 1) / g.stride;
        g.outWidth = (g.width + g.stride - 1) / g.stride;
        const int padH = std::max(0, (g.outHeight - 1) * g.stride + kernel - g.height);
        const int padW = std::max(0, (g.outWidth - 1) * g.stride + kernel - g.width);
        g.padTop = padH / 2;
        g.padLeft = padW / 2;
        return g;
    }
    const int p = padding == "explicit" ? pad : 0;
    g.padTop = g.padLeft = p;
    g.outHeight = slidingOutput(g.height, 2 * p, kernel, g.stride);
    g.outWidth = slidingOutput(g.width, 2 * p, kernel, g.stride);
    return g;
}

ConvGeometry poolGeometry(const Shape& input, int size, int stride)
{
    return convGeometry(input, size, stride <= 0 ? size : stride, "valid", 0);
}

} // namespace neurite
