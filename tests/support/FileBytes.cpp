// readBytes / writeBytes: plain binary file access for the tests.
#include "FileBytes.h"

#include <cstdio>
#include <fstream>
#include <iterator>

namespace neurite::test {

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::string& bytes)
{
    // Removed first: ext4 flushes a file truncated and rewritten in place, which made the per-byte tests slow.
    std::remove(path.c_str());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string writeFileIn(const std::string& folder, const std::string& name, const std::string& bytes)
{
    const std::string path = folder + "/" + name;
    writeBytes(path, bytes);
    return path;
}

} // namespace neurite::test
