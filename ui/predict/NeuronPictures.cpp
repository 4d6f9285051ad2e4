// NeuronPictures: small images built pixel by pixel, magnified by the labels that show them.
#include "predict/NeuronPictures.h"

#include "predict/ActivationColours.h"

#include "ImageSamples.h"

#include <QColor>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

float largestMagnitude(const std::vector<float>& values)
{
    float m = 0;
    for (float v : values)
        m = std::max(m, std::abs(v));
    return m;
}

// One picture of (height, width) per channel summed.
std::vector<float> channelSum(const neurite::WeightImage& weights)
{
    const std::size_t pixels = std::size_t(weights.shape.height) * std::size_t(weights.shape.width);
    std::vector<float> sum(pixels, 0.0f);
    for (int c = 0; c < weights.shape.channels; ++c)
        for (std::size_t p = 0; p < pixels; ++p)
            sum[p] += weights.values[std::size_t(c) * pixels + p];
    return sum;
}

void paintDiverging(QImage& image, int left, int top, const std::vector<float>& values, int height, int width)
{
    const float scale = largestMagnitude(values);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const float v = values[std::size_t(y) * std::size_t(width) + std::size_t(x)];
            image.setPixelColor(left + x, top + y, activationDivergingColour(scale > 0 ? v / scale : 0));
        }
}

} // namespace

QImage weightPicture(const neurite::WeightImage& weights)
{
    QImage image(weights.shape.width, weights.shape.height, QImage::Format_RGB32);
    paintDiverging(image, 0, 0, channelSum(weights), weights.shape.height, weights.shape.width);
    return image;
}

QImage mapGrid(const std::vector<float>& values, int maps, int height, int width, int columns, int framed)
{
    columns = std::max(1, std::min(columns, maps));
    const int rows = (maps + columns - 1) / columns;
    const int pitchX = width + 1, pitchY = height + 1;
    QImage image(columns * pitchX + 1, rows * pitchY + 1, QImage::Format_RGB32);
    image.fill(QColor(90, 90, 90));
    float top = 0;
    for (float v : values)
        top = std::max(top, v);
    for (int m = 0; m < maps; ++m) {
        const int left = 1 + (m % columns) * pitchX, up = 1 + (m / columns) * pitchY;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const float v = values[(std::size_t(m) * std::size_t(height) + std::size_t(y)) * std::size_t(width) +
                                       std::size_t(x)];
                image.setPixelColor(left + x, up + y, activationHeatColour(top > 0 ? v / top : 0));
            }
    }
    if (framed >= 0 && framed < maps) {
        QPainter painter(&image);
        painter.setPen(QColor(255, 140, 0));
        painter.drawRect((framed % columns) * pitchX, (framed / columns) * pitchY, pitchX, pitchY);
    }
    return image;
}

QImage kernelGrid(const std::vector<neurite::WeightImage>& kernels, int columns)
{
    if (kernels.empty())
        return {};
    const int k = kernels.front().shape.height, count = int(kernels.size());
    columns = std::max(1, std::min(columns, count));
    const int rows = (count + columns - 1) / columns;
    QImage image(columns * (k + 1) + 1, rows * (k + 1) + 1, QImage::Format_RGB32);
    image.fill(QColor(90, 90, 90));
    for (int i = 0; i < count; ++i)
        paintDiverging(image, 1 + (i % columns) * (k + 1), 1 + (i / columns) * (k + 1),
                       channelSum(kernels[std::size_t(i)]), k, k);
    return image;
}

QImage samplePicture(const neurite::SampleSet& set, std::size_t index)
{
    return render::qImageFromSample(set.image(index), neurite::ImageEncoding{set.channels, set.rows, set.cols});
}

} // namespace neurite::ui
