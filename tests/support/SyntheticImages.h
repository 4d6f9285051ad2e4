// Small image-classification data sets made in memory for the training UI tests.
#pragma once

#include "neurite/Dataset.h"

#include <cstdint>

namespace neurite::test {

// `classes` random prototype images of side x side pixels; each sample blends its class's prototype with
// a random other class's (weight up to `blend`) plus noise, so a model learns it well but not perfectly.
// Labels cycle through the classes; class names are "c0", "c1", ...
Dataset syntheticImages(int side, int classes, int trainPerClass, int testPerClass, std::uint64_t seed,
                        float blend = 0.45f);

} // namespace neurite::test
