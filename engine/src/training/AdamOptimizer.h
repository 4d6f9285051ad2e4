// Adam (L2 weight decay added to the gradient) and AdamW (decoupled weight decay), as PyTorch's.
#pragma once

#include "training/Optimizer.h"

#include <vector>

namespace neurite {

class AdamOptimizer final : public Optimizer {
public:
    enum class WeightDecay { L2, Decoupled }; // Adam, AdamW

    // Throws NeuriteError naming the field when `settings` is out of range.
    AdamOptimizer(const OptimizerSettings& settings, WeightDecay decay);

    // Step t (from 1), moments m and v starting at zero:
    //   AdamW only: W *= 1 - lr * weightDecay
    //   g = dW (+ weightDecay * W for Adam)
    //   m = beta1 * m + (1 - beta1) * g
    //   v = beta2 * v + (1 - beta2) * g^2
    //   W -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
    void step(const std::vector<ParameterRef>& params, float lr) override;

private:
    WeightDecay m_decay;
    double m_beta1;
    double m_beta2;
    float m_epsilon;
    float m_weightDecay;
    long m_steps = 0;
    std::vector<Matrix> m_firstMoment;  // m, one per parameter, its shape
    std::vector<Matrix> m_secondMoment; // v
};

} // namespace neurite
