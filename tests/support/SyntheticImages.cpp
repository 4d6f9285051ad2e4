// Small image-classification data sets made in memory for the training UI tests.
#include "SyntheticImages.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace neurite::test {

Dataset syntheticImages(int side, int classes, int trainPerClass, int testPerClass, std::uint64_t seed, float blend)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::normal_distribution<float> noise(0.0f, 25.0f);
    const int pixels = side * side;
    std::vector<std::vector<float>> prototypes(static_cast<std::size_t>(classes),
                                               std::vector<float>(static_cast<std::size_t>(pixels)));
    for (auto& prototype : prototypes)
        for (float& v : prototype)
            v = unit(rng) < 0.3f ? 255.0f : 0.0f;

    Dataset d;
    d.name = "synthetic";
    for (int c = 0; c < classes; ++c)
        d.classNames.push_back("c" + std::to_string(c));
    const auto fill = [&](SampleSet& set, int perClass) {
        set.rows = side;
        set.cols = side;
        for (int i = 0; i < perClass; ++i)
            for (int c = 0; c < classes; ++c) {
                const int other = int(rng() % std::uint64_t(classes));
                const float a = blend * unit(rng);
                for (int p = 0; p < pixels; ++p) {
                    const float v = (1 - a) * prototypes[std::size_t(c)][std::size_t(p)] +
                                    a * prototypes[std::size_t(other)][std::size_t(p)] + noise(rng);
                    set.pixels.push_back(std::uint8_t(std::clamp(v, 0.0f, 255.0f)));
                }
                set.labels.push_back(std::uint8_t(c));
            }
    };
    fill(d.train, trainPerClass);
    fill(d.test, testPerClass);
    return d;
}

} // namespace neurite::test
