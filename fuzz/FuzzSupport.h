// Helpers shared by the fuzz targets: scratch files, gzip and CRC-32 (zlib), and the "only NeuriteError" rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace neurite::fuzz {

// A per-process scratch file (in /dev/shm when there is one, so that fuzzing does not wear the disk).
std::string scratchPath(const std::string& tag);

// Replaces the file at `path` with `size` bytes from `data`. Aborts on failure: that is the fuzzer's problem.
void writeScratch(const std::string& path, const void* data, std::size_t size);

// `data` as a complete gzip stream.
std::string gzipBytes(const void* data, std::size_t size);

// CRC-32 as zlib (and the .neurite trailer) computes it.
std::uint32_t crc32Of(const void* data, std::size_t size);

// Stops the fuzzer with a message: an invariant of the code under test does not hold.
[[noreturn]] void invariantBroken(const char* what);

} // namespace neurite::fuzz
