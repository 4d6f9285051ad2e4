// Adam (L2 weight decay added to the gradient) and AdamW (decoupled weight decay), as PyTorch's.
#include "AdamOptimizer.h"

#include "OptimizerSupport.h"

#include <cmath>

namespace neurite {

AdamOptimizer::AdamOptimizer(const OptimizerSettings& settings, WeightDecay decay)
    : m_decay(decay), m_beta1(settings.beta1), m_beta2(settings.beta2), m_epsilon(settings.epsilon),
      m_weightDecay(settings.weightDecay)
{
    validateOptimizerSettings(settings);
}

void AdamOptimizer::step(const std::vector<ParameterRef>& params, float lr)
{
    const bool fresh = prepareState(m_firstMoment, params);
    if (prepareState(m_secondMoment, params) || fresh)
        m_steps = 0;
    ++m_steps;

    // Scalars in double, rounded once to float, as PyTorch does with its Python-float hyperparameters.
    const auto t = double(m_steps);
    const float beta1 = float(m_beta1), oneMinusBeta1 = float(1.0 - m_beta1);
    const float beta2 = float(m_beta2), oneMinusBeta2 = float(1.0 - m_beta2);
    const float stepSize = float(double(lr) / (1.0 - std::pow(m_beta1, t)));
    const float correction2Sqrt = float(std::sqrt(1.0 - std::pow(m_beta2, t)));
    const bool decoupled = m_decay == WeightDecay::Decoupled;
    const float l2 = decoupled ? 0.0f : m_weightDecay;
    const float shrink = float(1.0 - double(lr) * m_weightDecay);
    const float eps = m_epsilon;

    for (std::size_t i = 0; i < params.size(); ++i) {
        Matrix& W = *params[i].value;
        const Matrix& dW = *params[i].grad;
        Matrix& M = m_firstMoment[i];
        Matrix& V = m_secondMoment[i];
        forEachElementChunk(W.size(), [&](long begin, long end) {
            ElementSpan w = elements(W, begin, end);
            ElementSpan m = elements(M, begin, end);
            ElementSpan v = elements(V, begin, end);
            if (decoupled && m_weightDecay != 0.0f)
                w *= shrink;
            const auto g = elements(dW, begin, end) + l2 * w;
            m = beta1 * m + oneMinusBeta1 * g;
            v = beta2 * v + oneMinusBeta2 * g.square();
            w -= stepSize * (m / (v.sqrt() / correction2Sqrt + eps));
        });
    }
}

} // namespace neurite
