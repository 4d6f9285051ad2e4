// GlobalAveragePool forward and backward: a channel is a contiguous run of `pixels` values in a sample.
#include "layers/GlobalAveragePoolLayer.h"

namespace neurite {

void GlobalAveragePoolLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    out.resize(x.rows(), m_channels);
    const float scale = 1.0f / float(m_pixels);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (int c = 0; c < m_channels; ++c)
            out(i, c) = x.row(i).segment(c * m_pixels, m_pixels).sum() * scale;
}

void GlobalAveragePoolLayer::backward(std::span<const Matrix* const> inputs, const Matrix&, const Matrix& dOut,
                                      std::span<Matrix* const> dInputs)
{
    Matrix* dX = dInputs[0];
    if (!dX)
        return;
    dX->resize(inputs[0]->rows(), m_channels * m_pixels);
    const float scale = 1.0f / float(m_pixels);
    for (Eigen::Index i = 0; i < dX->rows(); ++i)
        for (int c = 0; c < m_channels; ++c)
            dX->row(i).segment(c * m_pixels, m_pixels).setConstant(dOut(i, c) * scale);
}

} // namespace neurite
