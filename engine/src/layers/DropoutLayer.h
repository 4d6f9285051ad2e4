// Inverted dropout: while training, zero each input with probability `rate` and scale the rest up.
#pragma once

#include "model/Layer.h"

#include <cstdint>

namespace neurite {

class DropoutLayer : public Layer {
public:
    DropoutLayer(float rate, std::uint64_t seed) : m_rate(rate), m_rng(seed) {}

    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool training) override;
    void backward(std::span<const Matrix* const>, const Matrix&, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override;

private:
    float m_rate;
    std::mt19937_64 m_rng;
    Matrix m_mask; // (batch, n): 0 or 1 / (1 - rate)
    bool m_masked = false;
};

} // namespace neurite
