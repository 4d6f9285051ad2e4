// The encoding of an image folder: channels from the headers' colour, size from the most common size,
// capped for memory.
#include "data/ImageEncodingChoice.h"

#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unistd.h>

namespace neurite {

namespace {

constexpr std::uint64_t kMaxImageBytes = 4ULL << 30;
constexpr int kMinCappedSide = 4;

std::string gib(std::uint64_t bytes)
{
    const double value = double(bytes) / double(1ULL << 30);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GiB", value);
    return text;
}

std::uint64_t bytesFor(std::size_t images, const ImageEncoding& e)
{
    return std::uint64_t(images) * std::uint64_t(e.channels) * std::uint64_t(e.rows) * std::uint64_t(e.cols);
}

// The most common (width, height); ties go to the larger image.
std::pair<int, int> mostCommonSize(const std::vector<ImageHeader>& headers)
{
    std::map<std::pair<int, int>, std::size_t> counts;
    for (const ImageHeader& h : headers)
        ++counts[{h.width, h.height}];
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const long area = long(it->first.first) * it->first.second,
                   bestArea = long(best->first.first) * best->first.second;
        if (it->second > best->second || (it->second == best->second && area > bestArea))
            best = it;
    }
    return best->first;
}

// Scales rows x cols down by `factor` (< 1), keeping the aspect ratio, each side at least kMinCappedSide.
void shrink(ImageEncoding& e, double factor)
{
    e.rows = std::max(kMinCappedSide, int(std::floor(e.rows * factor)));
    e.cols = std::max(kMinCappedSide, int(std::floor(e.cols * factor)));
}

} // namespace

std::uint64_t imageMemoryBudget()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return kMaxImageBytes / 4;
    return std::min(kMaxImageBytes, std::uint64_t(pages) * std::uint64_t(pageSize) / 4);
}

EncodingChoice chooseImageEncoding(const std::vector<ImageHeader>& headers, const DataOptions& options,
                                   std::uint64_t budget, const std::string& folder)
{
    EncodingChoice choice;
    const bool anyColour = std::any_of(headers.begin(), headers.end(), [](const ImageHeader& h) { return h.colour; });
    choice.encoding.channels = options.imageChannels != 0 ? options.imageChannels : anyColour ? 3 : 1;
    if (options.imageRows > 0 && options.imageCols > 0) {
        choice.encoding.rows = options.imageRows;
        choice.encoding.cols = options.imageCols;
        if (bytesFor(headers.size(), choice.encoding) > budget)
            throw NeuriteError("The " + std::to_string(headers.size()) + " images of " + folder + " at " +
                               std::to_string(choice.encoding.cols) + "x" + std::to_string(choice.encoding.rows) +
                               " would take " + gib(bytesFor(headers.size(), choice.encoding)) + ", more than the " +
                               gib(budget) + " allowed: choose a smaller --image-size");
        return choice;
    }
    const auto [width, height] = mostCommonSize(headers);
    choice.encoding.rows = height;
    choice.encoding.cols = width;
    const int longer = std::max(width, height);
    if (longer > kMaxDefaultImageSide) {
        shrink(choice.encoding, double(kMaxDefaultImageSide) / longer);
        choice.sizeCapped = true;
    }
    const std::uint64_t bytes = bytesFor(headers.size(), choice.encoding);
    if (bytes > budget) {
        shrink(choice.encoding, std::sqrt(double(budget) / double(bytes)));
        choice.sizeCapped = true;
        if (bytesFor(headers.size(), choice.encoding) > budget)
            throw NeuriteError("The " + std::to_string(headers.size()) + " images of " + folder +
                               " do not fit in memory even at " + std::to_string(kMinCappedSide) + "x" +
                               std::to_string(kMinCappedSide) + " pixels");
    }
    return choice;
}

std::vector<std::pair<std::string, std::size_t>> imageSizesFound(const std::vector<ImageHeader>& headers)
{
    std::map<std::pair<int, int>, std::size_t> counts;
    for (const ImageHeader& h : headers)
        ++counts[{h.width, h.height}];
    std::vector<std::pair<std::pair<int, int>, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        const long areaA = long(a.first.first) * a.first.second, areaB = long(b.first.first) * b.first.second;
        return a.second != b.second ? a.second > b.second : areaA > areaB;
    });
    std::vector<std::pair<std::string, std::size_t>> sizes;
    for (const auto& entry : sorted)
        sizes.emplace_back(std::to_string(entry.first.first) + "x" + std::to_string(entry.first.second), entry.second);
    return sizes;
}

} // namespace neurite
