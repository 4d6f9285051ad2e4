// Activation maths. Derivatives are written in terms of the output y, which the layer already keeps.
#include "kernels/Activations.h"

#include <cassert>

namespace neurite {

void softmaxRows(const Matrix& logits, Matrix& probs)
{
    probs.resize(logits.rows(), logits.cols());
    for (Eigen::Index r = 0; r < logits.rows(); ++r) {
        const float max = logits.row(r).maxCoeff();
        probs.row(r) = (logits.row(r).array() - max).exp().matrix();
        probs.row(r) /= probs.row(r).sum();
    }
}

void activate(Activation f, float alpha, Matrix& z)
{
    switch (f) {
    case Activation::Linear: return;
    case Activation::ReLU: z = z.cwiseMax(0.0f); return;
    case Activation::LeakyReLU: z = (z.array() > 0.0f).select(z, z * alpha); return;
    case Activation::Sigmoid: z = ((-z.array()).exp() + 1.0f).inverse().matrix(); return;
    case Activation::Tanh: z = z.array().tanh().matrix(); return;
    case Activation::Softmax: softmaxRows(z, z); return;
    }
}

void activationGradient(Activation f, float alpha, const Matrix& y, const Matrix& dY, Matrix& dZ)
{
    switch (f) {
    case Activation::Linear:
        if (&dZ != &dY)
            dZ = dY;
        return;
    case Activation::ReLU: dZ = (y.array() > 0.0f).select(dY, 0.0f); return;
    case Activation::LeakyReLU:
        // y > 0 exactly when z > 0 (alpha >= 0), so the output tells which slope applied.
        dZ = (y.array() > 0.0f).select(dY, dY * alpha);
        return;
    case Activation::Sigmoid: dZ = (dY.array() * y.array() * (1.0f - y.array())).matrix(); return;
    case Activation::Tanh: dZ = (dY.array() * (1.0f - y.array().square())).matrix(); return;
    case Activation::Softmax: {
        // dz_i = y_i (dy_i - sum_j dy_j y_j), row by row.
        const Eigen::VectorXf dots = (dY.array() * y.array()).rowwise().sum();
        dZ = (y.array() * (dY.array().colwise() - dots.array())).matrix();
        return;
    }
    }
}

} // namespace neurite
