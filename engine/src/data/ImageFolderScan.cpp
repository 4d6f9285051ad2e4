// Walking an image folder: class folders (nested folders included, links followed), loops and special
// files refused, files kept in a fixed order so that the split and the cache do not depend on the disk.
#include "data/ImageFolderScan.h"

#include "neurite/Error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sys/stat.h>
#include <utility>

namespace fs = std::filesystem;

namespace neurite {

namespace {

// A folder's identity, to notice a link that leads back to a folder being walked.
struct FolderId {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FolderId&) const = default;
};

// stat() of `path` following links; false when it cannot be reached (a broken link).
bool statPath(const std::string& path, struct stat& info)
{
    return ::stat(path.c_str(), &info) == 0;
}

// The entries of `folder` as names, sorted by their bytes. Throws naming the folder.
std::vector<std::string> sortedEntries(const std::string& folder)
{
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error)
        throw NeuriteError("Cannot read the folder " + folder + ": " + error.message());
    std::vector<std::string> names;
    for (const fs::directory_iterator end; it != end; it.increment(error)) {
        if (error)
            break;
        names.push_back(it->path().filename().string());
        if (names.size() > kMaxFolderImages)
            throw NeuriteError("The folder " + folder + " holds more than " + std::to_string(kMaxFolderImages) +
                               " entries");
    }
    if (error)
        throw NeuriteError("Cannot read the folder " + folder + ": " + error.message());
    std::sort(names.begin(), names.end());
    return names;
}

std::string child(const std::string& folder, const std::string& name)
{
    return (fs::path(folder) / name).string();
}

bool isHidden(const std::string& name)
{
    return !name.empty() && name.front() == '.';
}

// Walks one class folder of one part, depth first in sorted order, adding its images to `scan`.
class ClassWalker {
public:
    ClassWalker(ImageFolderScan& scan, int label, ImagePart part) : m_scan(scan), m_label(label), m_part(part) {}

    void walk(const std::string& folder, int depth)
    {
        struct stat info {};
        if (!statPath(folder, info))
            throw NeuriteError("Cannot read the folder " + folder);
        const FolderId id{info.st_dev, info.st_ino};
        if (std::find(m_ancestors.begin(), m_ancestors.end(), id) != m_ancestors.end())
            throw NeuriteError("The folder " + folder +
                               " is a symbolic link back to a folder that contains it (a link loop): remove the link");
        if (depth > kMaxFolderDepth)
            throw NeuriteError("The folder " + folder + " is nested more than " + std::to_string(kMaxFolderDepth) +
                               " folders deep");
        m_ancestors.push_back(id);
        for (const std::string& name : sortedEntries(folder))
            visit(child(folder, name), name, depth);
        m_ancestors.pop_back();
    }

private:
    void visit(const std::string& path, const std::string& name, int depth)
    {
        struct stat info {};
        const bool reachable = statPath(path, info);
        if (reachable && S_ISDIR(info.st_mode)) {
            if (!isHidden(name))
                walk(path, depth + 1);
            return;
        }
        if (!hasImageExtension(name) || isHidden(name)) {
            ++m_scan.ignoredFiles;
            return;
        }
        if (!reachable)
            throw NeuriteError("Cannot read the image " + path + ": it is a broken symbolic link");
        if (!S_ISREG(info.st_mode))
            throw NeuriteError("The image " + path + " is not a regular file (a pipe, socket or device)");
        if (m_scan.files.size() >= kMaxFolderImages)
            throw NeuriteError("The image folder holds more than " + std::to_string(kMaxFolderImages) + " images");
        ImageFile file;
        file.path = path;
        file.label = m_label;
        file.part = m_part;
        file.bytes = std::uint64_t(info.st_size);
        file.modified = std::int64_t(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
        m_scan.files.push_back(std::move(file));
    }

    ImageFolderScan& m_scan;
    int m_label;
    ImagePart m_part;
    std::vector<FolderId> m_ancestors;
};

bool isFolder(const std::string& path)
{
    struct stat info {};
    return statPath(path, info) && S_ISDIR(info.st_mode);
}

// The class folders of `folder` (its visible subfolders, sorted); files beside them are counted as ignored.
std::vector<std::string> classFolders(const std::string& folder, std::size_t& ignored)
{
    std::vector<std::string> classes;
    for (const std::string& name : sortedEntries(folder)) {
        if (isFolder(child(folder, name))) {
            if (!isHidden(name))
                classes.push_back(name);
        } else {
            ++ignored;
        }
    }
    return classes;
}

// Adds the images of every class folder of `partFolder` under the classes of `scan`; a class that the
// training part lacks is refused.
void scanPart(ImageFolderScan& scan, const std::string& partFolder, ImagePart part)
{
    for (const std::string& name : classFolders(partFolder, scan.ignoredFiles)) {
        const auto found = std::find(scan.classNames.begin(), scan.classNames.end(), name);
        if (found == scan.classNames.end())
            throw NeuriteError("The folder " + partFolder + " has a class folder '" + name +
                               "' that the training folder lacks");
        const std::size_t before = scan.files.size();
        const std::size_t ignoredBefore = scan.ignoredFiles;
        ClassWalker(scan, int(found - scan.classNames.begin()), part).walk(child(partFolder, name), 0);
        if (scan.files.size() == before)
            throw NeuriteError("The class folder " + child(partFolder, name) + " has no images (" +
                               std::to_string(scan.ignoredFiles - ignoredBefore) +
                               " other files); images end in .png, .jpg, .jpeg, .bmp or .webp");
    }
}

} // namespace

bool hasImageExtension(const std::string& name)
{
    std::string lower = fs::path(name).extension().string();
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower == ".png" || lower == ".jpg" || lower == ".jpeg" || lower == ".bmp" || lower == ".webp";
}

ImageFolderScan scanImageFolder(const std::string& folder)
{
    if (!isFolder(folder))
        throw NeuriteError("The image folder " + folder + " is not a folder");
    ImageFolderScan scan;
    const std::string train = child(folder, "train");
    const bool split = isFolder(train);
    const std::string trainFolder = split ? train : folder;
    std::size_t countedByScanPart = 0; // scanPart counts the files beside the class folders
    scan.classNames = classFolders(trainFolder, countedByScanPart);
    if (split && isFolder(child(folder, "test")))
        scan.layout = ImageFolderLayout::TrainTestFolders;
    if (scan.classNames.size() < 2)
        throw NeuriteError(
            "The image folder " + trainFolder + " has " +
            (scan.classNames.empty() ? "no class folders" : "a single class folder (" + scan.classNames.front() + ")") +
            ": a classifier needs at least two, one folder of images per class");
    if (scan.classNames.size() > std::size_t(kMaxImageClasses))
        throw NeuriteError("The image folder " + trainFolder + " has " + std::to_string(scan.classNames.size()) +
                           " class folders; at most " + std::to_string(kMaxImageClasses) + " are supported");
    scanPart(scan, trainFolder, ImagePart::Train);
    if (scan.layout == ImageFolderLayout::TrainTestFolders)
        scanPart(scan, child(folder, "test"), ImagePart::Test);
    if (split && isFolder(child(folder, "val"))) {
        scan.hasValidation = true;
        scanPart(scan, child(folder, "val"), ImagePart::Validation);
    }
    return scan;
}

} // namespace neurite
