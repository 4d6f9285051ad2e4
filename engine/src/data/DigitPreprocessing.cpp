// MNIST-style digit normalisation: crop the ink, area-average it into a 20 px box, centre its mass in 28x28.
#include "neurite/DigitPreprocessing.h"

#include "neurite/Dataset.h"
#include "neurite/Error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace neurite {

namespace {

constexpr int kSide = 28;        // the network's input is kSide x kSide
constexpr double kBox = 20.0;    // the ink's longer side after scaling (LeCun et al.)
constexpr double kCentre = 14.0; // where the centre of mass goes, in pixel-index coordinates

struct InkBox {
    int x0 = 0, y0 = 0, width = 0, height = 0;
};

std::optional<InkBox> findInk(const GreyImage& image)
{
    int x0 = image.width, y0 = image.height, x1 = -1, y1 = -1;
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* row = image.pixels.data() + std::size_t(y) * std::size_t(image.width);
        for (int x = 0; x < image.width; ++x) {
            if (row[x] == 0)
                continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    }
    if (x1 < 0)
        return std::nullopt;
    return InkBox{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

// Intensity-weighted centre of the ink box, in continuous coordinates relative to its corner (pixel i
// spans [i, i + 1), so its centre is i + 0.5).
void centreOfMass(const GreyImage& image, const InkBox& box, double& cx, double& cy)
{
    double mass = 0, sx = 0, sy = 0;
    for (int y = 0; y < box.height; ++y) {
        const std::uint8_t* row = image.pixels.data() + std::size_t(box.y0 + y) * std::size_t(image.width) + box.x0;
        double rowMass = 0;
        for (int x = 0; x < box.width; ++x) {
            rowMass += row[x];
            sx += double(row[x]) * (x + 0.5);
        }
        mass += rowMass;
        sy += rowMass * (y + 0.5);
    }
    cx = sx / mass;
    cy = sy / mass;
}

// How much of each source pixel falls into each target pixel along one axis, when source coordinate u
// maps to target coordinate (u - centre) * scale + kCentre + 0.5. Entries are (source, target, overlap).
struct Coverage {
    int source;
    int target;
    float overlap; // in target pixels, so a target pixel's overlaps sum to at most 1 / scale per source px
};

std::vector<Coverage> coverage(int sourceLength, double centre, double scale)
{
    std::vector<Coverage> result;
    for (int i = 0; i < sourceLength; ++i) {
        const double a = (i - centre) * scale + kCentre + 0.5;
        const double b = a + scale;
        for (int t = std::max(0, int(std::floor(a))); t < std::min(kSide, int(std::ceil(b))); ++t) {
            const double overlap = std::min(b, t + 1.0) - std::max(a, double(t));
            if (overlap > 0)
                result.push_back({i, t, float(overlap)});
        }
    }
    return result;
}

// Area averaging: each target pixel is the mean of the source over the area it covers. Separable, rows
// first. Returns kSide * kSide intensities on the 0..255 scale.
std::vector<float> areaResample(const GreyImage& image, const InkBox& box, double cx, double cy, double scale)
{
    const std::vector<Coverage> across = coverage(box.width, cx, scale);
    const std::vector<Coverage> down = coverage(box.height, cy, scale);
    std::vector<float> rows(std::size_t(box.height) * kSide, 0.0f); // (box.height, kSide)
    for (int y = 0; y < box.height; ++y) {
        const std::uint8_t* src = image.pixels.data() + std::size_t(box.y0 + y) * std::size_t(image.width) + box.x0;
        float* dst = rows.data() + std::size_t(y) * kSide;
        for (const Coverage& c : across)
            dst[c.target] += float(src[c.source]) * c.overlap;
    }
    std::vector<float> out(kSide * kSide, 0.0f); // (kSide, kSide)
    for (const Coverage& c : down) {
        const float* src = rows.data() + std::size_t(c.source) * kSide;
        float* dst = out.data() + std::size_t(c.target) * kSide;
        for (int x = 0; x < kSide; ++x)
            dst[x] += src[x] * c.overlap;
    }
    return out;
}

// Centre of mass in pixel-index coordinates (pixel i at i), the convention the (14, 14) target uses.
bool indexCentreOfMass(const std::vector<float>& img, double& cx, double& cy)
{
    double mass = 0, sx = 0, sy = 0;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const double v = img[std::size_t(y) * kSide + x];
            mass += v;
            sx += v * x;
            sy += v * y;
        }
    if (mass <= 0)
        return false;
    cx = sx / mass;
    cy = sy / mass;
    return true;
}

// Moves the image by (dx, dy) pixels with bilinear interpolation, which moves the centre of mass by
// exactly (dx, dy) as long as nothing falls off the edge.
std::vector<float> bilinearShift(const std::vector<float>& img, double dx, double dy)
{
    auto at = [&](int x, int y) {
        return (x < 0 || y < 0 || x >= kSide || y >= kSide) ? 0.0f : img[std::size_t(y) * kSide + x];
    };
    const int kx = int(std::floor(-dx)), ky = int(std::floor(-dy));
    const float fx = float(-dx - kx), fy = float(-dy - ky);
    std::vector<float> out(kSide * kSide);
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            const int sx = x + kx, sy = y + ky;
            const float top = (1 - fx) * at(sx, sy) + fx * at(sx + 1, sy);
            const float bottom = (1 - fx) * at(sx, sy + 1) + fx * at(sx + 1, sy + 1);
            out[std::size_t(y) * kSide + x] = (1 - fy) * top + fy * bottom;
        }
    return out;
}

void checkImage(const GreyImage& image)
{
    const long pixels = long(image.width) * long(image.height);
    if (image.width > 0 && image.height > 0 && pixels > kMaxPreprocessPixels)
        throw NeuriteError("image of " + std::to_string(image.width) + " x " + std::to_string(image.height) +
                           " pixels is too large to preprocess (the limit is " +
                           std::to_string(kMaxPreprocessPixels / (1024 * 1024)) + " megapixels)");
    if (image.width > 0 && image.height > 0 && image.pixels.size() != std::size_t(pixels))
        throw NeuriteError("image buffer holds " + std::to_string(image.pixels.size()) + " bytes but " +
                           std::to_string(image.width) + " x " + std::to_string(image.height) + " pixels need " +
                           std::to_string(pixels));
}

} // namespace

std::optional<std::vector<float>> preprocessDigit(const GreyImage& image, DigitPlacement* placement)
{
    checkImage(image);
    if (image.width <= 0 || image.height <= 0)
        return std::nullopt;
    const std::optional<InkBox> box = findInk(image);
    if (!box)
        return std::nullopt;

    // One pass from full resolution straight into the 28x28 grid: the longer side of the ink box becomes
    // kBox pixels and the ink's centre of mass lands on the centre, so the image is resampled only once.
    double cx = 0, cy = 0;
    centreOfMass(image, *box, cx, cy);
    const double scale = kBox / double(std::max(box->width, box->height));
    std::vector<float> grid = areaResample(image, *box, cx, cy, scale);

    // Area averaging moves the centre of mass by a fraction of a pixel (each source pixel's mass is
    // counted at its target pixel's centre); a small bilinear shift puts it back exactly.
    double gx = 0, gy = 0, shiftX = 0, shiftY = 0;
    if (indexCentreOfMass(grid, gx, gy) && (std::abs(gx - kCentre) > 1e-3 || std::abs(gy - kCentre) > 1e-3)) {
        shiftX = kCentre - gx;
        shiftY = kCentre - gy;
        grid = bilinearShift(grid, shiftX, shiftY);
    }
    // areaResample maps box coordinate u to (u - centre) * scale + kCentre + 0.5; the shift comes after.
    if (placement)
        *placement = {scale, (kCentre + 0.5 + shiftX) - (box->x0 + cx) * scale,
                      (kCentre + 0.5 + shiftY) - (box->y0 + cy) * scale};

    // Quantise to bytes as MNIST stores them, then scale exactly like training data (gatherBatch).
    std::vector<float> out(grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const float byte = std::round(std::clamp(grid[i], 0.0f, 255.0f));
        out[i] = float(std::uint8_t(byte)) * kPixelScale;
    }
    return out;
}

void invertIfLightBackground(GreyImage& image)
{
    checkImage(image);
    if (image.width <= 0 || image.height <= 0)
        return;
    // The one-pixel frame around the image stands for the background: paper is light, ink is dark.
    long light = 0, total = 0;
    auto count = [&](int x, int y) {
        light += image.pixels[std::size_t(y) * std::size_t(image.width) + x] > 127 ? 1 : 0;
        ++total;
    };
    for (int x = 0; x < image.width; ++x) {
        count(x, 0);
        if (image.height > 1)
            count(x, image.height - 1);
    }
    for (int y = 1; y + 1 < image.height; ++y) {
        count(0, y);
        if (image.width > 1)
            count(image.width - 1, y);
    }
    if (2 * light <= total)
        return;
    for (std::uint8_t& p : image.pixels)
        p = std::uint8_t(255 - p);
}

} // namespace neurite
