// Concatenate: joins two inputs along the channels (image shapes agree in height and width).
#pragma once

#include "model/Layer.h"

namespace neurite {

// A sample is stored channel-major, so joining along the channels is joining the two sample vectors.
class ConcatenateLayer : public Layer {
public:
    // a: (batch, na), b: (batch, nb) -> out: (batch, na + nb) = [a b]
    void forward(std::span<const Matrix* const> inputs, Matrix& out, bool) override
    {
        const Matrix& a = *inputs[0];
        const Matrix& b = *inputs[1];
        out.resize(a.rows(), a.cols() + b.cols());
        out.leftCols(a.cols()) = a;
        out.rightCols(b.cols()) = b;
    }

    // dA, dB: the matching columns of dOut.
    void backward(std::span<const Matrix* const> inputs, const Matrix&, const Matrix& dOut,
                  std::span<Matrix* const> dInputs) override
    {
        const Eigen::Index na = inputs[0]->cols();
        if (dInputs[0])
            *dInputs[0] = dOut.leftCols(na);
        if (dInputs[1])
            *dInputs[1] = dOut.rightCols(dOut.cols() - na);
    }
};

} // namespace neurite
