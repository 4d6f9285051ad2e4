#include "kernels/Transpose.h"

#if defined(__AVX512F__)
#include <immintrin.h>
// GCC 12 reports the placeholder operand of its own unpack intrinsics (_mm512_undefined_ps) as used
// uninitialised once they are inlined here: a false positive of its header, not of this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#endif

namespace neurite {
namespace {

#if defined(__AVX512F__)
__m512 pairsLow(__m512 a, __m512 b)
{
    return _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(a), _mm512_castps_pd(b)));
}

__m512 pairsHigh(__m512 a, __m512 b)
{
    return _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(a), _mm512_castps_pd(b)));
}

// r[i] = row i of a 16x16 tile -> r[i] = column i: interleave single floats, then pairs, then 128-bit
// quarters twice.
void transposeTile(__m512 r[16])
{
    __m512 t[16];
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 16; i += 4) {
        r[i] = pairsLow(t[i], t[i + 2]);
        r[i + 1] = pairsHigh(t[i], t[i + 2]);
        r[i + 2] = pairsLow(t[i + 1], t[i + 3]);
        r[i + 3] = pairsHigh(t[i + 1], t[i + 3]);
    }
    for (int half = 0; half < 16; half += 8)
        for (int i = 0; i < 4; ++i) {
            t[half + i] = _mm512_shuffle_f32x4(r[half + i], r[half + i + 4], 0x88);
            t[half + i + 4] = _mm512_shuffle_f32x4(r[half + i], r[half + i + 4], 0xdd);
        }
    for (int i = 0; i < 8; ++i) {
        r[i] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0x88);
        r[i + 8] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0xdd);
    }
}

// The 16x16 tile at src (rows srcStride apart) -> dst (rows dstStride apart), transposed.
void transposeTileInto(const float* src, long srcStride, float* dst, long dstStride)
{
    __m512 r[16];
    for (int i = 0; i < 16; ++i)
        r[i] = _mm512_loadu_ps(src + i * srcStride);
    transposeTile(r);
    for (int i = 0; i < 16; ++i)
        _mm512_storeu_ps(dst + i * dstStride, r[i]);
}
#endif

void transposeScalar(const float* src, long rowBegin, long rowEnd, long colBegin, long colEnd, long srcStride,
                     float* dst, long dstStride)
{
    for (long i = rowBegin; i < rowEnd; ++i)
        for (long j = colBegin; j < colEnd; ++j)
            dst[j * dstStride + i] = src[i * srcStride + j];
}

} // namespace

void transposeInto(const float* src, long rows, long cols, long srcStride, float* dst, long dstStride)
{
    long tiledRows = 0, tiledCols = 0;
#if defined(__AVX512F__)
    tiledRows = rows / 16 * 16;
    tiledCols = cols / 16 * 16;
    for (long i = 0; i < tiledRows; i += 16)
        for (long j = 0; j < tiledCols; j += 16)
            transposeTileInto(src + i * srcStride + j, srcStride, dst + j * dstStride + i, dstStride);
#endif
    // What the tiles leave: the columns right of them for the tiled rows, then the rows below them whole.
    transposeScalar(src, 0, tiledRows, tiledCols, cols, srcStride, dst, dstStride);
    transposeScalar(src, tiledRows, rows, 0, cols, srcStride, dst, dstStride);
}

} // namespace neurite
