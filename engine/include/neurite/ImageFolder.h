// Folders of images in class subfolders as data sets, the convention of Keras' image_dataset_from_directory
// and torchvision's ImageFolder: DIR/<class>/*.png|jpg|jpeg|bmp|webp, or DIR/train/<class>/... with
// DIR/test/<class>/... (and optionally DIR/val/<class>/..., used as the validation part).
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/DataSets.h"
#include "neurite/Dataset.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace neurite {

// The largest side images may be resized to (--image-size, settings, a model's stored encoding).
constexpr int kMaxImageSide = 4096;

enum class ImageFolderLayout {
    ClassFolders,    // DIR/<class>/...: a seeded stratified split holds out DataOptions::testSplit
    TrainTestFolders // DIR/train/<class>/... and DIR/test/<class>/... (DIR/val/... optional)
};

// What loading an image folder found and chose: for the Train tab's preview and the command line.
struct ImageFolderReport {
    std::string folder;
    ImageFolderLayout layout = ImageFolderLayout::ClassFolders;
    std::vector<std::string> classNames;  // the class folders' names, sorted as torchvision does
    std::vector<std::size_t> trainCounts; // images per class in the training part
    std::vector<std::size_t> testCounts;  // images per class in the test part
    std::vector<std::size_t> valCounts;   // images per class in val/ (empty without one)
    // Sizes found ("WIDTHxHEIGHT" and how many images have it), the most common first.
    std::vector<std::pair<std::string, std::size_t>> sizesFound;
    std::size_t colourImages = 0;
    std::size_t greyImages = 0;
    std::size_t ignoredFiles = 0; // files without an image extension, left out
    ImageEncoding encoding;       // the channels and size every image was converted to
    bool sizeCapped = false;      // the most common size was reduced so that the data fits in memory
    bool fromCache = false;       // the decoded bytes came from the cache in the data directory
    std::string cacheFile;        // where that cache is (empty: no data directory, nothing cached)
};

// Whether `path` is a folder that loadDataset reads as an image folder (rather than IDX files).
bool isImageFolder(const std::string& path);

// Loads an image folder: classes from the subfolders, grey or RGB and the size from the data unless
// options.imageChannels / imageRows / imageCols set them, images decoded in parallel (options.progress is
// told how many are done) and cached in the data directory keyed by paths, sizes and modification times.
// Throws NeuriteError naming the folder or image for every problem (see the README's "Your own images").
Dataset loadImageFolder(const std::string& folder, const DataOptions& options, ImageFolderReport* report = nullptr);

// One image file as a trained image model's input: decoded and converted with the model's encoding.
// channels * rows * cols bytes, CHW, as the samples of a SampleSet.
std::vector<std::uint8_t> loadImageFile(const std::string& path, const ImageEncoding& encoding);

} // namespace neurite
