// Data augmentation for image samples: a random affine transform and photometric changes per sample,
// applied to training batches and seeded so that a run can be repeated bit for bit.
#pragma once

#include "neurite/Tensor.h"

#include <cstdint>

namespace neurite {

// The ranges random changes are drawn from, each uniformly in [-x, +x] (flip: with probability 1/2).
// A zero range turns that change off. Saved in project files as part of TrainingSettings.
struct AugmentationSettings {
    bool enabled = false;        // off: training sees the images as they are
    float shift = 0.1f;          // translation, as a fraction of the width (x) and height (y)
    float rotation = 10.0f;      // degrees, about the image centre
    float scale = 0.1f;          // zoom factor in [1 - scale, 1 + scale], about the image centre
    bool horizontalFlip = false; // mirror left-right half of the time (off: it turns a 2 into no digit)
    float brightness = 0.1f;     // added to every value
    float contrast = 0.1f;       // distance from the sample's mean multiplied by [1 - contrast, 1 + contrast]
    float noise = 0.02f;         // standard deviation of Gaussian noise added to every value
    bool operator==(const AugmentationSettings&) const = default;
};

// Throws NeuriteError naming the field when a range is out of bounds or not a number, e.g.
// "augmentation rotation must be in [0, 180] degrees (got 200)".
void validateAugmentation(const AugmentationSettings& settings);

// Augments a gathered batch in place. batch: (n, C*H*W) values in [0, 1], each row one sample in CHW
// order of `shape`. Each sample gets its own transform: geometry by bilinear sampling with 0 (the
// background) outside the image, then contrast, brightness and noise, clamped to [0, 1]. The random
// draws depend only on (seed, epoch, batchIndex, the sample's row), so the result is the same for any
// thread count. Does nothing when settings.enabled is false.
void augmentBatch(const AugmentationSettings& settings, const Shape& shape, Matrix& batch, std::uint64_t seed,
                  int epoch, int batchIndex);

// `count` augmented versions of one sample (C*H*W values in [0, 1], CHW), for a preview grid: returns
// (count, C*H*W), row k drawn as augmentBatch would draw row k of a batch with (seed, epoch 0, batch 0).
// Applies the ranges whether or not settings.enabled is set, so a preview can show them before
// augmentation is turned on.
Matrix augmentedVersions(const AugmentationSettings& settings, const Shape& shape, const float* sample, int count,
                         std::uint64_t seed);

} // namespace neurite
