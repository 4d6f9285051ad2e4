// Direct convolution: a run of output pixels of one row for a block of filters is kept in vector registers
// (one vector of sums per filter) while the kernel's taps stream past; each tap is one unaligned load of the
// input row, shared by every filter of the block, and one multiply-add per filter.
#include "kernels/DirectConvolution.h"

#include <algorithm>
#include <cstring>

namespace neurite {
namespace {

// `Lanes` floats as one value: GCC and Clang map it to the widest vector registers that fit. Spelled out
// per size: GCC ignores a vector_size that depends on a template parameter in an alias template.
template <int Lanes>
struct FloatsOf;
template <>
struct FloatsOf<16> {
    using Type = float __attribute__((vector_size(64)));
};
template <>
struct FloatsOf<8> {
    using Type = float __attribute__((vector_size(32)));
};
template <>
struct FloatsOf<4> {
    using Type = float __attribute__((vector_size(16)));
};
template <>
struct FloatsOf<1> {
    using Type = float;
};

// y[f][oy][ox .. ox + Lanes) for the filters [0, Filters) of w (rows `patch` apart) and y (rows `pixels`
// apart).
template <int Lanes, int Filters>
inline void outputRun(const float* x, const ConvGeometry& g, const float* w, long patch, float* y, long pixels, int oy,
                      int ox)
{
    using V = typename FloatsOf<Lanes>::Type;
    V sums[Filters] = {};
    const int k = g.kernel;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky) {
            const float* row = x + (long(c) * g.height + oy + ky) * g.width + ox;
            const float* taps = w + (long(c) * k + ky) * k;
            for (int kx = 0; kx < k; ++kx) {
                V in;
                std::memcpy(&in, row + kx, sizeof in);
                for (int f = 0; f < Filters; ++f)
                    sums[f] += taps[f * patch + kx] * in;
            }
        }
    float* out = y + long(oy) * g.outWidth + ox;
    for (int f = 0; f < Filters; ++f)
        std::memcpy(out + f * pixels, &sums[f], sizeof sums[f]);
}

// Every output pixel of `Filters` filters: each row in runs of 16, then 8, 4 and single pixels.
template <int Filters>
void filterBlock(const float* x, const ConvGeometry& g, const float* w, long patch, float* y, long pixels)
{
    for (int oy = 0; oy < g.outHeight; ++oy) {
        int ox = 0;
        for (; ox + 16 <= g.outWidth; ox += 16)
            outputRun<16, Filters>(x, g, w, patch, y, pixels, oy, ox);
        for (; ox + 8 <= g.outWidth; ox += 8)
            outputRun<8, Filters>(x, g, w, patch, y, pixels, oy, ox);
        for (; ox + 4 <= g.outWidth; ox += 4)
            outputRun<4, Filters>(x, g, w, patch, y, pixels, oy, ox);
        for (; ox < g.outWidth; ++ox)
            outputRun<1, Filters>(x, g, w, patch, y, pixels, oy, ox);
    }
}

// Narrow rows (LeNet's second convolution: 8 pixels) would fill half a vector: there the 16 lanes hold 16
// filters instead, with one vector of sums per pixel, and the input value is the one broadcast.
// wT: (patch, filters), the weights transposed, so that a tap's 16 filters are one load.
template <int Pixels>
inline void pixelRunOfSixteenFilters(const float* x, const ConvGeometry& g, const float* wT, int filters, float* y,
                                     long pixels, int oy, int ox)
{
    using V = FloatsOf<16>::Type;
    V sums[Pixels] = {};
    const int k = g.kernel;
    for (int c = 0; c < g.channels; ++c)
        for (int ky = 0; ky < k; ++ky) {
            const float* row = x + (long(c) * g.height + oy + ky) * g.width + ox;
            const float* taps = wT + (long(c) * k + ky) * k * filters;
            for (int kx = 0; kx < k; ++kx) {
                V weights;
                std::memcpy(&weights, taps + long(kx) * filters, sizeof weights);
                for (int p = 0; p < Pixels; ++p)
                    sums[p] += row[kx + p] * weights;
            }
        }
    // (pixel, filter) in registers -> (filter, pixel) in y
    float values[Pixels][16];
    std::memcpy(values, sums, sizeof values);
    float* out = y + long(oy) * g.outWidth + ox;
    for (int f = 0; f < 16; ++f)
        for (int p = 0; p < Pixels; ++p)
            out[f * pixels + p] = values[p][f];
}

void sixteenFilterBlock(const float* x, const ConvGeometry& g, const float* wT, int filters, float* y, long pixels)
{
    for (int oy = 0; oy < g.outHeight; ++oy) {
        int ox = 0;
        for (; ox + 8 <= g.outWidth; ox += 8)
            pixelRunOfSixteenFilters<8>(x, g, wT, filters, y, pixels, oy, ox);
        for (; ox + 4 <= g.outWidth; ox += 4)
            pixelRunOfSixteenFilters<4>(x, g, wT, filters, y, pixels, oy, ox);
        for (; ox < g.outWidth; ++ox)
            pixelRunOfSixteenFilters<1>(x, g, wT, filters, y, pixels, oy, ox);
    }
}

bool acrossFilters(const ConvGeometry& g, int filters)
{
    return g.outWidth < 16 && filters % 16 == 0;
}

// Kernel rows whose sums the weight gradient keeps in registers at once: all K with AVX-512's 32 vector
// registers (9 or 25 sums); one row elsewhere, where 16 registers of 8 or 4 floats could not hold them.
#if defined(__AVX512F__)
template <int K>
constexpr int kGradientRows = K;
#else
template <int K>
constexpr int kGradientRows = 1;
#endif

// The weight gradient of the taps of kernel rows [ky0, ky0 + Rows) of channel c for a block of filters (one
// vector): dWT[tap] += the sum over output pixels of x[c][oy + ky][ox + kx] * dZT[pixel]. The Rows x K sums
// stay in registers while the pixels stream past; each pixel is one load of its filters' gradients and
// Rows x K multiply-adds. (With one row's K sums, 3 for a 3x3 kernel, the loop waited on each multiply-add's
// latency: too few independent chains to keep both FMA pipes busy.)
template <int K, int Rows, typename V>
void kernelRowsGradient(const float* x, const ConvGeometry& g, const float* dZT, int filters, int c, int ky0,
                        float* dWT)
{
    V sums[Rows][K] = {};
    for (int oy = 0; oy < g.outHeight; ++oy) {
        const float* rows = x + (long(c) * g.height + oy + ky0) * g.width;
        const float* d = dZT + long(oy) * g.outWidth * filters;
        for (int ox = 0; ox < g.outWidth; ++ox) {
            V gradients;
            std::memcpy(&gradients, d + long(ox) * filters, sizeof gradients);
            for (int r = 0; r < Rows; ++r)
                for (int kx = 0; kx < K; ++kx)
                    sums[r][kx] += rows[long(r) * g.width + ox + kx] * gradients;
        }
    }
    for (int r = 0; r < Rows; ++r)
        for (int kx = 0; kx < K; ++kx) {
            float* tap = dWT + (long(ky0 + r) * K + kx) * filters;
            V total;
            std::memcpy(&total, tap, sizeof total);
            total += sums[r][kx];
            std::memcpy(tap, &total, sizeof total);
        }
}

template <int K, int Lanes>
void weightGradientOf(const float* x, const ConvGeometry& g, const float* dZT, int filters, float* dWT)
{
    using V = typename FloatsOf<Lanes>::Type;
    constexpr int rows = kGradientRows<K>;
    for (int f = 0; f < filters; f += Lanes)
        for (int c = 0; c < g.channels; ++c)
            for (int ky = 0; ky < K; ky += rows)
                kernelRowsGradient<K, rows, V>(x, g, dZT + f, filters, c, ky, dWT + long(c) * K * K * filters + f);
}

} // namespace

ConvGeometry paddedInputGeometry(const ConvGeometry& g)
{
    ConvGeometry p = g;
    p.height = g.outHeight + g.kernel - 1;
    p.width = g.outWidth + g.kernel - 1;
    p.padTop = p.padLeft = 0;
    return p;
}

bool needsPaddedInput(const ConvGeometry& g)
{
    const ConvGeometry p = paddedInputGeometry(g);
    return g.padTop != 0 || g.padLeft != 0 || p.height != g.height || p.width != g.width;
}

void padInput(const float* x, const ConvGeometry& g, float* padded, long channelStride)
{
    const ConvGeometry p = paddedInputGeometry(g);
    if (channelStride == 0)
        channelStride = long(g.height) * g.width;
    // The input columns that land inside the padded row: [0, copied) at padLeft.
    const int copied = std::clamp(p.width - g.padLeft, 0, g.width);
    for (int c = 0; c < g.channels; ++c)
        for (int r = 0; r < p.height; ++r) {
            float* row = padded + (long(c) * p.height + r) * p.width;
            const int source = r - g.padTop;
            if (source < 0 || source >= g.height || copied == 0) {
                std::fill(row, row + p.width, 0.0f);
                continue;
            }
            std::fill(row, row + g.padLeft, 0.0f);
            std::memcpy(row + g.padLeft, x + c * channelStride + long(source) * g.width,
                        sizeof(float) * std::size_t(copied));
            std::fill(row + g.padLeft + copied, row + p.width, 0.0f);
        }
}

ConvGeometry inputGradientGeometry(const ConvGeometry& g, int filters)
{
    ConvGeometry d;
    if (g.stride != 1 || g.padTop > g.kernel - 1 || g.padLeft > g.kernel - 1)
        return d; // outHeight 0: not a plain convolution
    d.channels = filters;
    d.height = g.outHeight;
    d.width = g.outWidth;
    d.kernel = g.kernel;
    d.stride = 1;
    d.padTop = g.kernel - 1 - g.padTop;
    d.padLeft = g.kernel - 1 - g.padLeft;
    d.outHeight = g.height;
    d.outWidth = g.width;
    return d;
}

void flipKernels(const float* w, const ConvGeometry& g, int filters, float* flipped)
{
    const int k = g.kernel;
    const long taps = long(k) * k, patch = g.patchSize(), flippedPatch = long(filters) * taps;
    for (int f = 0; f < filters; ++f)
        for (int c = 0; c < g.channels; ++c)
            for (long t = 0; t < taps; ++t) // tap t = ky * k + kx lands at (k-1-ky, k-1-kx) = taps-1-t
                flipped[c * flippedPatch + f * taps + (taps - 1 - t)] = w[f * patch + c * taps + t];
}

bool suitsDirectWeightGradient(const ConvGeometry& g, int filters)
{
    return g.stride == 1 && g.padTop == 0 && g.padLeft == 0 && g.outHeight + g.kernel - 1 <= g.height &&
           g.outWidth + g.kernel - 1 <= g.width && (g.kernel == 3 || g.kernel == 5) && filters % 8 == 0;
}

void directWeightGradient(const float* x, const ConvGeometry& g, const float* dZT, int filters, float* dWT)
{
    const bool sixteen = filters % 16 == 0;
    if (g.kernel == 3)
        (sixteen ? weightGradientOf<3, 16> : weightGradientOf<3, 8>)(x, g, dZT, filters, dWT);
    else
        (sixteen ? weightGradientOf<5, 16> : weightGradientOf<5, 8>)(x, g, dZT, filters, dWT);
}

bool suitsDirectConvolution(const ConvGeometry& g, int filters)
{
    // Wide rows fill the vectors with pixels; narrow ones with 16 filters at a time. Other shapes (narrow
    // rows, few filters) would leave most lanes empty: a matrix product of im2col columns does better.
    return g.stride == 1 && g.padTop == 0 && g.padLeft == 0 && g.outHeight + g.kernel - 1 <= g.height &&
           g.outWidth + g.kernel - 1 <= g.width && (g.outWidth >= 16 || acrossFilters(g, filters));
}

bool directConvolutionReadsTransposedWeights(const ConvGeometry& g, int filters)
{
    return acrossFilters(g, filters);
}

void directConvolution(const float* x, const ConvGeometry& g, const float* w, const float* wT, int filters, float* y)
{
    const long patch = g.patchSize(), pixels = g.outputPixels();
    if (acrossFilters(g, filters)) {
        for (int f = 0; f < filters; f += 16)
            sixteenFilterBlock(x, g, wT + f, filters, y + f * pixels, pixels);
        return;
    }
    // Eight filters' sums fill eight vector registers: enough independent multiply-adds to keep both
    // FMA pipes busy, few enough to leave registers for the input.
    int f = 0;
    for (; f + 8 <= filters; f += 8)
        filterBlock<8>(x, g, w + f * patch, patch, y + f * pixels, pixels);
    for (; f + 4 <= filters; f += 4)
        filterBlock<4>(x, g, w + f * patch, patch, y + f * pixels, pixels);
    for (; f < filters; ++f)
        filterBlock<1>(x, g, w + f * patch, patch, y + f * pixels, pixels);
}

} // namespace neurite
