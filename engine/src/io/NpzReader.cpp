// .npz = a zip archive of .npy files. The zip's central directory gives each entry's sizes and offset (zip64
// fields included, as numpy writes them for large arrays); an entry is stored or deflated (zlib), its CRC
// checked; the .npy header is a Python dict literal naming the data type, the order and the shape.
#include "io/NpzReader.h"

#include "neurite/Error.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <zlib.h>

namespace neurite {
namespace {

constexpr std::uint64_t kMaxFileBytes = std::uint64_t(2) << 30; // weights of a model one trains on a desktop
constexpr std::uint64_t kMaxDeflateRatio = 1032;                // deflate's best: larger claims are lies
constexpr std::size_t kMaxEntries = 100000;
constexpr std::uint32_t kUnknown32 = 0xffffffffu; // a zip field whose value is in the zip64 extra field

std::uint64_t little(const std::string& bytes, std::uint64_t at, int count)
{
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i)
        value = value << 8 | std::uint8_t(bytes[std::size_t(at) + std::size_t(i)]);
    return value;
}

std::string readWholeFile(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        throw NeuriteError("Cannot read " + path + ": it is not a file");
    if (std::uint64_t(info.st_size) > kMaxFileBytes)
        throw NeuriteError(path + " is larger than 2 GiB: not the weights of a Neurite design");
    std::ifstream in(path, std::ios::binary);
    std::string bytes(std::size_t(info.st_size), '\0');
    if (!in || !in.read(bytes.data(), std::streamsize(bytes.size())))
        throw NeuriteError("Cannot read " + path);
    return bytes;
}

struct ZipEntry {
    std::string name;
    std::uint32_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t size = 0;
    std::uint64_t localOffset = 0;
};

// Where the central directory starts and how many entries it has: from the end record (or its zip64 one).
std::pair<std::uint64_t, std::uint64_t> centralDirectoryPlace(const std::string& bytes, const std::string& path)
{
    const auto notZip = [&] { return NeuriteError(path + " is not an .npz file (a zip archive of NumPy arrays)"); };
    if (bytes.size() < 22)
        throw notZip();
    std::uint64_t end = bytes.size() - 22;
    const std::uint64_t lowest = end > 65535 ? end - 65535 : 0;
    while (little(bytes, end, 4) != 0x06054b50) {
        if (end == lowest)
            throw notZip();
        --end;
    }
    std::uint64_t entries = little(bytes, end + 10, 2), offset = little(bytes, end + 16, 4);
    if ((entries == 0xffff || offset == kUnknown32) && end >= 20 && little(bytes, end - 20, 4) == 0x07064b50) {
        const std::uint64_t record = little(bytes, end - 20 + 8, 8);
        // The zip64 end record is 56 bytes; a file shorter than that has none (and size - 56 would wrap).
        if (bytes.size() < 56 || record > bytes.size() - 56 || little(bytes, record, 4) != 0x06064b50)
            throw notZip();
        entries = little(bytes, record + 32, 8);
        offset = little(bytes, record + 48, 8);
    }
    if (offset > bytes.size() || entries > kMaxEntries)
        throw notZip();
    return {offset, entries};
}

// The zip64 extra field's values for the fields that hold 0xffffffff, in the order the format lists them.
void readZip64Extra(const std::string& bytes, std::uint64_t extra, std::uint64_t length, ZipEntry& e)
{
    for (std::uint64_t at = extra; at + 4 <= extra + length;) {
        const std::uint64_t id = little(bytes, at, 2), size = little(bytes, at + 2, 2);
        std::uint64_t field = at + 4;
        if (id == 1)
            for (std::uint64_t* value : {&e.size, &e.compressedSize, &e.localOffset})
                if (*value == kUnknown32 && field + 8 <= at + 4 + size && field + 8 <= extra + length) {
                    *value = little(bytes, field, 8);
                    field += 8;
                }
        at += 4 + size;
    }
}

std::vector<ZipEntry> centralDirectory(const std::string& bytes, const std::string& path)
{
    const auto [start, count] = centralDirectoryPlace(bytes, path);
    std::vector<ZipEntry> entries;
    std::uint64_t at = start;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (at + 46 > bytes.size() || little(bytes, at, 4) != 0x02014b50)
            throw NeuriteError(path + ": the zip directory is damaged (entry " + std::to_string(i + 1) + ")");
        const std::uint64_t nameLength = little(bytes, at + 28, 2), extraLength = little(bytes, at + 30, 2);
        const std::uint64_t commentLength = little(bytes, at + 32, 2);
        if (at + 46 + nameLength + extraLength + commentLength > bytes.size())
            throw NeuriteError(path + ": the zip directory is damaged (entry " + std::to_string(i + 1) + ")");
        ZipEntry e;
        if (little(bytes, at + 8, 2) & 1)
            throw NeuriteError(path + ": the archive is encrypted");
        e.method = std::uint32_t(little(bytes, at + 10, 2));
        e.crc = std::uint32_t(little(bytes, at + 16, 4));
        e.compressedSize = little(bytes, at + 20, 4);
        e.size = little(bytes, at + 24, 4);
        e.localOffset = little(bytes, at + 42, 4);
        e.name = bytes.substr(std::size_t(at + 46), std::size_t(nameLength));
        readZip64Extra(bytes, at + 46 + nameLength, extraLength, e);
        entries.push_back(std::move(e));
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

std::string inflated(const std::string& bytes, std::uint64_t start, const ZipEntry& e, const std::string& where)
{
    if (e.size > e.compressedSize * kMaxDeflateRatio + 64 || e.size > kMaxFileBytes)
        throw NeuriteError(where + " claims more data than its compressed bytes can hold");
    std::string out(std::size_t(e.size), '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        throw NeuriteError(where + ": cannot start zlib");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + start));
    z.avail_in = uInt(e.compressedSize);
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int status = inflate(&z, Z_FINISH);
    const uLong produced = z.total_out;
    inflateEnd(&z);
    if (status != Z_STREAM_END || produced != e.size)
        throw NeuriteError(where + ": the compressed data is damaged");
    return out;
}

// The entry's bytes, uncompressed and checked against its CRC.
std::string entryData(const std::string& bytes, const ZipEntry& e, const std::string& where)
{
    if (e.localOffset + 30 > bytes.size() || little(bytes, e.localOffset, 4) != 0x04034b50)
        throw NeuriteError(where + ": the zip entry's header is damaged");
    const std::uint64_t start = e.localOffset + 30 + little(bytes, e.localOffset + 26, 2) +
                                little(bytes, e.localOffset + 28, 2);
    if (start > bytes.size() || e.compressedSize > bytes.size() - start || e.compressedSize > kMaxFileBytes)
        throw NeuriteError(where + ": the zip entry runs past the end of the file");
    std::string data;
    if (e.method == 0) {
        if (e.size != e.compressedSize)
            throw NeuriteError(where + ": the zip entry's sizes disagree");
        data = bytes.substr(std::size_t(start), std::size_t(e.size));
    } else if (e.method == 8) {
        data = inflated(bytes, start, e, where);
    } else {
        throw NeuriteError(where + ": compression method " + std::to_string(e.method) +
                           " (only stored and deflated entries are read)");
    }
    const uLong crc = crc32_z(0, reinterpret_cast<const Bytef*>(data.data()), data.size());
    if (std::uint32_t(crc) != e.crc)
        throw NeuriteError(where + ": the data does not match its CRC (the file is damaged)");
    return data;
}

// The text after 'key': in an .npy header dict, spaces skipped.
std::string valueOf(const std::string& header, const std::string& key, const std::string& where)
{
    const std::size_t found = header.find("'" + key + "':");
    if (found == std::string::npos)
        throw NeuriteError(where + ": the .npy header has no '" + key + "'");
    const std::size_t value = header.find_first_not_of(' ', found + key.size() + 3);
    return value == std::string::npos ? std::string() : header.substr(value);
}

std::vector<std::int64_t> shapeOf(const std::string& header, const std::string& where)
{
    const std::string text = valueOf(header, "shape", where);
    const std::size_t close = text.find(')');
    if (text.empty() || text.front() != '(' || close == std::string::npos)
        throw NeuriteError(where + ": the .npy header's shape is not a tuple");
    std::vector<std::int64_t> shape;
    std::size_t at = 1;
    while (at < close) {
        at = text.find_first_not_of(" ,", at);
        if (at >= close)
            break;
        std::size_t digits = 0;
        std::int64_t dim = 0;
        for (; at < close && text[at] >= '0' && text[at] <= '9' && digits < 12; ++at, ++digits)
            dim = dim * 10 + (text[at] - '0');
        if (digits == 0 || digits == 12 || shape.size() == 32)
            throw NeuriteError(where + ": the .npy header's shape is not a tuple of sizes");
        shape.push_back(dim);
    }
    return shape;
}

// Fortran order (first index fastest) -> C order (last index fastest).
std::vector<float> toCOrder(const std::vector<float>& values, const std::vector<std::int64_t>& shape)
{
    std::vector<float> out(values.size());
    std::vector<std::int64_t> index(shape.size(), 0);
    for (std::size_t c = 0; c < values.size(); ++c) {
        std::int64_t f = 0, stride = 1;
        for (std::size_t k = 0; k < shape.size(); ++k) {
            f += index[k] * stride;
            stride *= shape[k];
        }
        out[c] = values[std::size_t(f)];
        for (std::size_t k = shape.size(); k-- > 0;) {
            if (++index[k] < shape[k])
                break;
            index[k] = 0;
        }
    }
    return out;
}

NpyArray parseNpy(const std::string& data, const std::string& name, const std::string& where)
{
    if (data.size() < 10 || data.compare(0, 6, "\x93NUMPY") != 0)
        throw NeuriteError(where + " is not a NumPy array (.npy)");
    const int major = std::uint8_t(data[6]);
    const std::uint64_t headerStart = major == 1 ? 10 : 12;
    if ((major < 1 || major > 3) || data.size() < headerStart)
        throw NeuriteError(where + ": .npy format version " + std::to_string(major) + " is not read");
    const std::uint64_t headerLength = little(data, 8, major == 1 ? 2 : 4);
    if (headerStart + headerLength > data.size())
        throw NeuriteError(where + ": the .npy header runs past the data");
    const std::string header = data.substr(std::size_t(headerStart), std::size_t(headerLength));
    const std::string descr = valueOf(header, "descr", where).substr(0, 5);
    if (descr != "'<f4'" && descr != "'<f8'")
        throw NeuriteError(where + ": the data type is " + descr + "; weights are float32 or float64 ('<f4', '<f8')");
    const bool fortran = valueOf(header, "fortran_order", where).rfind("True", 0) == 0;
    NpyArray array{name, shapeOf(header, where), {}};
    const std::uint64_t item = descr == "'<f4'" ? 4 : 8, bytes = data.size() - headerStart - headerLength;
    std::uint64_t count = 1;
    bool fits = true; // the product of the sizes is checked before it is formed: no overflow
    for (std::int64_t dim : array.shape) {
        fits = fits && (dim == 0 || count <= bytes / item / std::uint64_t(dim));
        count = fits ? count * std::uint64_t(dim) : 0;
    }
    if (!fits || count * item != bytes)
        throw NeuriteError(where + ": the shape does not match the " + std::to_string(bytes) + " bytes of data");
    array.values.resize(std::size_t(count));
    const char* values = data.data() + headerStart + headerLength;
    for (std::size_t i = 0; i < array.values.size(); ++i) {
        double v = 0;
        if (item == 4) {
            float f = 0;
            std::memcpy(&f, values + 4 * i, 4);
            v = f;
        } else {
            std::memcpy(&v, values + 8 * i, 8);
        }
        if (!std::isfinite(float(v)))
            throw NeuriteError(where + ": value " + std::to_string(i) + " is not a finite float");
        array.values[i] = float(v);
    }
    if (fortran && array.shape.size() > 1)
        array.values = toCOrder(array.values, array.shape);
    return array;
}

} // namespace

std::vector<NpyArray> readNpz(const std::string& path)
{
    const std::string bytes = readWholeFile(path);
    std::vector<NpyArray> arrays;
    for (const ZipEntry& entry : centralDirectory(bytes, path)) {
        const std::string where = path + ", array '" + entry.name + "'";
        const bool npy = entry.name.size() > 4 && entry.name.compare(entry.name.size() - 4, 4, ".npy") == 0;
        if (!npy)
            throw NeuriteError(where + " is not an .npy file");
        arrays.push_back(parseNpy(entryData(bytes, entry, where), entry.name.substr(0, entry.name.size() - 4), where));
    }
    return arrays;
}

} // namespace neurite
