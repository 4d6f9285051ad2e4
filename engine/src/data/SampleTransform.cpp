// Applying one sample's augmentation: bilinear resampling through the inverse affine map, then the
// photometric changes.
#include "data/SampleTransform.h"

#include "data/SampleRandom.h"

#include <algorithm>
#include <cmath>

namespace neurite {

namespace {

// The input position that output pixel (x, y) reads: see SampleTransform.
struct InverseMap {
    float cosA, sinA, inverseScale, cx, cy, tx, ty;
    float mirror, mirrorShift; // x -> mirror * x + mirrorShift: (1, 0), or (-1, W - 1) when flipped

    InverseMap(const SampleTransform& t, const Shape& shape)
        : cosA(std::cos(t.angle)), sinA(std::sin(t.angle)), inverseScale(1.0f / t.scale),
          cx(0.5f * float(shape.width - 1)), cy(0.5f * float(shape.height - 1)), tx(t.shiftX), ty(t.shiftY),
          mirror(t.flip ? -1.0f : 1.0f), mirrorShift(t.flip ? float(shape.width - 1) : 0.0f)
    {
    }

    void source(int x, int y, float& qx, float& qy) const
    {
        const float px = float(x) - cx - tx; // exact for whole-pixel shifts: integers and halves
        const float py = float(y) - cy - ty;
        // Arithmetic rather than a branch, so that the callers' loops vectorise; exact either way.
        qx = mirror * (cx + (cosA * px + sinA * py) * inverseScale) + mirrorShift;
        qy = cy + (cosA * py - sinA * px) * inverseScale;
    }
};

// One output row's bilinear taps: for pixel x, the offsets of its four source neighbours (top-left,
// top-right, bottom-left, bottom-right) and their weights. A neighbour outside the image reads 0
// (background): it gets weight 0 and a clamped, valid offset, so every tap can be read unconditionally and
// the loop has no branches (the compiler vectorises it).
// (The eight arrays are parameters: GCC vectorises the loop only with restrict-qualified parameters.)
void rowTaps(const InverseMap map, int y, int width, int height, int* __restrict o0, int* __restrict o1,
             int* __restrict o2, int* __restrict o3, float* __restrict w0, float* __restrict w1, float* __restrict w2,
             float* __restrict w3)
{
    const float right = float(width - 1), bottom = float(height - 1);
    for (int x = 0; x < width; ++x) {
        float qx = 0, qy = 0;
        map.source(x, y, qx, qy);
        // The top-left neighbour's whole-pixel coordinates as floats (exact), clamped to [-2, size]: there
        // both neighbours along that axis are outside, as they are for any position further out.
        const float left = std::min(std::max(std::floor(qx), -2.0f), float(width));
        const float top = std::min(std::max(std::floor(qy), -2.0f), float(height));
        const float fx = qx - std::floor(qx), fy = qy - std::floor(qy);
        const float wx0 = left >= 0.0f && left <= right ? 1.0f - fx : 0.0f;
        const float wx1 = left + 1.0f >= 0.0f && left + 1.0f <= right ? fx : 0.0f;
        const float wy0 = top >= 0.0f && top <= bottom ? 1.0f - fy : 0.0f;
        const float wy1 = top + 1.0f >= 0.0f && top + 1.0f <= bottom ? fy : 0.0f;
        const int cx0 = int(std::min(std::max(left, 0.0f), right));
        const int cx1 = int(std::min(std::max(left + 1.0f, 0.0f), right));
        const int cy0 = int(std::min(std::max(top, 0.0f), bottom));
        const int cy1 = int(std::min(std::max(top + 1.0f, 0.0f), bottom));
        o0[x] = cy0 * width + cx0;
        o1[x] = cy0 * width + cx1;
        o2[x] = cy1 * width + cx0;
        o3[x] = cy1 * width + cx1;
        w0[x] = wx0 * wy0;
        w1[x] = wx1 * wy0;
        w2[x] = wx0 * wy1;
        w3[x] = wx1 * wy1;
    }
}

// One output row of one channel from its taps.
void gatherRow(const float* __restrict src, float* __restrict dst, int width, const int* __restrict o0,
               const int* __restrict o1, const int* __restrict o2, const int* __restrict o3, const float* __restrict w0,
               const float* __restrict w1, const float* __restrict w2, const float* __restrict w3)
{
    for (int x = 0; x < width; ++x)
        dst[x] = (src[o0[x]] * w0[x] + src[o1[x]] * w1[x]) + (src[o2[x]] * w2[x] + src[o3[x]] * w3[x]);
}

// out (C, H, W) = in resampled through `map`. A whole-pixel position has weights 1, 0, 0, 0 and gives
// 1 * v + 0 * w + 0 * u + 0 * z = v exactly.
void warp(const InverseMap& map, const Shape& shape, const float* in, float* out, TransformScratch& scratch)
{
    const int width = shape.width, height = shape.height;
    const std::size_t plane = std::size_t(width) * std::size_t(height);
    scratch.offsets.resize(4 * std::size_t(width));
    scratch.weights.resize(4 * std::size_t(width));
    int *o0 = scratch.offsets.data(), *o1 = o0 + width, *o2 = o1 + width, *o3 = o2 + width;
    float *w0 = scratch.weights.data(), *w1 = w0 + width, *w2 = w1 + width, *w3 = w2 + width;
    for (int y = 0; y < height; ++y) {
        rowTaps(map, y, width, height, o0, o1, o2, o3, w0, w1, w2, w3);
        for (int c = 0; c < shape.channels; ++c)
            gatherRow(in + std::size_t(c) * plane, out + std::size_t(c) * plane + std::size_t(y) * std::size_t(width),
                      width, o0, o1, o2, o3, w0, w1, w2, w3);
    }
}

// The mean of `size` values, summed in eight lanes (a fixed order, so the same on every run).
float meanOf(const float* values, std::size_t size)
{
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0}; // NOLINT: a fixed-size accumulator the compiler keeps in a register
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8)
        for (std::size_t k = 0; k < 8; ++k)
            lanes[k] += values[i + k];
    double sum = 0;
    for (; i < size; ++i)
        sum += values[i];
    for (float lane : lanes)
        sum += lane;
    return float(sum / double(size));
}

// Contrast about the sample's mean, brightness, noise, then clamp to [0, 1].
void adjustValues(const SampleTransform& t, float* __restrict sample, std::size_t size)
{
    // With contrast 1 the mean drops out (mean * 0 = 0), so it is not computed.
    const float contrast = t.contrast, deviation = t.noiseDeviation;
    const std::uint32_t key = t.noiseKey;
    const float mean = contrast != 1.0f ? meanOf(sample, size) : 0.0f;
    const float offset = mean * (1.0f - contrast) + t.brightness; // v * contrast + offset
    if (deviation > 0) {
        const float* __restrict quantiles = SampleRandom::normalQuantiles().data();
        for (std::size_t i = 0; i < size; ++i) {
            const float noise = deviation * SampleRandom::normalAt(quantiles, key, std::uint32_t(i));
            sample[i] = std::min(std::max(sample[i] * contrast + offset + noise, 0.0f), 1.0f);
        }
        return;
    }
    for (std::size_t i = 0; i < size; ++i)
        sample[i] = std::min(std::max(sample[i] * contrast + offset, 0.0f), 1.0f);
}

} // namespace

void applyTransform(const SampleTransform& transform, const Shape& shape, float* sample, TransformScratch& scratch)
{
    const std::size_t size = std::size_t(shape.size());
    if (transform.movesPixels()) {
        scratch.copy.assign(sample, sample + size);
        warp(InverseMap(transform, shape), shape, scratch.copy.data(), sample, scratch);
    }
    if (transform.changesValues())
        adjustValues(transform, sample, size);
}

} // namespace neurite
