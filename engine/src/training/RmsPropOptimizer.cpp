// RMSprop without momentum, not centred, with L2 weight decay, as PyTorch's RMSprop.
#include "training/RmsPropOptimizer.h"

#include "training/OptimizerSupport.h"

namespace neurite {

RmsPropOptimizer::RmsPropOptimizer(const OptimizerSettings& settings)
    : m_rho(settings.rho), m_epsilon(settings.epsilon), m_weightDecay(settings.weightDecay)
{
    validateOptimizerSettings(settings);
}

void RmsPropOptimizer::step(const std::vector<ParameterRef>& params, float lr)
{
    prepareState(m_meanSquare, params);
    // 1 - rho in double, rounded once, as PyTorch does with its Python-float alpha.
    const float rho = float(m_rho), oneMinusRho = float(1.0 - m_rho);
    const float eps = m_epsilon;
    const float wd = m_weightDecay;

    for (std::size_t i = 0; i < params.size(); ++i) {
        Matrix& W = *params[i].value;
        const Matrix& dW = *params[i].grad;
        Matrix& S = m_meanSquare[i];
        forEachElementChunk(W.size(), threaded(), [&](long begin, long end) {
            ElementSpan w = elements(W, begin, end);
            ElementSpan s = elements(S, begin, end);
            const auto g = elements(dW, begin, end) + wd * w;
            s = rho * s + oneMinusRho * g.square();
            w -= lr * (g / (s.sqrt() + eps));
        });
    }
}

} // namespace neurite
