// Dropout forward and backward. Eval mode passes inputs through unchanged.
#include "layers/DropoutLayer.h"

namespace neurite {

void DropoutLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool training)
{
    const Matrix& x = *inputs[0];
    m_masked = training && m_rate > 0.0f;
    if (!m_masked) {
        out = x;
        return;
    }
    m_mask.resize(x.rows(), x.cols());
    const float keep = 1.0f - m_rate;
    const float scale = 1.0f / keep;
    // 24 random bits per element compared with the keep probability: cheap and reproducible.
    const std::uint32_t threshold = std::uint32_t(keep * float(1u << 24));
    for (Eigen::Index i = 0; i < m_mask.size(); ++i)
        m_mask.data()[i] = (std::uint32_t(m_rng() >> 40) < threshold) ? scale : 0.0f;
    out = x.cwiseProduct(m_mask);
}

void DropoutLayer::backward(std::span<const Matrix* const>, const Matrix&, const Matrix& dOut,
                            std::span<Matrix* const> dInputs)
{
    if (!dInputs[0])
        return;
    if (m_masked)
        *dInputs[0] = dOut.cwiseProduct(m_mask);
    else
        *dInputs[0] = dOut;
}

} // namespace neurite
