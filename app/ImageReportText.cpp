// Aligned columns of plain text: a row per class, then the sizes, colours and encoding.
#include "ImageReportText.h"

#include "ConsoleFormat.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <numeric>
#include <unistd.h>

namespace neurite::cli {

namespace {

std::size_t sum(const std::vector<std::size_t>& counts)
{
    return std::accumulate(counts.begin(), counts.end(), std::size_t(0));
}

std::string countText(std::size_t n)
{
    return withThousands(double(n));
}

std::string encodingText(const ImageEncoding& e)
{
    return std::string(e.channels == 3 ? "RGB" : "grey") + " " + std::to_string(e.cols) + "x" + std::to_string(e.rows);
}

// UTF-8 text's width in code points, as padRight counts.
std::size_t codePoints(const std::string& text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string rightAligned(const std::string& text, std::size_t width)
{
    return std::string(width > text.size() ? width - text.size() : 0, ' ') + text;
}

void printClasses(const ImageFolderReport& r, std::ostream& out)
{
    std::size_t width = 5;
    for (const std::string& name : r.classNames)
        width = std::max(width, codePoints(name));
    const bool val = !r.valCounts.empty();
    out << "  " << padRight("class", width + 1) << rightAligned("train", 9) << rightAligned("test", 9)
        << (val ? rightAligned("val", 9) : "") << "\n";
    for (std::size_t c = 0; c < r.classNames.size(); ++c) {
        out << "  " << padRight(r.classNames[c], width + 1) << rightAligned(countText(r.trainCounts[c]), 9)
            << rightAligned(countText(r.testCounts[c]), 9);
        if (val)
            out << rightAligned(countText(r.valCounts[c]), 9);
        out << "\n";
    }
}

void printSizes(const ImageFolderReport& r, std::ostream& out)
{
    out << "Sizes found:";
    const std::size_t shown = std::min<std::size_t>(r.sizesFound.size(), 5);
    for (std::size_t i = 0; i < shown; ++i)
        out << (i ? ", " : " ") << r.sizesFound[i].first << " (" << countText(r.sizesFound[i].second) << ")";
    if (r.sizesFound.size() > shown)
        out << " and " << r.sizesFound.size() - shown << " other sizes";
    out << "; " << countText(r.colourImages) << " in colour, " << countText(r.greyImages) << " grey\n";
}

} // namespace

void printImageFolderReport(const ImageFolderReport& r, double seconds, std::ostream& out)
{
    const std::size_t train = sum(r.trainCounts), test = sum(r.testCounts), val = sum(r.valCounts);
    out << "Image folder " << r.folder << ": " << r.classNames.size() << " classes, " << countText(train)
        << " training and " << countText(test) << " test images"
        << (r.valCounts.empty() ? "" : ", " + countText(val) + " validation images (val/)")
        << (r.layout == ImageFolderLayout::TrainTestFolders ? " (train/ and test/)"
                                                            : " (test images held out by class)")
        << "\n";
    printClasses(r, out);
    printSizes(r, out);
    out << "Encoding: " << encodingText(r.encoding) << (r.sizeCapped ? " (the most common size, reduced to fit)" : "")
        << ", pixels / 255\n";
    if (r.ignoredFiles > 0)
        out << "Ignored " << countText(r.ignoredFiles) << " files that are not .png, .jpg, .jpeg, .bmp or .webp\n";
    const std::size_t images = train + test + val;
    if (r.fromCache)
        out << "Read " << countText(images) << " decoded images from the cache " << r.cacheFile << " in "
            << fixed(seconds, 2) << " s\n";
    else
        out << "Decoded " << countText(images) << " images in " << fixed(seconds, 2) << " s"
            << (r.cacheFile.empty() ? "" : ", cached in " + r.cacheFile) << "\n";
}

Dataset loadImageFolderReporting(const std::string& folder, DataOptions options, bool quiet)
{
    if (!quiet)
        options.progress = printDecodingProgress;
    ImageFolderReport report;
    const auto start = std::chrono::steady_clock::now();
    Dataset data = loadImageFolder(folder, options, &report);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!quiet)
        printImageFolderReport(report, seconds, std::cout);
    return data;
}

void printDecodingProgress(std::size_t done, std::size_t total)
{
    static const bool terminal = ::isatty(STDERR_FILENO) != 0;
    if (!terminal || (done != total && done % 100 != 0))
        return;
    std::cerr << "\rDecoding images: " << countText(done) << " of " << countText(total)
              << (done == total ? "\r                                              \r" : "") << std::flush;
}

} // namespace neurite::cli
