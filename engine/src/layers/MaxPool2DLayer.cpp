// MaxPool2D forward and backward, threaded over the batch. A NaN wins its window, as in PyTorch.
#include "layers/MaxPool2DLayer.h"

#include "kernels/BatchParts.h"

namespace neurite {
namespace {

// v takes the window from the best so far when larger or NaN (so a NaN in a window wins it).
inline bool beats(float v, float best)
{
    return (v > best) | (v != v); // no short circuit: the compiler can then avoid branches
}

// One sample: out[c][oy][ox] = max of its window, argmax[...] = the winner's index in x.
void maxPoolSample(const ConvGeometry& g, const float* x, float* out, std::int32_t* argmax)
{
    const int k = g.kernel, s = g.stride;
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < g.outHeight; ++oy)
            for (int ox = 0; ox < g.outWidth; ++ox) {
                std::int32_t at = (c * g.height + oy * s) * g.width + ox * s;
                float best = x[at];
                for (int ky = 0; ky < k; ++ky) {
                    const std::int32_t row = (c * g.height + oy * s + ky) * g.width + ox * s;
                    for (int kx = 0; kx < k; ++kx)
                        if (beats(x[row + kx], best)) {
                            best = x[row + kx];
                            at = row + kx;
                        }
                }
                *out++ = best;
                *argmax++ = at;
            }
}

// The common 2x2 window with stride 2. The inner loop has no branches (which value wins is data, and
// would defeat branch prediction) and no aliasing, so the compiler vectorises it.
void maxPool2x2Sample(const ConvGeometry& g, const float* __restrict x, float* __restrict out,
                      std::int32_t* __restrict argmax)
{
    const int width = g.width, height = g.height, outWidth = g.outWidth, outHeight = g.outHeight;
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < outHeight; ++oy) {
            const std::int32_t base = (c * height + 2 * oy) * width;
            const float* r0 = x + base;
            const float* r1 = r0 + width;
            float* o = out + (c * outHeight + oy) * outWidth;
            std::int32_t* at = argmax + (c * outHeight + oy) * outWidth;
            for (int ox = 0; ox < outWidth; ++ox) {
                const float a = r0[2 * ox], b = r0[2 * ox + 1], d = r1[2 * ox], e = r1[2 * ox + 1];
                const std::int32_t i = base + 2 * ox;
                const bool bWins = beats(b, a);
                float best = bWins ? b : a;
                std::int32_t index = bWins ? i + 1 : i;
                const bool dWins = beats(d, best);
                best = dWins ? d : best;
                index = dWins ? i + width : index;
                const bool eWins = beats(e, best);
                o[ox] = eWins ? e : best;
                at[ox] = eWins ? i + width + 1 : index;
            }
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
        const bool twoByTwo = m_g.kernel == 2 && m_g.stride == 2;
        for (long i = begin; i < end; ++i)
            (twoByTwo ? maxPool2x2Sample : maxPoolSample)(m_g, x.row(i).data(), out.row(i).data(),
                                                          m_argmax.data() + i * outputs);
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
