// Fuzzes loading an image folder through Qt's decoder: the input's first byte chooses a mode, the rest is
// either image files (split at "|NEXT|", each named .png/.jpg/.bmp/.webp by a byte) placed among valid
// images in two class folders, or the body of a cache file behind a header that matches the folder, so
// that the records and pixels of the cache reader are reached. The loader must return consistent data or
// throw NeuriteError; nothing else (crash, other exception, huge allocation, hang) is acceptable.
#include "FuzzSupport.h"
#include "ImageSamples.h"
#include "data/ImageCache.h"
#include "data/ImageFolderScan.h"
#include "neurite/Error.h"
#include "neurite/ImageFolder.h"

#include <QBuffer>
#include <QImage>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace neurite;
namespace fs = std::filesystem;

namespace {

const char* const kExtensions[] = {".png", ".jpg", ".bmp", ".webp"};

// A small PNG of `color`, encoded once: encoding it again for every input (a deflate stream set up and
// cleared each time) took more of the fuzzer's time than loading the folder.
const QByteArray& pngOf(QColor color)
{
    static std::map<QRgb, QByteArray> encoded;
    QByteArray& bytes = encoded[color.rgb()];
    if (bytes.isEmpty()) {
        QImage image(6, 5, QImage::Format_RGB888);
        image.fill(color);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    return bytes;
}

// A small valid PNG in each class folder, so that the scan succeeds and the fuzzed files are decoded.
void writeValidImages(const std::string& root)
{
    for (const char* name : {"a", "b"}) {
        fs::create_directories(root + "/" + name);
        const QByteArray& png = pngOf(QColor(name[0] == 'a' ? 200 : 20, 90, 140));
        fuzz::writeScratch(root + "/" + name + "/valid.png", png.constData(), std::size_t(png.size()));
    }
}

// The input's pieces as image files in a/ and b/ (alternately).
void writeFuzzedImages(const std::string& root, const std::string& input)
{
    std::size_t start = 0;
    for (int i = 0; i < 4 && start <= input.size(); ++i) {
        std::size_t end = input.find("|NEXT|", start);
        if (end == std::string::npos)
            end = input.size();
        const std::string piece = input.substr(start, end - start);
        const char* extension = kExtensions[piece.empty() ? 0 : std::uint8_t(piece[0]) % 4];
        const std::string path = root + "/" + (i % 2 ? "b" : "a") + "/f" + std::to_string(i) + extension;
        fuzz::writeScratch(path, piece.data(), piece.size());
        start = end + 6;
    }
}

// A cache header that matches the folder (magic, key, count), then the input.
void writeFuzzedCache(const std::string& root, const std::string& dataDir, const std::string& input)
{
    const ImageFolderScan scan = scanImageFolder(root);
    const ImageCacheKey key = imageCacheKey(scan);
    std::string bytes("NRTIMGC1", 8);
    for (std::uint64_t value : {key.high, key.low, std::uint64_t(scan.files.size())})
        for (int i = 0; i < 8; ++i)
            bytes.push_back(char((value >> (8 * i)) & 0xff));
    bytes += input;
    const std::string path = imageCachePath(dataDir, root);
    fs::create_directories(fs::path(path).parent_path());
    fuzz::writeScratch(path, bytes.data(), bytes.size());
}

void checkConsistent(const Dataset& data, std::size_t files)
{
    const ImageEncoding& e = data.schema.image;
    if ((e.channels != 1 && e.channels != 3) || e.rows < 1 || e.cols < 1)
        fuzz::invariantBroken("loadImageFolder returned an impossible encoding");
    if (data.train.count() + data.test.count() != files)
        fuzz::invariantBroken("loadImageFolder lost or invented images");
    for (const SampleSet* set : {&data.train, &data.test})
        if (set->pixels.size() != set->count() * std::size_t(set->valuesPerSample()) ||
            set->valuesPerSample() != e.channels * e.rows * e.cols)
            fuzz::invariantBroken("loadImageFolder returned pixels that disagree with the encoding");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const bool installed = (render::installImageDecoder(), true);
    (void)installed;
    static const std::string root = fuzz::scratchPath("imagefolder");
    const std::string dataDir = root + "-data";
    std::error_code error;
    fs::remove_all(root, error);
    fs::remove_all(dataDir, error);
    writeValidImages(root);
    const std::string input(reinterpret_cast<const char*>(data), size);
    const bool cacheMode = size > 0 && data[0] % 2 == 1;
    if (cacheMode)
        writeFuzzedCache(root, dataDir, input.substr(1));
    else
        writeFuzzedImages(root, input.substr(size > 0 ? 1 : 0));
    DataOptions options;
    options.dataDir = dataDir;
    options.testSplit = 0.5;
    try {
        const Dataset loaded = loadImageFolder(root, options);
        checkConsistent(loaded, scanImageFolder(root).files.size());
    } catch (const NeuriteError&) {
    }
    return 0;
}
