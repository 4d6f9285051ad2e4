// Loading digit images from files: grey conversion, background inversion, levels, then preprocessDigit.
#include "ImagePreprocessing.h"

#include "neurite/Error.h"

#include <QFileInfo>
#include <QImageReader>
#include <QObject>
#include <QPainter>

#include <algorithm>
#include <cstring>
#include <optional>

namespace neurite::render {

namespace {

// Border pixels at or below this level count as background after inversion (JPEG noise, paper texture).
constexpr int kBackgroundPercentile = 95;
constexpr int kNoiseMargin = 10;

int borderPercentile(const neurite::GreyImage& image, int percentile)
{
    std::vector<std::uint8_t> border;
    const int w = image.width, h = image.height;
    for (int x = 0; x < w; ++x) {
        border.push_back(image.pixels[std::size_t(x)]);
        border.push_back(image.pixels[std::size_t(h - 1) * w + x]);
    }
    for (int y = 0; y < h; ++y) {
        border.push_back(image.pixels[std::size_t(y) * w]);
        border.push_back(image.pixels[std::size_t(y) * w + w - 1]);
    }
    const auto nth = border.begin() + std::ptrdiff_t(border.size() - 1) * percentile / 100;
    std::nth_element(border.begin(), nth, border.end());
    return *nth;
}
} // namespace

neurite::GreyImage greyFromQImage(const QImage& image)
{
    // Transparent pixels are paper: a dark digit on a transparent PNG must not become dark on black.
    QImage flat = image;
    if (image.hasAlphaChannel()) {
        flat = QImage(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, image);
    }
    const QImage grey = flat.convertToFormat(QImage::Format_Grayscale8);
    neurite::GreyImage out{grey.width(), grey.height(),
                           std::vector<std::uint8_t>(std::size_t(grey.width()) * std::size_t(grey.height()))};
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(out.pixels.data() + std::size_t(y) * grey.width(), grey.constScanLine(y), grey.width());
    return out;
}

QImage qImageFromGrey(const neurite::GreyImage& image)
{
    QImage out(image.width, image.height, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height; ++y)
        std::memcpy(out.scanLine(y), image.pixels.data() + std::size_t(y) * image.width, image.width);
    return out;
}

void normaliseDigitImage(neurite::GreyImage& image)
{
    if (image.width <= 0 || image.height <= 0)
        return;
    neurite::invertIfLightBackground(image);
    int low = borderPercentile(image, kBackgroundPercentile);
    if (low > 0)
        low = std::min(254, low + kNoiseMargin);
    const int high = *std::max_element(image.pixels.begin(), image.pixels.end());
    if ((low == 0 && high == 255) || high <= low)
        return;
    for (std::uint8_t& p : image.pixels)
        p = std::uint8_t(std::clamp((int(p) - low) * 255 / (high - low), 0, 255));
}

neurite::GreyImage loadDigitImage(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    // Refused before decoding: a small PNG can unpack to gigabytes.
    if (size.isValid() && long(size.width()) * size.height() > neurite::kMaxPreprocessPixels)
        throw neurite::NeuriteError(QObject::tr("%1: the image is too large (%2 x %3 pixels)")
                                        .arg(QFileInfo(path).fileName())
                                        .arg(size.width())
                                        .arg(size.height())
                                        .toStdString());
    const QImage image = reader.read();
    if (image.isNull())
        throw neurite::NeuriteError(
            QObject::tr("Cannot read the image %1: %2").arg(path, reader.errorString()).toStdString());
    neurite::GreyImage grey = greyFromQImage(image);
    normaliseDigitImage(grey);
    return grey;
}

std::vector<float> preprocessImageFile(const QString& path)
{
    const neurite::GreyImage grey = loadDigitImage(path);
    std::optional<std::vector<float>> input;
    try {
        input = neurite::preprocessDigit(grey);
    } catch (const neurite::NeuriteError& e) {
        throw neurite::NeuriteError(QStringLiteral("%1: %2").arg(path, QString::fromStdString(e.what())).toStdString());
    }
    if (!input)
        throw neurite::NeuriteError(QObject::tr("%1 is blank: there is no digit to recognise").arg(path).toStdString());
    return std::move(*input);
}

} // namespace neurite::render
