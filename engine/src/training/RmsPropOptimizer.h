// RMSprop without momentum, not centred, with L2 weight decay, as PyTorch's RMSprop.
#pragma once

#include "training/Optimizer.h"

#include <vector>

namespace neurite {

class RmsPropOptimizer final : public Optimizer {
public:
    // Throws NeuriteError naming the field when `settings` is out of range.
    explicit RmsPropOptimizer(const OptimizerSettings& settings);

    // With g = dW + weightDecay * W and the mean square s starting at zero:
    //   s = rho * s + (1 - rho) * g^2
    //   W -= lr * g / (sqrt(s) + epsilon)
    void step(const std::vector<ParameterRef>& params, float lr) override;

private:
    double m_rho;
    float m_epsilon;
    float m_weightDecay;
    std::vector<Matrix> m_meanSquare; // s, one per parameter, its shape
};

} // namespace neurite
