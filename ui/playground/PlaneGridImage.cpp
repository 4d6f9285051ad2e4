// The decision plane's grid as an image, and its smooth scaling to the plot.
#include "playground/PlaneGridImage.h"

#include "playground/PlaneColours.h"

#include <algorithm>
#include <cmath>

namespace neurite::ui {

namespace {

// The colour of one classification cell: its most probable class, shaded by that probability.
QRgb classificationCell(const float* probabilities, int outputs)
{
    const int best = int(std::max_element(probabilities, probabilities + outputs) - probabilities);
    return confidenceColour(best, double(probabilities[best]), outputs);
}

constexpr QRgb kNoAnswer = 0xffe8eaeb; // the plane's neutral grey

// The two source pixels an output pixel lies between, and the second one's weight.
struct SourceSpan {
    int first = 0;
    int second = 0;
    float weight = 0;
};

// Output pixel `index` of `outputs` over `inputs` source pixels: its centre at (index + 0.5) outputs maps
// to inputs * that / outputs, between the centres of two source pixels (clamped at the edges).
SourceSpan sourceSpans(int inputs, int outputs, int index)
{
    const double at = std::clamp((index + 0.5) * inputs / outputs - 0.5, 0.0, double(inputs - 1));
    SourceSpan span;
    span.first = int(at);
    span.second = std::min(span.first + 1, inputs - 1);
    span.weight = float(at - span.first);
    return span;
}

std::vector<SourceSpan> sourceSpans(int inputs, int outputs)
{
    std::vector<SourceSpan> all;
    all.reserve(std::size_t(outputs));
    for (int i = 0; i < outputs; ++i)
        all.push_back(sourceSpans(inputs, outputs, i));
    return all;
}

float lerp(float a, float b, float weight)
{
    return a + (b - a) * weight;
}

} // namespace

QImage planeGridImage(const PlaneGrid& grid, double valueRange)
{
    const int n = grid.resolution;
    if (n <= 0 || grid.outputs <= 0 || grid.output.size() != std::size_t(n) * n * grid.outputs)
        return {};
    QImage image(n, n, QImage::Format_RGB32);
    for (int row = 0; row < n; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        for (int col = 0; col < n; ++col) {
            // output: (n * n) x outputs, cell (row, col) at row * n + col
            const float* cell = grid.output.data() + (std::size_t(row) * n + col) * grid.outputs;
            if (!std::all_of(cell, cell + grid.outputs, [](float value) { return std::isfinite(value); }))
                line[col] = kNoAnswer; // a diverged network: no colour claims an answer
            else
                line[col] = grid.regression ? divergingColour(double(cell[0]), valueRange)
                                            : classificationCell(cell, grid.outputs);
        }
    }
    return image;
}

// Bilinear interpolation written out rather than QPainter's filter, whose fixed-point weights shift a cell's
// centre by a few levels of colour: here each output pixel's centre maps to the source exactly.
QImage smoothlyScaled(const QImage& image, QSize size)
{
    const QImage source = image.convertToFormat(QImage::Format_RGB32);
    const int n = source.width(), m = source.height();
    QImage scaled(size, QImage::Format_RGB32);
    if (source.isNull() || size.isEmpty())
        return scaled;
    const std::vector<SourceSpan> columns = sourceSpans(n, size.width());
    std::vector<float> row(std::size_t(n) * 3); // the two source rows blended: n x (r, g, b)
    for (int y = 0; y < size.height(); ++y) {
        const SourceSpan span = sourceSpans(m, size.height(), y);
        const auto* above = reinterpret_cast<const QRgb*>(source.constScanLine(span.first));
        const auto* below = reinterpret_cast<const QRgb*>(source.constScanLine(span.second));
        for (int i = 0; i < n; ++i) {
            row[3 * i] = lerp(qRed(above[i]), qRed(below[i]), span.weight);
            row[3 * i + 1] = lerp(qGreen(above[i]), qGreen(below[i]), span.weight);
            row[3 * i + 2] = lerp(qBlue(above[i]), qBlue(below[i]), span.weight);
        }
        auto* out = reinterpret_cast<QRgb*>(scaled.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const SourceSpan& c = columns[std::size_t(x)];
            const float* a = row.data() + 3 * c.first;
            const float* b = row.data() + 3 * c.second;
            out[x] = qRgb(int(lerp(a[0], b[0], c.weight) + 0.5f), int(lerp(a[1], b[1], c.weight) + 0.5f),
                          int(lerp(a[2], b[2], c.weight) + 0.5f));
        }
    }
    return scaled;
}

double valueRangeOf(const std::vector<PlaneSample>& samples, const PlaneGrid* grid)
{
    double range = 0;
    for (const PlaneSample& sample : samples)
        if (std::isfinite(sample.value))
            range = std::max(range, std::abs(sample.value));
    if (samples.empty() && grid && grid->regression)
        for (float value : grid->output)
            if (std::isfinite(value))
                range = std::max(range, double(std::abs(value)));
    return range > 0 ? range : 1.0;
}

} // namespace neurite::ui
