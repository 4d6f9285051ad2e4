// Average pooling over square windows, per channel (no padding, so every window is full).
#pragma once

#include "kernels/ConvGeometry.h"
#include "model/Layer.h"

namespace neurite {

class AvgPool2DLayer : public Layer {
public:
    explicit AvgPool2DLayer(const ConvGeometry& geometry) : m_g(geometry) {}

    // x: (batch, channels * height * width) -> out: (batch, channels * outHeight * outWidth)
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    // dX: each output's gradient spread evenly over its window (overlapping windows add up).
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;

private:
    ConvGeometry m_g;
};

} // namespace neurite
