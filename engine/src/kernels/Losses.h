// Loss functions: the batch-mean loss and its gradient with respect to the network's output.
#pragma once

#include "neurite/Tensor.h"

#include <cstdint>

namespace neurite {

// Fused softmax + cross-entropy on logits (batch, classes), stable via log-sum-exp:
// loss_i = logsumexp(z_i) - z_i[y_i]. Writes probs = softmax(z) and, if dLogits is not null,
// dLogits = (probs - onehot(y)) / batch. Returns the mean loss; `correct` counts argmax hits.
float softmaxCrossEntropy(const Matrix& logits, const std::uint8_t* labels, Matrix& probs, Matrix* dLogits,
                          int* correct);

// Mean squared error against one-hot targets, averaged over batch and outputs (like PyTorch's MSELoss):
// loss = mean((o - onehot(y))^2); dOut = 2 (o - onehot(y)) / (batch * classes). With a single output the
// target is the label itself (binary tasks such as XOR) and the prediction is output > 0.5.
float meanSquaredError(const Matrix& outputs, const std::uint8_t* labels, Matrix* dOutputs, int* correct);

// Mean squared error against real targets (regression), averaged over batch and outputs: outputs (batch, k),
// targets batch * k values row after row; loss = mean((o - t)^2); dOut = 2 (o - t) / (batch * k).
float meanSquaredErrorOfValues(const Matrix& outputs, const float* targets, Matrix* dOutputs);

} // namespace neurite
