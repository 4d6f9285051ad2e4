// AvgPool2D forward and backward, threaded over the batch.
#include "layers/AvgPool2DLayer.h"

#include "kernels/BatchParts.h"

namespace neurite {

void AvgPool2DLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    const long batch = x.rows();
    const int k = m_g.kernel, s = m_g.stride;
    const float scale = 1.0f / float(k * k);
    out.resize(batch, m_g.channels * m_g.outputPixels());
    const int parts = batchParts(m_pool, batch, out.cols() * k * k);
    forEachBatchPart(m_pool, parts, batch, [&](int, long begin, long end) {
        for (long i = begin; i < end; ++i) {
            const float* in = x.row(i).data();
            float* o = out.row(i).data();
            for (int c = 0; c < m_g.channels; ++c)
                for (int oy = 0; oy < m_g.outHeight; ++oy)
                    for (int ox = 0; ox < m_g.outWidth; ++ox) {
                        float sum = 0.0f;
                        for (int ky = 0; ky < k; ++ky) {
                            const float* row = in + (long(c) * m_g.height + oy * s + ky) * m_g.width + ox * s;
                            for (int kx = 0; kx < k; ++kx)
                                sum += row[kx];
                        }
                        *o++ = sum * scale;
                    }
        }
    });
}

void AvgPool2DLayer::backward(std::span<const Matrix* const> inputs, const Matrix&, const Matrix& dOut,
                              std::span<Matrix* const> dInputs)
{
    Matrix* dX = dInputs[0];
    if (!dX)
        return;
    const long batch = inputs[0]->rows();
    const int k = m_g.kernel, s = m_g.stride;
    const float scale = 1.0f / float(k * k);
    dX->setZero(batch, m_g.inputSize());
    const int parts = batchParts(m_pool, batch, dOut.cols() * k * k);
    forEachBatchPart(m_pool, parts, batch, [&](int, long begin, long end) {
        for (long i = begin; i < end; ++i) {
            const float* dy = dOut.row(i).data();
            float* dx = dX->row(i).data();
            for (int c = 0; c < m_g.channels; ++c)
                for (int oy = 0; oy < m_g.outHeight; ++oy)
                    for (int ox = 0; ox < m_g.outWidth; ++ox) {
                        const float share = *dy++ * scale;
                        for (int ky = 0; ky < k; ++ky) {
                            float* row = dx + (long(c) * m_g.height + oy * s + ky) * m_g.width + ox * s;
                            for (int kx = 0; kx < k; ++kx)
                                row[kx] += share;
                        }
                    }
        }
    });
}

} // namespace neurite
