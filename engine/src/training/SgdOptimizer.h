// Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay, as PyTorch's SGD.
#pragma once

#include "training/Optimizer.h"

#include <vector>

namespace neurite {

class SgdOptimizer final : public Optimizer {
public:
    // Throws NeuriteError naming the field when `settings` is out of range.
    explicit SgdOptimizer(const OptimizerSettings& settings);

    // With g = dW + weightDecay * W:
    //   no momentum: W -= lr * g
    //   momentum m:  v = g on the first step, then v = m * v + g (dampening 0);
    //                W -= lr * (nesterov ? g + m * v : v)
    void step(const std::vector<ParameterRef>& params, float lr) override;

private:
    float m_momentum;
    bool m_nesterov;
    float m_weightDecay;
    std::vector<Matrix> m_velocity; // one per parameter, its shape; unused without momentum
};

} // namespace neurite
