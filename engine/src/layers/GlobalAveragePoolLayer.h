// Global average pooling: each channel's mean over all its pixels, (C, H, W) -> (C).
#pragma once

#include "model/Layer.h"

namespace neurite {

class GlobalAveragePoolLayer : public Layer {
public:
    GlobalAveragePoolLayer(int channels, long pixels) : m_channels(channels), m_pixels(pixels) {}

    // x: (batch, channels * pixels) -> out: (batch, channels)
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    // dX: every pixel of channel c receives dOut(c) / pixels.
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;

private:
    int m_channels;
    long m_pixels;
};

} // namespace neurite
