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
    float cosA, sinA, inverseScale, cx, cy, tx, ty, flipEdge;
    bool flip;

    InverseMap(const SampleTransform& t, const Shape& shape)
        : cosA(std::cos(t.angle)), sinA(std::sin(t.angle)), inverseScale(1.0f / t.scale),
          cx(0.5f * float(shape.width - 1)), cy(0.5f * float(shape.height - 1)), tx(t.shiftX), ty(t.shiftY),
          flipEdge(float(shape.width - 1)), flip(t.flip)
    {
    }

    void source(int x, int y, float& qx, float& qy) const
    {
        const float px = float(x) - cx - tx; // x, y and the centres are small integers or halves: exact
        const float py = float(y) - cy - ty;
        qx = cx + (cosA * px + sinA * py) * inverseScale;
        qy = cy + (cosA * py - sinA * px) * inverseScale;
        if (flip)
            qx = flipEdge - qx;
    }
};

// Bilinear weights of the four neighbours of (qx, qy); a neighbour outside the image reads 0 (background),
// which the caller gets by a zero weight and a clamped (valid) offset.
struct Taps {
    int offset[4] = {0, 0, 0, 0};
    float weight[4] = {0, 0, 0, 0};
    bool any = false;

    Taps(float qx, float qy, int width, int height)
    {
        if (!(qx > -1.0f && qx < float(width) && qy > -1.0f && qy < float(height)))
            return; // no neighbour inside the image (NaN cannot occur: the map is finite)
        const int x0 = int(std::floor(qx)), y0 = int(std::floor(qy));
        const float fx = qx - float(x0), fy = qy - float(y0);
        const float wx[2] = {1.0f - fx, fx}, wy[2] = {1.0f - fy, fy};
        for (int k = 0; k < 4; ++k) {
            const int x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x < 0 || x >= width || y < 0 || y >= height)
                continue;
            offset[k] = y * width + x;
            weight[k] = wx[k & 1] * wy[k >> 1];
            any = true;
        }
    }
};

// out (C, H, W) = in resampled through `map`.
void warp(const InverseMap& map, const Shape& shape, const float* in, float* out)
{
    const int width = shape.width, height = shape.height;
    const std::size_t plane = std::size_t(width) * std::size_t(height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            float qx = 0, qy = 0;
            map.source(x, y, qx, qy);
            const Taps taps(qx, qy, width, height);
            const std::size_t at = std::size_t(y) * std::size_t(width) + std::size_t(x);
            for (int c = 0; c < shape.channels; ++c) {
                const float* src = in + std::size_t(c) * plane;
                // Pairs along x first, then along y: a whole-pixel position gives 1 * v + 0 * w = v exactly.
                const float top = src[taps.offset[0]] * taps.weight[0] + src[taps.offset[1]] * taps.weight[1];
                const float bottom = src[taps.offset[2]] * taps.weight[2] + src[taps.offset[3]] * taps.weight[3];
                out[std::size_t(c) * plane + at] = taps.any ? top + bottom : 0.0f;
            }
        }
    }
}

// Contrast about the sample's mean, brightness, noise, then clamp to [0, 1].
void adjustValues(const SampleTransform& t, float* sample, std::size_t size)
{
    double sum = 0;
    for (std::size_t i = 0; i < size; ++i)
        sum += sample[i];
    const float mean = float(sum / double(size));
    const float offset = mean * (1.0f - t.contrast) + t.brightness; // v * contrast + offset
    SampleRandom noise(t.noiseSeed, 0, 0, 0);
    const bool noisy = t.noiseDeviation > 0;
    for (std::size_t i = 0; i < size; ++i) {
        float v = sample[i] * t.contrast + offset;
        if (noisy)
            v += t.noiseDeviation * noise.normal();
        sample[i] = std::clamp(v, 0.0f, 1.0f);
    }
}

} // namespace

void applyTransform(const SampleTransform& transform, const Shape& shape, float* sample, std::vector<float>& scratch)
{
    const std::size_t size = std::size_t(shape.size());
    if (transform.movesPixels()) {
        scratch.assign(sample, sample + size);
        warp(InverseMap(transform, shape), shape, scratch.data(), sample);
    }
    if (transform.changesValues())
        adjustValues(transform, sample, size);
}

} // namespace neurite
