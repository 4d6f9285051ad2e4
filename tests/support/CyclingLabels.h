// Class labels for `rows` samples that go round all ten classes in a fixed order (0, 7, 4, 1, 8, ...):
// every class present in a batch of ten or more, the same labels on every run.
#pragma once

#include <cstdint>
#include <vector>

namespace neurite::test {

inline std::vector<std::uint8_t> cyclingLabels(int rows)
{
    std::vector<std::uint8_t> labels;
    for (int i = 0; i < rows; ++i)
        labels.push_back(std::uint8_t((i * 7) % 10));
    return labels;
}

} // namespace neurite::test
