// The image cache file: a fixed header (magic, key, count, encoding), a record per image (width, height,
// colour), then the pixels. Numbers are little-endian; the file's size must be exactly what the header says.
#include "data/ImageCache.h"

#include "io/AtomicFile.h"
#include "neurite/Error.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace neurite {

namespace {

constexpr char kMagic[8] = {'N', 'R', 'T', 'I', 'M', 'G', 'C', '1'};
constexpr std::size_t kHeaderBytes = sizeof(kMagic) + 2 * 8 + 8 + 4 * 4; // magic, key, count, encoding, 0
constexpr std::size_t kRecordBytes = 9;                                  // width, height (4 bytes each), colour
constexpr int kMaxCachedSide = 1 << 15;

// FNV-1a over bytes, with two different starting points for a 128-bit key.
struct KeyHasher {
    std::uint64_t high = 14695981039346656037ULL;
    std::uint64_t low = 0x9ae16a3b2f90404fULL;
    void add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            high = (high ^ bytes[i]) * 1099511628211ULL;
            low = (low ^ bytes[i]) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
        }
    }
    void add(const std::string& text)
    {
        add(text.data(), text.size());
        add(std::uint64_t(text.size()));
    }
    void add(std::uint64_t value) { add(&value, sizeof value); }
};

void putNumber(std::string& out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

std::uint64_t getNumber(const unsigned char* in, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= std::uint64_t(in[i]) << (8 * i);
    return value;
}

std::string hexOf(std::uint64_t value)
{
    static const char* digits = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        text[std::size_t(i)] = digits[value & 0xf];
    return text;
}

bool validEncoding(std::uint64_t channels, std::uint64_t rows, std::uint64_t cols)
{
    return (channels == 1 || channels == 3) && rows >= 1 && cols >= 1 && rows <= kMaxCachedSide &&
           cols <= kMaxCachedSide;
}

} // namespace

ImageCacheKey imageCacheKey(const ImageFolderScan& scan)
{
    KeyHasher hasher;
    hasher.add(std::string(kMagic, sizeof kMagic));
    hasher.add(std::uint64_t(scan.files.size()));
    for (const ImageFile& file : scan.files) {
        hasher.add(file.path);
        hasher.add(std::uint64_t(file.label) << 8 | std::uint64_t(file.part));
        hasher.add(file.bytes);
        hasher.add(std::uint64_t(file.modified));
    }
    return {hasher.high, hasher.low};
}

std::string imageCachePath(const std::string& dataDir, const std::string& folder)
{
    std::error_code error;
    fs::path absolute = fs::weakly_canonical(fs::absolute(folder, error), error);
    if (error)
        absolute = fs::path(folder);
    KeyHasher hasher;
    hasher.add(absolute.string());
    return (fs::path(dataDir) / "cache" / "images" / (hexOf(hasher.high) + ".bin")).string();
}

namespace {

// Reads `count` records after the header; false when one is impossible.
bool readRecords(std::ifstream& in, std::size_t count, std::vector<ImageHeader>& headers)
{
    std::vector<unsigned char> records(count * kRecordBytes);
    if (!in.read(reinterpret_cast<char*>(records.data()), std::streamsize(records.size())))
        return false;
    headers.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* r = records.data() + i * kRecordBytes;
        headers[i] = {int(getNumber(r, 4)), int(getNumber(r + 4, 4)), r[8] != 0};
        if (headers[i].width <= 0 || headers[i].height <= 0 ||
            std::int64_t(headers[i].width) * headers[i].height > kMaxImagePixels)
            return false;
    }
    return true;
}

} // namespace

std::optional<DecodedImages>
readImageCache(const std::string& path, const ImageCacheKey& key, std::size_t count,
               const std::function<ImageEncoding(const std::vector<ImageHeader>&)>& encodingFor, std::uint64_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, kHeaderBytes> header{};
    if (!in || !in.read(reinterpret_cast<char*>(header.data()), std::streamsize(header.size())))
        return std::nullopt;
    const unsigned char* p = header.data();
    if (std::memcmp(p, kMagic, sizeof kMagic) != 0 || getNumber(p + 8, 8) != key.high ||
        getNumber(p + 16, 8) != key.low || getNumber(p + 24, 8) != count)
        return std::nullopt;
    const std::uint64_t channels = getNumber(p + 32, 4), rows = getNumber(p + 36, 4), cols = getNumber(p + 40, 4);
    if (!validEncoding(channels, rows, cols))
        return std::nullopt;
    const std::uint64_t pixelBytes = std::uint64_t(count) * channels * rows * cols; // no overflow: each < 2^15
    std::error_code error;
    const std::uint64_t fileBytes = fs::file_size(path, error);
    if (error || fileBytes != kHeaderBytes + count * kRecordBytes + pixelBytes)
        return std::nullopt;
    DecodedImages images;
    images.encoding = {int(channels), int(rows), int(cols)};
    if (!readRecords(in, count, images.headers))
        return std::nullopt;
    if (encodingFor(images.headers) != images.encoding || pixelBytes > maxBytes)
        return images; // the headers still spare a pass over the files
    images.pixels.resize(pixelBytes);
    if (!in.read(reinterpret_cast<char*>(images.pixels.data()), std::streamsize(pixelBytes)))
        return std::nullopt;
    return images;
}

void writeImageCache(const std::string& path, const ImageCacheKey& key, const DecodedImages& images)
{
    std::error_code error;
    fs::create_directories(fs::path(path).parent_path(), error);
    if (error)
        throw NeuriteError("Cannot create the cache folder " + fs::path(path).parent_path().string() + ": " +
                           error.message());
    std::string head(kMagic, sizeof kMagic);
    putNumber(head, key.high, 8);
    putNumber(head, key.low, 8);
    putNumber(head, images.headers.size(), 8);
    for (int value : {images.encoding.channels, images.encoding.rows, images.encoding.cols, 0})
        putNumber(head, std::uint64_t(value), 4);
    std::string records;
    records.reserve(images.headers.size() * kRecordBytes);
    for (const ImageHeader& h : images.headers) {
        putNumber(records, std::uint64_t(h.width), 4);
        putNumber(records, std::uint64_t(h.height), 4);
        putNumber(records, h.colour ? 1 : 0, 1);
    }
    AtomicFileWriter writer(path);
    writer.write(head);
    writer.write(records);
    writer.write(images.pixels.data(), images.pixels.size());
    writer.commit();
}

} // namespace neurite
