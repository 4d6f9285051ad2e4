// SaliencyImage: signed values to red and blue with an opacity that grows with the value's size.
#include "predict/SaliencyImage.h"

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

constexpr int kRangePercentile = 99;
constexpr int kMaxAlpha = 235;

float robustScale(const std::vector<float>& map)
{
    std::vector<float> magnitudes;
    magnitudes.reserve(map.size());
    for (float v : map)
        if (v != 0.0f)
            magnitudes.push_back(std::abs(v));
    if (magnitudes.empty())
        return 0;
    const auto at = magnitudes.begin() + std::ptrdiff_t(kRangePercentile * (magnitudes.size() - 1) / 100);
    std::nth_element(magnitudes.begin(), at, magnitudes.end());
    return *at;
}

} // namespace

QImage saliencyPicture(const std::vector<float>& map, int width, int height)
{
    if (width <= 0 || height <= 0 || map.size() != std::size_t(width) * std::size_t(height))
        return {};
    const float scale = robustScale(map);
    if (scale <= 0)
        return {};
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < height; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const float v = map[std::size_t(y) * std::size_t(width) + std::size_t(x)] / scale;
            // The square root lifts the weak half of the range into view, as a heat map's gamma would.
            const float strength = std::sqrt(std::min(1.0f, std::abs(v)));
            const QColor& colour = v >= 0 ? kSaliencyUp : kSaliencyDown;
            const int alpha = int(std::lround(kMaxAlpha * strength));
            row[x] = qPremultiply(qRgba(colour.red(), colour.green(), colour.blue(), alpha));
        }
    }
    return image;
}

} // namespace neurite::ui
