// Choosing how an image folder's images are converted: grey or RGB and the size, from their headers and
// the user's options, within the memory the decoded bytes may take.
#pragma once

#include "neurite/DataSets.h"
#include "neurite/ImageDecoder.h"
#include "neurite/ImageFolder.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace neurite {

// Without a size given, the most common size is used, its longer side at most this (larger photos are
// scaled down keeping their aspect ratio: training on thousands of pixels a side would take days).
constexpr int kMaxDefaultImageSide = 256;

// The bytes the decoded images of one folder may take: a quarter of the memory, at most 4 GiB.
std::uint64_t imageMemoryBudget();

struct EncodingChoice {
    ImageEncoding encoding;
    bool sizeCapped = false; // the most common size was reduced
};

// RGB when any image is in colour (unless options.imageChannels says), the size options give or the most
// common one, reduced until `headers.size()` images fit in `budget` bytes. Throws NeuriteError naming
// `folder` when a given size does not fit.
EncodingChoice chooseImageEncoding(const std::vector<ImageHeader>& headers, const DataOptions& options,
                                   std::uint64_t budget, const std::string& folder);

// "WIDTHxHEIGHT" and how many images have it, the most common first (ties: the larger count of pixels).
std::vector<std::pair<std::string, std::size_t>> imageSizesFound(const std::vector<ImageHeader>& headers);

} // namespace neurite
