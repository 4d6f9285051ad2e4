// Image folders written by tests from Fashion-MNIST: each class in its own folder, tinted in its own colour,
// in mixed sizes and formats (28x28 grey PNG, 28x28 RGB PNG, 40x36 RGB JPEG), and the bad files the image
// loader must refuse. Header-only: the tests that use it link Qt Gui (render or the widgets).
#pragma once

#include "neurite/IdxFile.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QString>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>
#include <zlib.h>

namespace neurite::test {

constexpr const char* kFashionImages = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
constexpr const char* kFashionLabels = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";

// A class folder's name and the Fashion-MNIST label whose images it holds.
struct FashionClass {
    std::string folder;
    int label = 0;
};

// Four well separated classes, named with spaces and non-ASCII letters.
inline std::vector<FashionClass> fashionClasses()
{
    return {{"Trouser pants", 1}, {"Pull-over à col", 2}, {"Sandale été", 5}, {"Bag 👜", 8}};
}

// The training images of Fashion-MNIST, read once.
inline const SampleSet& fashionTrainingSet()
{
    static const SampleSet set = readIdxImageSet(kFashionImages, kFashionLabels);
    return set;
}

// Sample `index` as a QImage: grey, or tinted by `tint` (each channel = ink * tint / 255).
inline QImage fashionImage(std::size_t index, const QColor& tint, bool colour)
{
    const SampleSet& set = fashionTrainingSet();
    const std::uint8_t* pixels = set.image(index);
    QImage image(28, 28, colour ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
            const int v = pixels[y * 28 + x];
            if (colour)
                image.setPixelColor(x, y, QColor(v * tint.red() / 255, v * tint.green() / 255, v * tint.blue() / 255));
            else
                image.setPixel(x, y, qRgb(v, v, v));
        }
    return image;
}

inline QColor classTint(int classIndex)
{
    static const std::array<QColor, 4> tints = {QColor(255, 90, 90), QColor(90, 255, 90), QColor(90, 90, 255),
                                                QColor(255, 255, 90)};
    return tints[std::size_t(classIndex) % tints.size()];
}

// Writes the `count` images of each class starting at its `skip`-th, cycling through three kinds:
// 28x28 grey PNG, 40x36 (width x height) RGB JPEG, 28x28 RGB PNG. Returns the paths written.
inline std::vector<QString> writeFashionClasses(const QString& folder, const std::vector<FashionClass>& classes,
                                                int count, int skip = 0)
{
    const SampleSet& set = fashionTrainingSet();
    std::vector<QString> written;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const QString classFolder = folder + "/" + QString::fromStdString(classes[c].folder);
        QDir().mkpath(classFolder);
        int seen = 0, kept = 0;
        for (std::size_t i = 0; i < set.count() && kept < count; ++i) {
            if (set.labels[i] != classes[c].label || seen++ < skip)
                continue;
            const int kind = kept % 3;
            const QImage image = fashionImage(i, classTint(int(c)), kind != 0);
            const QString name = QStringLiteral("%1/img%2.%3").arg(classFolder).arg(kept, 4, 10, QChar('0'));
            const QString path = name.arg(kind == 1 ? "jpg" : "png");
            const bool ok = kind == 1 ? image.scaled(40, 36).save(path, "JPEG", 95) : image.save(path, "PNG");
            if (ok)
                written.push_back(path);
            ++kept;
        }
    }
    return written;
}

// A PNG file of `width` x `height` whose IHDR is valid and whose data is a few bytes: a decompression bomb
// as far as its header goes.
inline std::string pngClaiming(std::uint32_t width, std::uint32_t height)
{
    std::string png("\x89PNG\r\n\x1a\n", 8);
    const auto chunk = [&png](const std::string& type, const std::string& data) {
        const auto be32 = [](std::uint32_t v) {
            return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        };
        png += be32(std::uint32_t(data.size())) + type + data;
        const std::string crcInput = type + data;
        png += be32(std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(crcInput.data()), uInt(crcInput.size()))));
    };
    std::string ihdr;
    for (std::uint32_t v : {width, height})
        ihdr += std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    ihdr += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, no filter, no interlace
    chunk("IHDR", ihdr);
    // One deflated row of zeros is all the data there is.
    const std::string row(1 + std::size_t(3) * 16, '\0');
    std::string deflated(compressBound(uLong(row.size())), '\0');
    uLongf size = uLongf(deflated.size());
    compress(reinterpret_cast<Bytef*>(deflated.data()), &size, reinterpret_cast<const Bytef*>(row.data()),
             uLong(row.size()));
    deflated.resize(size);
    chunk("IDAT", deflated);
    chunk("IEND", "");
    return png;
}

} // namespace neurite::test
