// Whole files as bytes, for tests that make, damage and compare files.
#pragma once

#include <string>

namespace neurite::test {

// The file's bytes ("" when it cannot be read).
std::string readBytes(const std::string& path);

// Replaces the file with `bytes`.
void writeBytes(const std::string& path, const std::string& bytes);

// Writes `bytes` as the file `name` in `folder` and returns its path.
std::string writeFileIn(const std::string& folder, const std::string& name, const std::string& bytes);

} // namespace neurite::test
