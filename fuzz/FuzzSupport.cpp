// Scratch files, gzip and CRC-32 for the fuzz targets.
#include "FuzzSupport.h"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace neurite::fuzz {

namespace {

std::vector<std::string>& scratchFiles()
{
    static std::vector<std::string> files;
    return files;
}

// libFuzzer ends with exit(): the scratch files go with it.
void removeScratchFiles()
{
    for (const std::string& file : scratchFiles())
        std::remove(file.c_str());
}

} // namespace

std::string scratchPath(const std::string& tag)
{
    const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm"
                                                      : (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    const std::string path = std::string(dir) + "/neurite-fuzz-" + tag + "-" + std::to_string(::getpid());
    if (scratchFiles().empty())
        std::atexit(removeScratchFiles);
    scratchFiles().push_back(path);
    return path;
}

void writeScratch(const std::string& path, const void* data, std::size_t size)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || (size && std::fwrite(data, 1, size, file) != size) || std::fclose(file) != 0)
        invariantBroken("cannot write the scratch file");
}

std::string gzipBytes(const void* data, std::size_t size)
{
    z_stream zs{};
    // memLevel 1: a 512-byte hash table instead of 64 kB, which deflate clears for every stream (it was a
    // tenth of fuzz_idx's time). Still a normal gzip stream with a 32 kB window, in smaller blocks.
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 1, Z_DEFAULT_STRATEGY) != Z_OK)
        invariantBroken("deflateInit2 failed");
    std::string out(deflateBound(&zs, uLong(size)) + 32, '\0');
    zs.next_in = static_cast<Bytef*>(const_cast<void*>(data));
    zs.avail_in = uInt(size);
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        invariantBroken("deflate did not finish");
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::uint32_t crc32Of(const void* data, std::size_t size)
{
    return std::uint32_t(crc32(crc32(0L, Z_NULL, 0), static_cast<const Bytef*>(data), uInt(size)));
}

void invariantBroken(const char* what)
{
    std::fprintf(stderr, "neurite fuzz: invariant broken: %s\n", what);
    std::abort();
}

} // namespace neurite::fuzz
