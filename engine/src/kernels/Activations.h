// Element-wise activation functions and their derivatives, as free functions on batch matrices.
#pragma once

#include "neurite/Tensor.h"

#include <string>

namespace neurite {

enum class Activation { Linear, ReLU, LeakyReLU, Sigmoid, Tanh, Softmax };

// z: (batch, n), replaced by f(z). Softmax works per row, stabilised by subtracting the row maximum.
void activate(Activation f, float alpha, Matrix& z);

// Given y = f(z) and dY = dLoss/dy, writes dZ = dLoss/dz (dZ may alias dY).
void activationGradient(Activation f, float alpha, const Matrix& y, const Matrix& dY, Matrix& dZ);

// Row-wise softmax of `logits` into `probs` (may alias).
void softmaxRows(const Matrix& logits, Matrix& probs);

} // namespace neurite
