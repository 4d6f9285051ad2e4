// MaxPool2D forward and backward, threaded over the batch. A NaN wins its window, as in PyTorch.
#include "layers/MaxPool2DLayer.h"

#include "kernels/BatchParts.h"

#include <cstring>

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

// The common 2x2 window with stride 2, eight windows at a time in vector registers: the even and odd
// columns of two input rows are split apart by shuffles, and which value wins is a lane mask (data, which
// would defeat branch prediction). A row's last four windows (LeNet's 12- and 4-wide rows) use four lanes;
// other remainders go through the eight-lane code on a padded copy (a scalar tail cost more than all full
// groups together).
using Floats8 = float __attribute__((vector_size(32)));
using Indices8 = std::int32_t __attribute__((vector_size(32)));
using Floats16 = float __attribute__((vector_size(64)));
using Floats4 = float __attribute__((vector_size(16)));
using Indices4 = std::int32_t __attribute__((vector_size(16)));

// The winner of each lane's window [a b / d e] (a at index i, b at i + 1, d and e a row below), in the same
// order as beats(): b against a, then d, then e against the best so far; a NaN wins.
template <class Floats, class Indices>
inline void pickWinners(Floats a, Floats b, Floats d, Floats e, Indices i, std::int32_t width, Floats& best,
                        Indices& at)
{
    Indices wins = (b > a) | (b != b);
    best = wins ? b : a;
    at = wins ? i + 1 : i;
    wins = (d > best) | (d != d);
    best = wins ? d : best;
    at = wins ? i + width : at;
    wins = (e > best) | (e != e);
    best = wins ? e : best;
    at = wins ? i + width + 1 : at;
}

// Windows ox .. ox + 7 of rows r0 and r1 (16 values each, from column 2 * ox); `first` is r0[0]'s index
// in the sample, `width` the distance from r0 to r1.
inline void maxPool2x2Eight(const float* r0, const float* r1, std::int32_t first, std::int32_t width, Floats8& best,
                            Indices8& at)
{
    Floats16 top, bottom;
    std::memcpy(&top, r0, sizeof top);
    std::memcpy(&bottom, r1, sizeof bottom);
    const Floats8 a = __builtin_shufflevector(top, top, 0, 2, 4, 6, 8, 10, 12, 14);
    const Floats8 b = __builtin_shufflevector(top, top, 1, 3, 5, 7, 9, 11, 13, 15);
    const Floats8 d = __builtin_shufflevector(bottom, bottom, 0, 2, 4, 6, 8, 10, 12, 14);
    const Floats8 e = __builtin_shufflevector(bottom, bottom, 1, 3, 5, 7, 9, 11, 13, 15);
    const Indices8 i = first + Indices8{0, 2, 4, 6, 8, 10, 12, 14};
    pickWinners(a, b, d, e, i, width, best, at);
}

// The same for four windows (a row's last four: LeNet's 12- and 4-wide rows need no padded copy).
inline void maxPool2x2Four(const float* r0, const float* r1, std::int32_t first, std::int32_t width, Floats4& best,
                           Indices4& at)
{
    Floats8 top, bottom;
    std::memcpy(&top, r0, sizeof top);
    std::memcpy(&bottom, r1, sizeof bottom);
    const Floats4 a = __builtin_shufflevector(top, top, 0, 2, 4, 6);
    const Floats4 b = __builtin_shufflevector(top, top, 1, 3, 5, 7);
    const Floats4 d = __builtin_shufflevector(bottom, bottom, 0, 2, 4, 6);
    const Floats4 e = __builtin_shufflevector(bottom, bottom, 1, 3, 5, 7);
    const Indices4 i = first + Indices4{0, 2, 4, 6};
    pickWinners(a, b, d, e, i, width, best, at);
}

void maxPool2x2Sample(const ConvGeometry& g, const float* __restrict x, float* __restrict out,
                      std::int32_t* __restrict argmax)
{
    const int width = g.width, height = g.height, outWidth = g.outWidth, outHeight = g.outHeight;
    const int full = outWidth / 8 * 8, rest = outWidth - full;
    Floats8 best;
    Indices8 at;
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < outHeight; ++oy) {
            const std::int32_t base = (c * height + 2 * oy) * width;
            const float* r0 = x + base;
            float* o = out + (c * outHeight + oy) * outWidth;
            std::int32_t* w = argmax + (c * outHeight + oy) * outWidth;
            for (int ox = 0; ox < full; ox += 8) {
                maxPool2x2Eight(r0 + 2 * ox, r0 + width + 2 * ox, base + 2 * ox, width, best, at);
                std::memcpy(o + ox, &best, sizeof best);
                std::memcpy(w + ox, &at, sizeof at);
            }
            if (rest == 4) {
                Floats4 best4;
                Indices4 at4;
                maxPool2x2Four(r0 + 2 * full, r0 + width + 2 * full, base + 2 * full, width, best4, at4);
                std::memcpy(o + full, &best4, sizeof best4);
                std::memcpy(w + full, &at4, sizeof at4);
                continue;
            }
            if (rest == 0)
                continue;
            float padded[2][16] = {};
            std::memcpy(padded[0], r0 + 2 * full, sizeof(float) * std::size_t(2 * rest));
            std::memcpy(padded[1], r0 + width + 2 * full, sizeof(float) * std::size_t(2 * rest));
            maxPool2x2Eight(padded[0], padded[1], base + 2 * full, width, best, at);
            std::memcpy(o + full, &best, sizeof(float) * std::size_t(rest));
            std::memcpy(w + full, &at, sizeof(std::int32_t) * std::size_t(rest));
        }
}

// Each lane's gradient d goes to the input of its window [a b / e f] that won (its index in `at`; a at i),
// the other three get 0: pickWinners' inverse.
template <class Floats, class Indices>
inline void routeToWinners(Floats d, Indices at, Indices i, std::int32_t width, Floats& a, Floats& b, Floats& e,
                           Floats& f)
{
    const Floats zero = {};
    a = at == i ? d : zero;
    b = at == i + 1 ? d : zero;
    e = at == i + width ? d : zero;
    f = at == i + width + 1 ? d : zero;
}

// Windows ox .. ox + 7 backward: each of their four inputs gets the window's gradient if it won, else 0.
// The winners' positions are compared in lanes and the even and odd columns interleaved by shuffles, so each
// input row of 16 values is written as one vector; `first` is the window row's first input index.
inline void maxPool2x2EightBackward(const float* dy, const std::int32_t* argmax, std::int32_t first, std::int32_t width,
                                    float* r0, float* r1)
{
    Floats8 d;
    Indices8 at;
    std::memcpy(&d, dy, sizeof d);
    std::memcpy(&at, argmax, sizeof at);
    const Indices8 i = first + Indices8{0, 2, 4, 6, 8, 10, 12, 14};
    Floats8 a, b, e, f;
    routeToWinners(d, at, i, width, a, b, e, f);
    const Floats16 top = __builtin_shufflevector(a, b, 0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
    const Floats16 bottom = __builtin_shufflevector(e, f, 0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
    std::memcpy(r0, &top, sizeof top);
    std::memcpy(r1, &bottom, sizeof bottom);
}

inline void maxPool2x2FourBackward(const float* dy, const std::int32_t* argmax, std::int32_t first, std::int32_t width,
                                   float* r0, float* r1)
{
    Floats4 d;
    Indices4 at;
    std::memcpy(&d, dy, sizeof d);
    std::memcpy(&at, argmax, sizeof at);
    const Indices4 i = first + Indices4{0, 2, 4, 6};
    Floats4 a, b, e, f;
    routeToWinners(d, at, i, width, a, b, e, f);
    const Floats8 top = __builtin_shufflevector(a, b, 0, 4, 1, 5, 2, 6, 3, 7);
    const Floats8 bottom = __builtin_shufflevector(e, f, 0, 4, 1, 5, 2, 6, 3, 7);
    std::memcpy(r0, &top, sizeof top);
    std::memcpy(r1, &bottom, sizeof bottom);
}

// Backward of 2x2 windows with stride 2 that tile the input exactly: every input belongs to one window, so
// each dX value is written once (the winner gets the gradient, the others 0) with no zeroing pass first.
// Eight windows at a time; a row's last ones (LeNet's 12- and 4-wide rows) through padded copies.
void maxPool2x2TilingBackward(const ConvGeometry& g, const float* __restrict dy, const std::int32_t* __restrict argmax,
                              float* __restrict dx)
{
    const int width = g.width, outWidth = g.outWidth;
    const int full = outWidth / 8 * 8, rest = outWidth - full;
    for (int c = 0; c < g.channels; ++c)
        for (int oy = 0; oy < g.outHeight; ++oy) {
            const long o = (long(c) * g.outHeight + oy) * outWidth;
            const std::int32_t base = (c * g.height + 2 * oy) * width;
            float* r0 = dx + base;
            float* r1 = r0 + width;
            for (int ox = 0; ox < full; ox += 8)
                maxPool2x2EightBackward(dy + o + ox, argmax + o + ox, base + 2 * ox, width, r0 + 2 * ox, r1 + 2 * ox);
            if (rest == 4) {
                maxPool2x2FourBackward(dy + o + full, argmax + o + full, base + 2 * full, width, r0 + 2 * full,
                                       r1 + 2 * full);
                continue;
            }
            if (rest == 0)
                continue;
            float paddedDy[8] = {}, rows[2][16];
            std::int32_t paddedAt[8] = {-1, -1, -1, -1, -1, -1, -1, -1}; // no padded window wins anything
            std::memcpy(paddedDy, dy + o + full, sizeof(float) * std::size_t(rest));
            std::memcpy(paddedAt, argmax + o + full, sizeof(std::int32_t) * std::size_t(rest));
            maxPool2x2EightBackward(paddedDy, paddedAt, base + 2 * full, width, rows[0], rows[1]);
            std::memcpy(r0 + 2 * full, rows[0], sizeof(float) * std::size_t(2 * rest));
            std::memcpy(r1 + 2 * full, rows[1], sizeof(float) * std::size_t(2 * rest));
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
    const int parts = batchParts(m_pool, batch, outputs * 4);
    const bool tiling = m_g.kernel == 2 && m_g.stride == 2 && m_g.height == 2 * m_g.outHeight &&
                        m_g.width == 2 * m_g.outWidth;
    if (tiling) {
        dX->resize(batch, m_g.inputSize());
        forEachBatchPart(m_pool, parts, batch, [&](int, long begin, long end) {
            for (long i = begin; i < end; ++i)
                maxPool2x2TilingBackward(m_g, dOut.row(i).data(), m_argmax.data() + i * outputs, dX->row(i).data());
        });
        return;
    }
    dX->setZero(batch, m_g.inputSize());
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
