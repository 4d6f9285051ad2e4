// Max pooling over square windows, per channel; remembers which input won each window for backward.
#pragma once

#include "kernels/ConvGeometry.h"
#include "model/Layer.h"

#include <cstdint>
#include <vector>

namespace neurite {

class MaxPool2DLayer : public Layer {
public:
    explicit MaxPool2DLayer(const ConvGeometry& geometry) : m_g(geometry) {}

    // x: (batch, channels * height * width) -> out: (batch, channels * outHeight * outWidth)
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    // dX: each output's gradient goes to the input that was the window's maximum (the first one on ties).
    void backward(std::span<const Matrix* const> inputs, const Matrix& out, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;

private:
    ConvGeometry m_g;
    std::vector<std::int32_t> m_argmax; // (batch, outputs): index of the winner within its sample
};

} // namespace neurite
