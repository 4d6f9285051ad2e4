// Stochastic gradient descent with optional (Nesterov) momentum and L2 weight decay, as PyTorch's SGD.
#include "training/SgdOptimizer.h"

#include "training/OptimizerSupport.h"

namespace neurite {

SgdOptimizer::SgdOptimizer(const OptimizerSettings& settings)
    : m_momentum(settings.momentum), m_nesterov(settings.nesterov), m_weightDecay(settings.weightDecay)
{
    validateOptimizerSettings(settings);
}

void SgdOptimizer::step(const std::vector<ParameterRef>& params, float lr)
{
    // PyTorch starts each velocity as a copy of the first gradient rather than m * 0 + g; with dampening 0
    // the two agree, so a zeroed buffer plus the usual update gives the same numbers.
    if (m_momentum != 0.0f)
        prepareState(m_velocity, params);
    const float m = m_momentum;
    const float wd = m_weightDecay;

    for (std::size_t i = 0; i < params.size(); ++i) {
        Matrix& W = *params[i].value;
        const Matrix& dW = *params[i].grad;
        if (m == 0.0f) {
            forEachElementChunk(W.size(), threaded(), [&](long begin, long end) {
                ElementSpan w = elements(W, begin, end);
                w -= lr * (elements(dW, begin, end) + wd * w);
            });
            continue;
        }
        Matrix& V = m_velocity[i];
        forEachElementChunk(W.size(), threaded(), [&](long begin, long end) {
            ElementSpan w = elements(W, begin, end);
            ElementSpan v = elements(V, begin, end);
            const auto g = elements(dW, begin, end) + wd * w;
            v = m * v + g;
            if (m_nesterov)
                w -= lr * (g + m * v);
            else
                w -= lr * v;
        });
    }
}

} // namespace neurite
