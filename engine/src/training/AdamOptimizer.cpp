// Adam (L2 weight decay added to the gradient) and AdamW (decoupled weight decay), as PyTorch's.
#include "training/AdamOptimizer.h"

#include "training/OptimizerSupport.h"

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
    // Multiplying by the reciprocal saves one of the two divisions per element (division and square root
    // bound this loop); the result stays within an ulp of PyTorch's sqrt(v) / sqrt(1 - beta2^t).
    const float inverseCorrection2Sqrt = float(1.0 / std::sqrt(1.0 - std::pow(m_beta2, t)));
    const bool decoupled = m_decay == WeightDecay::Decoupled;
    const float l2 = decoupled ? 0.0f : m_weightDecay;
    const float shrink = float(1.0 - double(lr) * m_weightDecay);
    const float eps = m_epsilon;

    for (std::size_t i = 0; i < params.size(); ++i) {
        Matrix& W = *params[i].value;
        const Matrix& dW = *params[i].grad;
        Matrix& M = m_firstMoment[i];
        Matrix& V = m_secondMoment[i];
        // One fused pass over the four arrays: the update is memory-bound, so each element is read and
        // written once (Eigen expressions here would make three passes). The scalars are copied into the
        // loop and the pointers marked restrict, so GCC can vectorise it.
        forEachElementChunk(W.size(), threaded(),
                            [&, W = W.data(), M = M.data(), V = V.data(), G = dW.data()](long begin, long end) {
                                float* __restrict w = W;
                                float* __restrict m = M;
                                float* __restrict v = V;
                                const float* __restrict g = G;
                                const float b1 = beta1, c1 = oneMinusBeta1, b2 = beta2, c2 = oneMinusBeta2, decay = l2;
                                const float step = stepSize, invRoot2 = inverseCorrection2Sqrt, epsilon = eps;
                                const float keep = decoupled ? shrink : 1.0f;
                                for (long k = begin; k < end; ++k) {
                                    const float wk = w[k] * keep;
                                    const float gk = g[k] + decay * wk;
                                    const float mk = b1 * m[k] + c1 * gk;
                                    const float vk = b2 * v[k] + c2 * gk * gk;
                                    m[k] = mk;
                                    v[k] = vk;
                                    w[k] = wk - step * (mk / (std::sqrt(vk) * invRoot2 + epsilon));
                                }
                            });
    }
}

} // namespace neurite
