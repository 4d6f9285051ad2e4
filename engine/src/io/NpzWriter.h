// Writes NumPy .npz archives (an uncompressed zip of .npy arrays) of float32 tensors, for Python tools.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

struct NpyArray {
    std::string name;                // the key numpy.load() gives ("dense1.weight")
    std::vector<std::int64_t> shape; // C order
    std::vector<float> values;       // row-major, shape's product values
};

// The bytes of an .npz file holding `arrays` (stored, not deflated: numpy reads both).
std::string npzBytes(const std::vector<NpyArray>& arrays);

} // namespace neurite
