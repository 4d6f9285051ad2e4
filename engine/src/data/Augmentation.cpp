// Drawing each sample's random transform from the settings and applying it to a batch.
#include "neurite/Augmentation.h"

#include "data/SampleRandom.h"
#include "data/SampleTransform.h"

#include <algorithm>
#include <cassert>
#include <numbers>

namespace neurite {

namespace {

// Every row of batch (n, C*H*W).
void augmentRows(const AugmentationSettings& s, const Shape& shape, Matrix& batch, std::uint64_t seed, int epoch,
                 int batchIndex)
{
    TransformScratch scratch;
    for (int row = 0; row < int(batch.rows()); ++row)
        applyTransform(drawSampleTransform(s, shape, seed, epoch, batchIndex, row), shape, batch.row(row).data(),
                       scratch);
}

} // namespace

// The draws happen in one fixed order, each whether or not its range is zero, so that turning one change
// off leaves the others' values as they were.
SampleTransform drawSampleTransform(const AugmentationSettings& s, const Shape& shape, std::uint64_t seed, int epoch,
                                    int batchIndex, int row)
{
    SampleRandom rng(seed, std::uint64_t(epoch), std::uint64_t(batchIndex), std::uint64_t(row));
    SampleTransform t;
    t.shiftX = rng.symmetric(s.shift) * float(shape.width);
    t.shiftY = rng.symmetric(s.shift) * float(shape.height);
    t.angle = rng.symmetric(s.rotation) * float(std::numbers::pi / 180.0);
    t.scale = 1.0f + rng.symmetric(s.scale);
    t.flip = rng.coin() && s.horizontalFlip;
    t.contrast = 1.0f + rng.symmetric(s.contrast);
    t.brightness = rng.symmetric(s.brightness);
    t.noiseDeviation = s.noise;
    t.noiseKey = std::uint32_t(rng.next() >> 32);
    return t;
}

void augmentBatch(const AugmentationSettings& settings, const Shape& shape, Matrix& batch, std::uint64_t seed,
                  int epoch, int batchIndex)
{
    if (!settings.enabled || batch.rows() == 0)
        return;
    assert(batch.cols() == shape.size());
    // One thread: at about 4 us per 28x28 sample, a second thread of the 2-core machine gave no measurable
    // gain (tests/bench/bench_engine, README), and every row draws from its own stream, so a split would
    // change nothing in the result if one is ever worth it.
    augmentRows(settings, shape, batch, seed, epoch, batchIndex);
}

Matrix augmentedVersions(const AugmentationSettings& settings, const Shape& shape, const float* sample, int count,
                         std::uint64_t seed)
{
    Matrix out(count, shape.size());
    for (int k = 0; k < count; ++k)
        std::copy_n(sample, shape.size(), out.row(k).data());
    AugmentationSettings on = settings;
    on.enabled = true;
    augmentBatch(on, shape, out, seed, 0, 0);
    return out;
}

} // namespace neurite
