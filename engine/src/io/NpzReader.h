// Reads NumPy .npz archives of float arrays (numpy.savez, savez_compressed, Neurite's own): the weights a
// PyTorch export's train.py writes. The file is untrusted: every size, offset and header is checked before
// anything is allocated from it.
#pragma once

#include "io/NpzWriter.h"

#include <string>
#include <vector>

namespace neurite {

// The arrays of the .npz file at `path` (keys without ".npy"), float32 or float64 ('<f4', '<f8') in C or
// Fortran order, converted to float32 in C order. Throws NeuriteError naming the file, and the array when
// one is the problem: not a zip, an entry that is not an .npy array, another data type, a bad CRC, values
// that are not finite.
std::vector<NpyArray> readNpz(const std::string& path);

} // namespace neurite
