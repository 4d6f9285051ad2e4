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

// The four neighbours of a source position and their bilinear weights. A neighbour outside the image
// reads 0 (background): it gets weight 0 and a valid offset, so every tap can be read unconditionally.
struct Taps {
    int offset[4] = {0, 0, 0, 0};
    float weight[4] = {0, 0, 0, 0};

    // Weights are products of the x and y weights, summed in pairs along x, so a whole-pixel position
    // gives 1 * v + 0 * w + 0 * u + 0 * z = v exactly.
    float read(const float* src) const
    {
        return (src[offset[0]] * weight[0] + src[offset[1]] * weight[1]) +
               (src[offset[2]] * weight[2] + src[offset[3]] * weight[3]);
    }
};

// Taps of (qx, qy); false when no neighbour lies inside the image.
bool findTaps(float qx, float qy, int width, int height, Taps& taps)
{
    if (!(qx > -1.0f && qx < float(width) && qy > -1.0f && qy < float(height)))
        return false;
    const int x0 = int(std::floor(qx)), y0 = int(std::floor(qy));
    const float fx = qx - float(x0), fy = qy - float(y0);
    const float wx[2] = {1.0f - fx, fx}, wy[2] = {1.0f - fy, fy};
    const bool inside = x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height;
    for (int k = 0; k < 4; ++k) {
        const int x = x0 + (k & 1), y = y0 + (k >> 1);
        const bool valid = inside || (x >= 0 && x < width && y >= 0 && y < height);
        taps.offset[k] = valid ? y * width + x : 0;
        taps.weight[k] = valid ? wx[k & 1] * wy[k >> 1] : 0.0f;
    }
    return true;
}

// out (C, H, W) = in resampled through `map`.
void warp(const InverseMap& map, const Shape& shape, const float* in, float* out)
{
    const int width = shape.width, height = shape.height;
    const std::size_t plane = std::size_t(width) * std::size_t(height);
    Taps taps;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            float qx = 0, qy = 0;
            map.source(x, y, qx, qy);
            const std::size_t at = std::size_t(y) * std::size_t(width) + std::size_t(x);
            const bool any = findTaps(qx, qy, width, height, taps);
            for (int c = 0; c < shape.channels; ++c)
                out[std::size_t(c) * plane + at] = any ? taps.read(in + std::size_t(c) * plane) : 0.0f;
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
