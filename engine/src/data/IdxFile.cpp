// IDX reading and writing: every header is checked against the bytes actually present before trusting it.
#include "neurite/IdxFile.h"

#include "io/AtomicFile.h"
#include "io/GzipFile.h"
#include "neurite/Error.h"

#include <algorithm>
#include <climits>

namespace neurite {

namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
// No IDX file Neurite reads comes near this; anything above is a corrupt or hostile header.
constexpr std::uint64_t kMaxIdxDataBytes = std::uint64_t(1) << 31;
constexpr std::size_t kMaxDims = 8;
// Decompressed data grows by at most this much before the bytes have actually arrived.
constexpr std::size_t kGrowthStep = std::size_t(64) << 20;
constexpr std::size_t kFirstStep = std::size_t(1) << 20;

std::string typeName(std::uint8_t type)
{
    switch (type) {
    case 0x08: return "unsigned byte";
    case 0x09: return "signed byte";
    case 0x0B: return "short";
    case 0x0C: return "int";
    case 0x0D: return "float";
    case 0x0E: return "double";
    default: return "unknown";
    }
}

std::string hexByte(std::uint8_t b)
{
    const char* digits = "0123456789abcdef";
    return {digits[b >> 4], digits[b & 15]};
}

std::string dimsText(const std::vector<std::uint32_t>& dims)
{
    std::string text;
    for (std::size_t i = 0; i < dims.size(); ++i)
        text += (i ? " x " : "") + std::to_string(dims[i]);
    return text;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw NeuriteError(path + ": " + problem);
}

// Reads exactly `size` header bytes or reports the file as truncated.
void readHeaderBytes(GzipReader& in, const std::string& path, std::uint8_t* dst, std::size_t size, const char* what)
{
    if (in.read(dst, size) != size)
        fail(path, std::string("truncated: the file ends inside the ") + what);
}

void checkMagic(const std::string& path, const std::uint8_t magic[4], bool gzip)
{
    if (magic[0] == 0 && magic[1] == 0)
        return;
    std::string problem = "not an IDX file (it starts with bytes " + hexByte(magic[0]) + " " + hexByte(magic[1]) + " " +
                          hexByte(magic[2]) + " " + hexByte(magic[3]) +
                          "; IDX files start with 00 00, the data type and the number of dimensions)";
    if (!gzip && endsWith(path, ".gz"))
        problem += "; despite its .gz name it is not gzip-compressed either";
    fail(path, problem);
}

// Product of the dims, refusing anything above kMaxIdxDataBytes before it can overflow.
std::uint64_t checkedDataSize(const std::string& path, const std::vector<std::uint32_t>& dims)
{
    if (std::find(dims.begin(), dims.end(), 0u) != dims.end())
        return 0;
    std::uint64_t size = 1;
    for (std::uint32_t d : dims) {
        size *= d;
        if (size > kMaxIdxDataBytes)
            fail(path, "its header claims dimensions " + dimsText(dims) +
                           ", more data than the 2 GiB Neurite accepts; the header is probably corrupt");
    }
    return size;
}

// Plain files: the file size is known, so the header is checked before anything is allocated.
void checkPlainSize(const std::string& path, std::uint64_t fileSize, std::uint64_t headerSize, std::uint64_t dataSize,
                    const std::vector<std::uint32_t>& dims)
{
    const std::uint64_t expected = headerSize + dataSize;
    if (fileSize < expected)
        fail(path, "truncated: the header claims dimensions " + dimsText(dims) + " (" + std::to_string(dataSize) +
                       " bytes of data) but the file holds only " + std::to_string(fileSize - headerSize) + " bytes");
    if (fileSize > expected)
        fail(path, "has " + std::to_string(fileSize - expected) + " trailing bytes after the " +
                       std::to_string(dataSize) + " bytes its header (" + dimsText(dims) + ") declares");
}

// Gzip files: deflate cannot compress better than kMaxDeflateRatio, which rules out absurd headers at once;
// the data is then inflated step by step so memory only grows with bytes that really arrive.
std::vector<std::uint8_t> readGzipData(GzipReader& in, const std::string& path, std::uint64_t dataSize,
                                       const std::vector<std::uint32_t>& dims)
{
    const std::uint64_t mostPossible = in.fileSize() * kMaxDeflateRatio;
    if (dataSize > mostPossible)
        fail(path, "truncated: the header claims dimensions " + dimsText(dims) + " (" + std::to_string(dataSize) +
                       " bytes of data) but a gzip file of " + std::to_string(in.fileSize()) +
                       " bytes cannot hold that much");
    std::vector<std::uint8_t> data;
    std::size_t got = 0;
    while (got < dataSize) {
        // Doubling from kFirstStep: a lying header costs at most about twice the bytes really present.
        const std::size_t growth = std::min(kGrowthStep, std::max(kFirstStep, got));
        const std::size_t step = std::size_t(std::min<std::uint64_t>(dataSize - got, growth));
        data.resize(got + step);
        const std::size_t n = in.read(data.data() + got, step);
        got += n;
        if (n < step)
            fail(path, "truncated: the header claims dimensions " + dimsText(dims) + " (" + std::to_string(dataSize) +
                           " bytes of data) but the file holds only " + std::to_string(got) + " bytes");
    }
    std::uint8_t extra = 0;
    if (in.read(&extra, 1) != 0)
        fail(path, "has trailing bytes after the " + std::to_string(dataSize) + " bytes its header (" + dimsText(dims) +
                       ") declares");
    return data;
}

} // namespace

IdxArray readIdx(const std::string& path)
{
    GzipReader in(path);
    std::uint8_t magic[4] = {0, 0, 0, 0};
    const std::size_t got = in.read(magic, 4);
    if (got < 4) {
        checkMagic(path, magic, in.isGzip());
        fail(path, "truncated: " + std::to_string(got) + " bytes are too short for an IDX header");
    }
    checkMagic(path, magic, in.isGzip());
    if (magic[2] != kUnsignedByteType)
        fail(path, "unsupported IDX data type 0x" + hexByte(magic[2]) + " (" + typeName(magic[2]) +
                       "); Neurite reads unsigned-byte (0x08) files only");
    const std::size_t ndim = magic[3];
    if (ndim == 0 || ndim > kMaxDims)
        fail(path, "unsupported number of dimensions " + std::to_string(ndim) + " in the IDX header (1 to " +
                       std::to_string(kMaxDims) + " expected)");

    IdxArray array;
    std::uint8_t raw[4 * kMaxDims];
    readHeaderBytes(in, path, raw, 4 * ndim, "IDX header");
    for (std::size_t i = 0; i < ndim; ++i) {
        const std::uint8_t* b = raw + 4 * i;
        array.dims.push_back(std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3]);
    }
    const std::uint64_t dataSize = checkedDataSize(path, array.dims);
    const std::uint64_t headerSize = 4 + 4 * ndim;
    if (in.isGzip()) {
        array.data = readGzipData(in, path, dataSize, array.dims);
    } else {
        checkPlainSize(path, in.fileSize(), headerSize, dataSize, array.dims);
        array.data.resize(std::size_t(dataSize));
        if (in.read(array.data.data(), array.data.size()) != dataSize)
            fail(path, "truncated: the file became shorter while it was read");
    }
    return array;
}

void writeIdx(const std::string& path, const IdxArray& array)
{
    std::uint64_t size = 1;
    for (std::uint32_t d : array.dims)
        size *= d;
    if (array.dims.empty() || array.dims.size() > kMaxDims || size != array.data.size())
        throw NeuriteError("Cannot write " + path + ": dimensions " + dimsText(array.dims) + " do not match " +
                           std::to_string(array.data.size()) + " bytes of data");
    std::string header = {0, 0, char(kUnsignedByteType), char(array.dims.size())};
    for (std::uint32_t d : array.dims)
        header += {char(d >> 24), char((d >> 16) & 0xff), char((d >> 8) & 0xff), char(d & 0xff)};

    AtomicFileWriter file(path);
    if (endsWith(path, ".gz")) {
        GzipWriter gzip(file);
        gzip.write(header.data(), header.size());
        gzip.write(array.data.data(), array.data.size());
        gzip.finish();
    } else {
        file.write(header);
        file.write(array.data.data(), array.data.size());
    }
    file.commit();
}

SampleSet readIdxImageSet(const std::string& imagesPath, const std::string& labelsPath)
{
    IdxArray images = readIdx(imagesPath);
    if (images.dims.size() != 3)
        fail(imagesPath, "an images file must be 3-D (count x rows x cols), but this one is " +
                             std::to_string(images.dims.size()) + "-D (" + dimsText(images.dims) + ")");
    if (images.dims[1] == 0 || images.dims[2] == 0 ||
        std::uint64_t(images.dims[1]) * images.dims[2] > std::uint64_t(INT_MAX))
        fail(imagesPath,
             "unusable image size " + std::to_string(images.dims[1]) + " x " + std::to_string(images.dims[2]));
    IdxArray labels = readIdx(labelsPath);
    if (labels.dims.size() != 1)
        fail(labelsPath, "a labels file must be 1-D (one label per image), but this one is " +
                             std::to_string(labels.dims.size()) + "-D (" + dimsText(labels.dims) + ")");
    if (labels.dims[0] != images.dims[0])
        throw NeuriteError(imagesPath + " holds " + std::to_string(images.dims[0]) + " images but " + labelsPath +
                           " holds " + std::to_string(labels.dims[0]) + " labels; they must match");
    SampleSet set;
    set.rows = int(images.dims[1]);
    set.cols = int(images.dims[2]);
    set.pixels = std::move(images.data);
    set.labels = std::move(labels.data);
    return set;
}

} // namespace neurite
