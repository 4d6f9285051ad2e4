// QImage <-> CHW sample bytes: alpha composed over black, a smooth resize (Qt's area-averaging downscale,
// bilinear upscale), then grey (BT.601 luma) or RGB planes.
#include "ImageSamples.h"

#include "QtImageDecoder.h"

#include <QPainter>

#include <cstring>
#include <memory>

namespace neurite::render {

namespace {

// `image` as opaque RGB32: transparent pixels become black (the background of image samples).
QImage opaque(const QImage& image)
{
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::black);
    QPainter(&flat).drawImage(0, 0, image);
    return flat;
}

// ITU-R BT.601 luma in OpenCV's fixed point (cv2.cvtColor RGB2GRAY; Pillow's "L" within 1): what Python
// code preparing images for an exported model most likely computes. A grey pixel stays exactly itself.
std::uint8_t luma(int r, int g, int b)
{
    return std::uint8_t((r * 4899 + g * 9617 + b * 1868 + (1 << 13)) >> 14);
}

} // namespace

std::vector<std::uint8_t> sampleFromQImage(const QImage& image, const ImageEncoding& encoding)
{
    const int rows = encoding.rows, cols = encoding.cols;
    QImage sized = opaque(image);
    if (sized.width() != cols || sized.height() != rows)
        sized = sized.scaled(cols, rows, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const std::size_t plane = std::size_t(rows) * std::size_t(cols);
    std::vector<std::uint8_t> sample(plane * std::size_t(encoding.channels));
    const QImage rgb = sized.convertToFormat(QImage::Format_RGB888);
    for (int y = 0; y < rows; ++y) {
        const uchar* line = rgb.constScanLine(y);
        std::uint8_t* out = sample.data() + std::size_t(y) * std::size_t(cols);
        for (int x = 0; x < cols; ++x) {
            const uchar* pixel = line + 3 * x;
            if (encoding.channels == 1)
                out[x] = luma(pixel[0], pixel[1], pixel[2]);
            else
                for (int c = 0; c < 3; ++c)
                    out[std::size_t(c) * plane + std::size_t(x)] = pixel[c];
        }
    }
    return sample;
}

QImage qImageFromSample(const std::uint8_t* sample, const ImageEncoding& encoding)
{
    const int rows = encoding.rows, cols = encoding.cols;
    const std::size_t plane = std::size_t(rows) * std::size_t(cols);
    if (encoding.channels == 1) {
        QImage grey(cols, rows, QImage::Format_Grayscale8);
        for (int y = 0; y < rows; ++y)
            std::memcpy(grey.scanLine(y), sample + std::size_t(y) * cols, std::size_t(cols));
        return grey;
    }
    QImage rgb(cols, rows, QImage::Format_RGB888);
    for (int y = 0; y < rows; ++y) {
        uchar* line = rgb.scanLine(y);
        for (int x = 0; x < cols; ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = sample[std::size_t(c) * plane + std::size_t(y) * cols + x];
    }
    return rgb;
}

void installImageDecoder()
{
    neurite::installImageDecoder(std::make_shared<QtImageDecoder>());
}

} // namespace neurite::render
