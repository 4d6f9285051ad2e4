// Flatten: an image (channels, height, width) becomes a flat vector; the values do not move.
#pragma once

#include "model/Layer.h"

namespace neurite {

// A sample is already stored flat (channel-major), so Flatten only changes the declared shape: it copies.
class FlattenLayer : public Layer {
public:
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool) override { out = *inputs[0]; }

    void backward(std::span<const Matrix* const>, const Matrix&, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override
    {
        if (dInputs[0])
            *dInputs[0] = dOut;
    }
};

} // namespace neurite
