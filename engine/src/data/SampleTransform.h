// One sample's augmentation as plain values (an affine map and photometric changes) and its application
// to an image in CHW order.
#pragma once

#include "neurite/Augmentation.h"
#include "neurite/Tensor.h"

#include <cstdint>
#include <vector>

namespace neurite {

// Output pixel p (column x, row y, pixel centres at integers) takes its value from the input at
//   q = c + R(-angle) (p - c - t) / scale,  then x mirrored (x -> W - 1 - x) when flip,
// i.e. the input is flipped, scaled by `scale` and rotated by `angle` about the centre c = ((W-1)/2,
// (H-1)/2), then moved by t = (shiftX, shiftY) pixels. Positive angles turn clockwise on screen (y down).
// Then every value v becomes clamp((v - mean) * contrast + mean + brightness + noise, 0, 1), where mean is
// the sample's mean after the geometry and noise is Gaussian with deviation noiseDeviation (one of 4096
// levels, see SampleRandom::normalAt).
struct SampleTransform {
    float shiftX = 0, shiftY = 0; // pixels
    float angle = 0;              // radians
    float scale = 1;
    bool flip = false;
    float contrast = 1;
    float brightness = 0;
    float noiseDeviation = 0;
    std::uint32_t noiseKey = 0; // picks the noise values (SampleRandom::normalAt(key, value index))

    bool movesPixels() const { return shiftX != 0 || shiftY != 0 || angle != 0 || scale != 1 || flip; }
    bool changesValues() const { return contrast != 1 || brightness != 0 || noiseDeviation > 0; }
};

// The transform of row `row` of batch `batchIndex` in epoch `epoch`: every range drawn uniformly (see
// AugmentationSettings) from a stream of its own, so it depends on nothing else.
SampleTransform drawSampleTransform(const AugmentationSettings& settings, const Shape& shape, std::uint64_t seed,
                                    int epoch, int batchIndex, int row);

// Working space of applyTransform, resized as needed, so that a loop over many samples allocates once.
struct TransformScratch {
    std::vector<float> copy;    // the sample before the geometry (C*H*W)
    std::vector<int> offsets;   // one row's four source offsets per pixel (4, W)
    std::vector<float> weights; // and their bilinear weights (4, W)
};

// Transforms `sample` (C*H*W values, CHW order of `shape`) in place.
void applyTransform(const SampleTransform& transform, const Shape& shape, float* sample, TransformScratch& scratch);

} // namespace neurite
