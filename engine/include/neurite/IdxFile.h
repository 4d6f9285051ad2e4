// Reads and writes the IDX format of MNIST (plain or gzip), checking every header against the file.
#pragma once

#include "neurite/Dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// An IDX array of unsigned bytes: dims (e.g. {60000, 28, 28}) and the data.
struct IdxArray {
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> data;
};

// Reads `path` (gzip detected by its magic bytes). Throws NeuriteError naming the file and the problem:
// bad magic, unsupported type, dimensions that disagree with the file size, truncation, bad gzip.
// Never allocates more than the file can actually hold.
IdxArray readIdx(const std::string& path);

// Writes an unsigned-byte IDX file; gzip-compressed when `path` ends in ".gz". Atomic (temp + rename).
void writeIdx(const std::string& path, const IdxArray& array);

// Reads an images file (n, rows, cols) and a labels file (n) and checks they agree.
SampleSet readIdxImageSet(const std::string& imagesPath, const std::string& labelsPath);

} // namespace neurite
