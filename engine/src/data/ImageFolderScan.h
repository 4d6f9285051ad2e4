// Finding the images of an image folder: its layout, the class folders and every image file in them, with
// the file sizes and modification times that key the decoded cache. No image is opened here.
#pragma once

#include "neurite/ImageFolder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurite {

// Which part of the data an image belongs to.
enum class ImagePart : std::uint8_t { Train, Test, Validation };

struct ImageFile {
    std::string path;
    int label = 0; // index into ImageFolderScan::classNames
    ImagePart part = ImagePart::Train;
    std::uint64_t bytes = 0;
    std::int64_t modified = 0; // nanoseconds since the epoch
};

struct ImageFolderScan {
    ImageFolderLayout layout = ImageFolderLayout::ClassFolders;
    bool hasValidation = false;
    std::vector<std::string> classNames; // sorted by their bytes (code points), as torchvision sorts
    std::vector<ImageFile> files;        // class after class, each class's files sorted by path
    std::size_t ignoredFiles = 0;        // files without an image extension
};

// The most images one folder may hold, and how deep class folders may nest.
constexpr std::size_t kMaxFolderImages = 10'000'000;
constexpr int kMaxFolderDepth = 32;
constexpr int kMaxImageClasses = 256; // labels are bytes

// Whether `name` ends in .png, .jpg, .jpeg, .bmp or .webp (any case).
bool hasImageExtension(const std::string& name);

// Scans `folder`. Throws NeuriteError naming the folder or file: not a folder, fewer than two classes, a
// class folder without images, a test/ or val/ class that train/ lacks, a symbolic link loop, a broken
// link or a special file named like an image, too many images or too deep nesting.
ImageFolderScan scanImageFolder(const std::string& folder);

} // namespace neurite
