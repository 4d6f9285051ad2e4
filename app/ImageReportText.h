// The load report of an image folder as the command line prints it.
#pragma once

#include "neurite/ImageFolder.h"

#include <ostream>

namespace neurite::cli {

// The layout, each class with its training, test (and val/) counts, the sizes and colour modes found, the
// encoding chosen and why, ignored files, and whether the images came from the cache (with the time
// `seconds` the load took).
void printImageFolderReport(const ImageFolderReport& report, double seconds, std::ostream& out);

// Loads the image folder with a progress line on a terminal, then prints its report with the time the
// load took (nothing when `quiet`).
Dataset loadImageFolderReporting(const std::string& folder, DataOptions options, bool quiet);

// DataOptions::progress for a terminal: "Decoding images: 1,234 of 5,000" rewritten in place on the
// standard error, nothing when it is not a terminal.
void printDecodingProgress(std::size_t done, std::size_t total);

} // namespace neurite::cli
