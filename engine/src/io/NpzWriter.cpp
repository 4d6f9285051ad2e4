// .npz = a zip archive of .npy files: NPY 1.0 headers, little-endian float32 data, stored zip entries.
#include "io/NpzWriter.h"

#include "neurite/Error.h"

#include <bit>
#include <cstring>
#include <limits>
#include <zlib.h>

namespace neurite {
namespace {

static_assert(std::endian::native == std::endian::little, "the .npy data is written as in memory ('<f4')");

void put16(std::string& out, std::uint32_t v)
{
    out += char(v & 0xff);
    out += char((v >> 8) & 0xff);
}

void put32(std::string& out, std::uint32_t v)
{
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}

// NPY format 1.0: magic, version, header length, a Python dict literal padded so data starts 64-aligned.
std::string npyBytes(const NpyArray& array)
{
    // Python tuple syntax: "(10,)" for one dimension, "(784, 128)" for two.
    std::string shape = "(";
    for (std::size_t i = 0; i < array.shape.size(); ++i)
        shape += (i ? ", " : "") + std::to_string(array.shape[i]);
    shape += array.shape.size() == 1 ? ",)" : ")";
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    put16(out, std::uint32_t(header.size()));
    out += header;
    out.append(reinterpret_cast<const char*>(array.values.data()), array.values.size() * sizeof(float));
    return out;
}

struct Entry {
    std::string name;
    std::uint32_t crc = 0;
    std::uint32_t size = 0;
    std::uint32_t offset = 0;
};

constexpr std::uint32_t kDosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01: fixed, so exports are reproducible

void putEntryFields(std::string& out, const Entry& e)
{
    put16(out, 20);       // version needed: 2.0
    put16(out, 0);        // flags
    put16(out, 0);        // method: stored
    put16(out, 0);        // time
    put16(out, kDosDate); // date
    put32(out, e.crc);
    put32(out, e.size); // compressed size
    put32(out, e.size); // uncompressed size
    put16(out, std::uint32_t(e.name.size()));
    put16(out, 0); // extra field length
}

std::uint32_t checked32(std::size_t n)
{
    if (n > std::numeric_limits<std::uint32_t>::max())
        throw NeuriteError("The weights are too large for an .npz file without ZIP64 (over 4 GiB).");
    return std::uint32_t(n);
}

} // namespace

std::string npzBytes(const std::vector<NpyArray>& arrays)
{
    std::string out;
    std::vector<Entry> entries;
    for (const NpyArray& array : arrays) {
        const std::string data = npyBytes(array);
        Entry e{array.name + ".npy", 0, checked32(data.size()), checked32(out.size())};
        e.crc = std::uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), uInt(data.size())));
        put32(out, 0x04034b50);
        putEntryFields(out, e);
        out += e.name;
        out += data;
        entries.push_back(e);
    }
    const std::uint32_t directoryOffset = checked32(out.size());
    for (const Entry& e : entries) {
        put32(out, 0x02014b50);
        put16(out, 20); // version made by
        putEntryFields(out, e);
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, e.offset);
        out += e.name;
    }
    const std::uint32_t directorySize = checked32(out.size() - directoryOffset);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, std::uint32_t(entries.size()));
    put16(out, std::uint32_t(entries.size()));
    put32(out, directorySize);
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

} // namespace neurite
