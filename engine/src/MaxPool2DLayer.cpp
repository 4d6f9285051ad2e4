// MaxPool2D forward and backward, threaded over the batch. A NaN wins its window, as in PyTorch.
#include "MaxPool2DLayer.h"

#include "BatchParts.h"

#include <cmath>
#include <limits>

namespace neurite {
namespace {

// One sample: out[c][oy][ox] = max of its window, argmax[...] = the winner's index in x.
void maxPoolSample(const ConvGeometry& g, const float* x, float* out, std::int32_t* argmax)
{
    const int k = g.kernel, s = g.stride;
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                float best = -std::numeric_limits<float>::infinity();
                std::int32_t at = (c * g.height + oy * s) * g.width + ox * s;
                for (int ky = 0; ky < k; ++ky) {
                    const std::int32_t row = (c * g.height + oy * s + ky) * g.width + ox * s;
                    for (int kx = 0; kx < k; ++kx) {
                        const float v = x[row + kx];
                        if (v > best || std::isnan(v)) {  // once best is NaN, nothing beats it
                            best = v;
                            at = row + kx;
                        }
                    }
                }
                const long o = (long(c) * g.outHeight + oy) * g.outWidth + ox;
                out[o] = best;
                argmax[o] = at;
            }
}

} // namespace

void MaxPool2DLayer::forward(std::span<const Matrix* const> inputs, Matrix& out, bool)
{
    const Matrix& x = *inputs[0];
    const long batch = x.rows(), outputs = m_g.channels * m_g.outputPixels();
    out.resize(batch, outputs);
    if (m_argmax.size() < std::size_t(batch * outputs))
        m_argmax.resize(std::size_t(batch * outputs));
    const int parts = batchParts(m_pool, batch, outputs * m_g.kernel * m_g.kernel);
    forEachBatchPart(m_pool, parts, batch, [&](int, long begin, long end) {
        for (long i = begin; i < end; ++i)
            maxPoolSample(m_g, x.row(i).data(), out.row(i).data(), m_argmax.data() + i * outputs);
    });
}

void MaxPool2DLayer::backward(std::span<const Matrix* const> inputs, const Matrix&, const Matrix& dOut,
                              std::span<Matrix* const> dInputs)
{
    Matrix* dX = dInputs[0];
    if (!dX)
        return;
    const long batch = inputs[0]->rows(), outputs = dOut.cols();
    dX->setZero(batch, m_g.inputSize());
    const int parts = batchParts(m_pool, batch, outputs * 4);
    forEachBatchPart(m_pool, parts, batch, [&](int, long begin, long end) {
        for (long i = begin; i < end; ++i) {
            float* dx = dX->row(i).data();
            const float* dy = dOut.row(i).data();
            const std::int32_t* at = m_argmax.data() + i * outputs;
            for (long o = 0; o < outputs; ++o)
                dx[at[o]] += dy[o];
        }
    });
}

} // namespace neurite
