// im2col and col2im, row by row: for stride 1 each output row is one contiguous copy of an input row.
#include "kernels/Im2Col.h"

#include <algorithm>
#include <cstring>

namespace neurite {
namespace {

// Runs are short (an output row: often 8 to 28 values), so a memmove call per run costs more than the
// copy: move 8 floats at a time through a vector register instead (constant-size memcpy is inlined).
using Floats8 = float __attribute__((vector_size(32)));

inline void copyRun(float* dst, const float* src, int n)
{
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        Floats8 v;
        std::memcpy(&v, src + i, sizeof v);
        std::memcpy(dst + i, &v, sizeof v);
    }
    for (; i < n; ++i)
        dst[i] = src[i];
}

inline void addRun(float* dst, const float* src, int n)
{
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        Floats8 a, b;
        std::memcpy(&a, dst + i, sizeof a);
        std::memcpy(&b, src + i, sizeof b);
        a += b;
        std::memcpy(dst + i, &a, sizeof a);
    }
    for (; i < n; ++i)
        dst[i] += src[i];
}

// The output columns [begin, end) whose input column ox*stride - padLeft + kx lies inside [0, width).
void validColumns(const ConvGeometry& g, int kx, int& begin, int& end)
{
    const int first = g.padLeft - kx;              // need ox * stride >= first
    const int last = g.width - 1 + g.padLeft - kx; // need ox * stride <= last
    begin = first <= 0 ? 0 : (first + g.stride - 1) / g.stride;
    end = last < 0 ? 0 : std::min(g.outWidth, last / g.stride + 1);
    begin = std::min(begin, end);
}

// Stride 1 without padding (LeNet's "valid" convolutions): every row of col is outHeight runs of outWidth
// values, one from each of consecutive input rows, with nothing to check or fill. The general loop spends
// more on its bookkeeping than on these short copies.
bool isUnpaddedStrideOne(const ConvGeometry& g)
{
    return g.stride == 1 && g.padTop == 0 && g.padLeft == 0 && g.outHeight + g.kernel - 1 <= g.height &&
           g.outWidth + g.kernel - 1 <= g.width;
}

void im2colUnpadded(const float* x, const ConvGeometry& g, float* col, long ld)
{
    const int k = g.kernel, oh = g.outHeight, ow = g.outWidth, h = g.height, w = g.width;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
                const float* in = x + (long(c) * h + ky) * w + kx;
                float* out = col + ((long(c) * k + ky) * k + kx) * ld;
                for (int oy = 0; oy < oh; ++oy)
                    copyRun(out + long(oy) * ow, in + long(oy) * w, ow);
            }
}

void col2imUnpadded(const float* col, long ld, const ConvGeometry& g, float* dX)
{
    std::fill(dX, dX + g.inputSize(), 0.0f);
    const int k = g.kernel, oh = g.outHeight, ow = g.outWidth, h = g.height, w = g.width;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
                const float* in = col + ((long(c) * k + ky) * k + kx) * ld;
                float* out = dX + (long(c) * h + ky) * w + kx;
                for (int oy = 0; oy < oh; ++oy)
                    addRun(out + long(oy) * w, in + long(oy) * ow, ow);
            }
}

} // namespace

void im2col(const float* x, const ConvGeometry& g, float* col, long ld)
{
    if (isUnpaddedStrideOne(g)) {
        im2colUnpadded(x, g, col, ld);
        return;
    }
    const int k = g.kernel, s = g.stride, ow = g.outWidth;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
                float* row = col + ((long(c) * k + ky) * k + kx) * ld;
                int begin, end;
                validColumns(g, kx, begin, end);
                for (int oy = 0; oy < g.outHeight; ++oy) {
                    float* out = row + long(oy) * ow;
                    const int iy = oy * s - g.padTop + ky;
                    if (iy < 0 || iy >= g.height) {
                        std::fill(out, out + ow, 0.0f);
                        continue;
                    }
                    const float* in = x + (long(c) * g.height + iy) * g.width;
                    const int shift = kx - g.padLeft; // input column = ox * stride + shift
                    std::fill(out, out + begin, 0.0f);
                    if (s == 1) {
                        copyRun(out + begin, in + begin + shift, end - begin);
                    } else {
                        for (int ox = begin; ox < end; ++ox)
                            out[ox] = in[ox * s + shift];
                    }
                    std::fill(out + end, out + ow, 0.0f);
                }
            }
}

void col2im(const float* col, long ld, const ConvGeometry& g, float* dX)
{
    if (isUnpaddedStrideOne(g)) {
        col2imUnpadded(col, ld, g, dX);
        return;
    }
    std::fill(dX, dX + g.inputSize(), 0.0f);
    const int k = g.kernel, s = g.stride, ow = g.outWidth;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
                const float* row = col + ((long(c) * k + ky) * k + kx) * ld;
                int begin, end;
                validColumns(g, kx, begin, end);
                for (int oy = 0; oy < g.outHeight; ++oy) {
                    const int iy = oy * s - g.padTop + ky;
                    if (iy < 0 || iy >= g.height)
                        continue;
                    const float* in = row + long(oy) * ow;
                    float* out = dX + (long(c) * g.height + iy) * g.width;
                    const int shift = kx - g.padLeft;
                    if (s == 1) {
                        addRun(out + begin + shift, in + begin, end - begin);
                        continue;
                    }
                    for (int ox = begin; ox < end; ++ox)
                        out[ox * s + shift] += in[ox];
                }
            }
}

} // namespace neurite
