// The decoded bytes of an image folder, cached in the data directory so that the second load reads one
// file instead of decoding every image. The cache is untrusted input like any file: a header, key or size
// that does not match means "decode again", never a crash or a large allocation.
#pragma once

#include "data/ImageFolderScan.h"
#include "neurite/ImageDecoder.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace neurite {

// What decoding an image folder produced: an entry per scanned file, in scan order.
struct DecodedImages {
    ImageEncoding encoding;
    bool sizeCapped = false;
    std::vector<ImageHeader> headers; // each file's size and colour as its header said
    std::vector<std::uint8_t> pixels; // files.size() * encoding's bytes, CHW per image
};

// The key of a scan: every path, class, part, size and modification time, and the cache's format.
struct ImageCacheKey {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const ImageCacheKey&) const = default;
};
ImageCacheKey imageCacheKey(const ImageFolderScan& scan);

// Where the cache of `folder` lives: dataDir/cache/images/<hash of its absolute path>.bin. One file per
// folder: loading it with another size or channels replaces it.
std::string imageCachePath(const std::string& dataDir, const std::string& folder);

// What the cache at `path` holds when it has exactly `count` images under `key`; nullopt otherwise
// (missing, stale, truncated or damaged). The headers always; the pixels only when the cached encoding
// is encodingFor(headers), the one the caller would choose now (else `pixels` is empty and the caller
// decodes again, without reading the headers). `maxBytes` bounds the pixels it may allocate.
std::optional<DecodedImages>
readImageCache(const std::string& path, const ImageCacheKey& key, std::size_t count,
               const std::function<ImageEncoding(const std::vector<ImageHeader>&)>& encodingFor,
               std::uint64_t maxBytes);

// Writes the cache atomically, creating its folder. Throws NeuriteError naming the file.
void writeImageCache(const std::string& path, const ImageCacheKey& key, const DecodedImages& images);

} // namespace neurite
