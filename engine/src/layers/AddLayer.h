// Add: the element-wise sum of two inputs of the same shape (the join of a residual connection).
#pragma once

#include "model/Layer.h"

namespace neurite {

class AddLayer : public Layer {
public:
    // a, b: (batch, n) -> out = a + b: (batch, n)
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool) override
    {
        out.noalias() = *inputs[0] + *inputs[1];
    }

    // The sum passes its gradient unchanged to both inputs.
    void backward(std::span<const Matrix* const>, const Matrix&, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override
    {
        for (Matrix* dIn : dInputs)
            if (dIn)
                *dIn = dOut;
    }
};

} // namespace neurite
