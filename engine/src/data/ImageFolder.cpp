// loadImageFolder: scan the folder, take the decoded bytes from the cache or decode every image (headers
// first, to choose the encoding, then the pixels), split, and report what was found and chosen.
#include "neurite/ImageFolder.h"

#include "data/ImageCache.h"
#include "data/ImageEncodingChoice.h"
#include "data/ImageFolderScan.h"
#include "data/ParallelImages.h"
#include "data/TableFit.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace neurite {

namespace {

void checkEncoding(const ImageEncoding& e, const std::string& context)
{
    if ((e.channels != 1 && e.channels != 3) || e.rows < 1 || e.cols < 1 || e.rows > kMaxImageSide ||
        e.cols > kMaxImageSide)
        throw NeuriteError(context + ": images must be grey (1 channel) or RGB (3) and 1 to " +
                           std::to_string(kMaxImageSide) + " pixels a side, not " + std::to_string(e.channels) +
                           " channels of " + std::to_string(e.cols) + "x" + std::to_string(e.rows));
}

void checkOptions(const DataOptions& options, const std::string& folder)
{
    if (options.imageChannels != 0 && options.imageChannels != 1 && options.imageChannels != 3)
        throw NeuriteError(folder + ": the channels must be 1 (grey) or 3 (RGB), not " +
                           std::to_string(options.imageChannels));
    const bool sized = options.imageRows != 0 || options.imageCols != 0;
    if (sized)
        checkEncoding({3, options.imageRows, options.imageCols}, folder);
    if (!(options.testSplit >= 0 && options.testSplit <= 0.9))
        throw NeuriteError(folder + ": the test split must be in [0, 0.9]");
}

std::size_t bytesPerImage(const ImageEncoding& e)
{
    return std::size_t(e.channels) * std::size_t(e.rows) * std::size_t(e.cols);
}

std::vector<ImageHeader> readHeaders(const ImageFolderScan& scan)
{
    const ImageDecoder& decoder = imageDecoder();
    std::vector<ImageHeader> headers(scan.files.size());
    forEachImage(
        scan.files.size(), [&](std::size_t i) { headers[i] = decoder.readHeader(scan.files[i].path); }, nullptr);
    return headers;
}

// Decodes every image into `images` (whose headers and encoding are set).
void decodePixels(const ImageFolderScan& scan, DecodedImages& images, const DataOptions& options)
{
    const ImageDecoder& decoder = imageDecoder();
    const std::size_t bytes = bytesPerImage(images.encoding);
    images.pixels.assign(scan.files.size() * bytes, 0);
    const auto decodeOne = [&](std::size_t i) {
        const std::vector<std::uint8_t> sample = decoder.decode(scan.files[i].path, images.encoding);
        if (sample.size() != bytes)
            throw NeuriteError("The image decoder returned " + std::to_string(sample.size()) + " bytes for " +
                               scan.files[i].path + " instead of " + std::to_string(bytes));
        std::memcpy(images.pixels.data() + i * bytes, sample.data(), bytes);
    };
    forEachImage(scan.files.size(), decodeOne, options.progress);
}

// The decoded images from the cache when it holds them in the encoding chosen now; otherwise decoded
// (headers from the cache when it has them) and cached for next time.
DecodedImages cachedOrDecoded(const ImageFolderScan& scan, const DataOptions& options, const std::string& folder,
                              const std::string& cachePath, bool& fromCache)
{
    const auto choose = [&](const std::vector<ImageHeader>& headers) {
        return chooseImageEncoding(headers, options, imageMemoryBudget(), folder);
    };
    const ImageCacheKey key = imageCacheKey(scan);
    std::optional<DecodedImages> cached;
    if (!cachePath.empty())
        cached = readImageCache(
            cachePath, key, scan.files.size(),
            [&](const std::vector<ImageHeader>& headers) { return choose(headers).encoding; }, imageMemoryBudget());
    DecodedImages images;
    images.headers = cached ? std::move(cached->headers) : readHeaders(scan);
    const EncodingChoice choice = choose(images.headers);
    images.encoding = choice.encoding;
    images.sizeCapped = choice.sizeCapped;
    fromCache = cached && !cached->pixels.empty();
    if (fromCache) {
        images.pixels = std::move(cached->pixels);
        return images;
    }
    decodePixels(scan, images, options);
    try {
        if (!cachePath.empty())
            writeImageCache(cachePath, key, images);
    } catch (const NeuriteError&) {
        // A read-only data directory costs the next load its speed, not this load its data.
    }
    return images;
}

// The cache file for this folder and these options, or "" when there is no data directory.
std::string cachePathFor(const std::string& folder, const DataOptions& options)
{
    try {
        return imageCachePath(dataDirectory(options.dataDir), folder);
    } catch (const NeuriteError&) {
        return {};
    }
}

// The images of `part` among `indices` (scan order) as a sample set.
SampleSet sampleSetOf(const ImageFolderScan& scan, const DecodedImages& images,
                      const std::vector<std::uint32_t>& indices)
{
    SampleSet set;
    set.kind = SampleKind::Image;
    set.channels = images.encoding.channels;
    set.rows = images.encoding.rows;
    set.cols = images.encoding.cols;
    const std::size_t bytes = bytesPerImage(images.encoding);
    set.pixels.resize(indices.size() * bytes);
    set.labels.reserve(indices.size());
    for (std::size_t k = 0; k < indices.size(); ++k) {
        std::memcpy(set.pixels.data() + k * bytes, images.pixels.data() + std::size_t(indices[k]) * bytes, bytes);
        set.labels.push_back(std::uint8_t(scan.files[indices[k]].label));
    }
    return set;
}

// The images of `indices` (ascending) as a sample set made of `images.pixels` itself: each moved forward to
// its place, then the buffer taken, so that the training part (most of the data) is not copied a second
// time. Call it last: `images` has no pixels afterwards.
SampleSet takeSampleSet(const ImageFolderScan& scan, DecodedImages& images, const std::vector<std::uint32_t>& indices)
{
    SampleSet set = sampleSetOf(scan, images, {});
    const std::size_t bytes = bytesPerImage(images.encoding);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (indices[k] != k)
            std::memmove(images.pixels.data() + k * bytes, images.pixels.data() + std::size_t(indices[k]) * bytes,
                         bytes);
        set.labels.push_back(std::uint8_t(scan.files[indices[k]].label));
    }
    images.pixels.resize(indices.size() * bytes);
    set.pixels = std::move(images.pixels);
    return set;
}

std::vector<std::uint32_t> indicesOf(const ImageFolderScan& scan, ImagePart part)
{
    std::vector<std::uint32_t> indices;
    for (std::size_t i = 0; i < scan.files.size(); ++i)
        if (scan.files[i].part == part)
            indices.push_back(std::uint32_t(i));
    return indices;
}

std::vector<std::size_t> countPerClass(const ImageFolderScan& scan, const std::vector<std::uint32_t>& indices)
{
    std::vector<std::size_t> counts(scan.classNames.size(), 0);
    for (std::uint32_t i : indices)
        ++counts[std::size_t(scan.files[i].label)];
    return counts;
}

void fillReport(ImageFolderReport& r, const ImageFolderScan& scan, const DecodedImages& images)
{
    r.layout = scan.layout;
    r.classNames = scan.classNames;
    r.ignoredFiles = scan.ignoredFiles;
    r.sizesFound = imageSizesFound(images.headers);
    r.colourImages = std::size_t(
        std::count_if(images.headers.begin(), images.headers.end(), [](const ImageHeader& h) { return h.colour; }));
    r.greyImages = images.headers.size() - r.colourImages;
    r.encoding = images.encoding;
    r.sizeCapped = images.sizeCapped;
}

} // namespace

bool isImageFolder(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
        return false;
    std::error_code error;
    bool hasSubfolder = false;
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.find("ubyte") != std::string::npos)
            return false; // IDX files ("train-images-idx3-ubyte.gz"): the folder is an IDX data set
        std::error_code statError;
        hasSubfolder = hasSubfolder || (name.front() != '.' && fs::is_directory(it->path(), statError));
    }
    return hasSubfolder;
}

Dataset loadImageFolder(const std::string& folder, const DataOptions& options, ImageFolderReport* report)
{
    checkOptions(options, folder);
    const ImageFolderScan scan = scanImageFolder(folder);
    const std::string cachePath = cachePathFor(folder, options);
    bool fromCache = false;
    DecodedImages images = cachedOrDecoded(scan, options, folder, cachePath, fromCache);

    std::vector<std::uint32_t> train = indicesOf(scan, ImagePart::Train), test = indicesOf(scan, ImagePart::Test);
    if (scan.layout == ImageFolderLayout::ClassFolders) {
        std::vector<int> labels(scan.files.size(), 0);
        for (std::size_t i = 0; i < scan.files.size(); ++i)
            labels[i] = scan.files[i].label;
        const TableSplit split = splitRows(train, labels, options.testSplit, options.splitSeed);
        train = split.train;
        test = split.test;
    }
    const std::vector<std::uint32_t> validation = indicesOf(scan, ImagePart::Validation);

    Dataset data;
    data.name = folder;
    data.source = folder;
    data.classNames = scan.classNames;
    data.schema.kind = DataSchema::Kind::Images;
    data.schema.task = TaskKind::Classification;
    data.schema.image = images.encoding;
    data.schema.imagePreparation = ImagePreparation::Resize;
    if (report) {
        *report = {};
        report->folder = folder;
        fillReport(*report, scan, images);
        report->trainCounts = countPerClass(scan, train);
        report->testCounts = countPerClass(scan, test);
        if (scan.hasValidation)
            report->valCounts = countPerClass(scan, validation);
        report->fromCache = fromCache;
        report->cacheFile = cachePath;
    }
    data.test = sampleSetOf(scan, images, test);
    data.validation = sampleSetOf(scan, images, validation);
    data.train = takeSampleSet(scan, images, train);
    return data;
}

std::vector<std::uint8_t> loadImageFile(const std::string& path, const ImageEncoding& encoding)
{
    checkEncoding(encoding, path);
    std::vector<std::uint8_t> sample = imageDecoder().decode(path, encoding);
    if (sample.size() != bytesPerImage(encoding))
        throw NeuriteError("The image decoder returned " + std::to_string(sample.size()) + " bytes for " + path);
    return sample;
}

} // namespace neurite
