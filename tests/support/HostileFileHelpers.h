// Shared by the tests that feed readers hostile or limit-sized files: gzip bytes, and the process's peak
// resident memory (a reader must refuse a header that claims gigabytes without allocating them).
#pragma once

#include <sys/resource.h>
#include <zlib.h>

#include <string>

namespace neurite::test {

// Peak resident memory of this process so far, in MB.
inline long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// `bytes` as a gzip stream (as a `.gz` file holds it).
inline std::string gzip(const std::string& bytes)
{
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, uLong(bytes.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = uInt(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

} // namespace neurite::test
