// Reading image files with QImageReader: size and format from the header, a pixel limit before decoding and
// an allocation limit inside Qt's readers, then the shared conversion to samples (sampleFromQImage).
#include "QtImageDecoder.h"

#include "ImageSamples.h"
#include "neurite/Error.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageReader>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace neurite::render {

namespace {

// The largest file read: no sensible image of kMaxImagePixels is larger.
constexpr std::int64_t kMaxImageFileBytes = 512LL << 20;
// Qt's allocation limit in MiB: kMaxImagePixels at 8 bytes a pixel (16-bit RGBA), with room for Qt's copy.
constexpr int kAllocationLimitMiB = int(kMaxImagePixels * 8 / (1 << 20)) + 64;

QByteArray readFileBytes(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        throw NeuriteError("Cannot read the image " + path + ": " + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
        throw NeuriteError("The image " + path + " is not a regular file");
    if (info.st_size > kMaxImageFileBytes)
        throw NeuriteError("The image " + path + " is too large (" + std::to_string(info.st_size >> 20) +
                           " MiB; at most " + std::to_string(kMaxImageFileBytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NeuriteError("Cannot read the image " + path + ": " + std::strerror(errno));
    QByteArray bytes(qsizetype(info.st_size), Qt::Uninitialized);
    if (!in.read(bytes.data(), std::streamsize(bytes.size())))
        throw NeuriteError("Cannot read the image " + path + ": it ended early");
    return bytes;
}

// A reader over `buffer` that has checked the header: an image format Qt reads, a size within the limit.
ImageHeader checkedHeader(QImageReader& reader, const std::string& path)
{
    reader.setAllocationLimit(kAllocationLimitMiB);
    reader.setAutoTransform(false); // as Keras and torchvision read images: EXIF orientation is not applied
    if (!reader.canRead())
        throw NeuriteError("The file " + path + " is not an image that can be read (PNG, JPEG, BMP or WebP)");
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        throw NeuriteError("The image " + path + " has no readable size in its header");
    if (std::int64_t(size.width()) * size.height() > kMaxImagePixels)
        throw NeuriteError("The image " + path + " claims " + std::to_string(size.width()) + "x" +
                           std::to_string(size.height()) + " pixels, more than the " +
                           std::to_string(kMaxImagePixels / 1'000'000) + " million allowed; it was not decoded");
    ImageHeader header;
    header.width = size.width();
    header.height = size.height();
    const QImage::Format format = reader.imageFormat();
    header.colour = format != QImage::Format_Grayscale8 && format != QImage::Format_Grayscale16 &&
                    format != QImage::Format_Mono && format != QImage::Format_MonoLSB;
    return header;
}

QImage readImage(QImageReader& reader, const std::string& path)
{
    QImage image = reader.read();
    if (image.isNull())
        throw NeuriteError("Cannot decode the image " + path + ": " + reader.errorString().toStdString());
    return image;
}

} // namespace

ImageHeader QtImageDecoder::readHeader(const std::string& path) const
{
    QByteArray bytes = readFileBytes(path);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    ImageHeader header = checkedHeader(reader, path);
    // A palette (or a format the header does not tell) may hold only greys: decode to find out. The size
    // is already checked.
    const QImage::Format format = reader.imageFormat();
    if (format == QImage::Format_Indexed8 || format == QImage::Format_Invalid) {
        const QImage image = readImage(reader, path);
        header.colour = !image.allGray();
    }
    return header;
}

std::vector<std::uint8_t> QtImageDecoder::decode(const std::string& path, const ImageEncoding& encoding) const
{
    QByteArray bytes = readFileBytes(path);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    checkedHeader(reader, path);
    return sampleFromQImage(readImage(reader, path), encoding);
}

} // namespace neurite::render
