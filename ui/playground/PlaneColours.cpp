// The colours of the two-dimensional world: class colours, confidence shading, the diverging value scale.
#include "playground/PlaneColours.h"

#include <QColor>

#include <algorithm>
#include <array>
#include <cmath>

namespace neurite::ui {

namespace {

// Playground's orange and blue, then Okabe and Ito's bluish green and reddish purple, a violet, their
// vermillion (after the violet: the generated blobs' five classes then avoid two oranges), ochre and grey; all
// saturated enough to read against white when a cell fades with low confidence.
constexpr std::array<QRgb, kMaxPaintedClasses> kPalette = {
    0xfff59322, // orange
    0xff0877bd, // blue
    0xff009e73, // bluish green
    0xffcc79a7, // reddish purple
    0xff6a3d9a, // violet
    0xffd55e00, // vermillion
    0xff8c6d1f, // ochre
    0xff4d4d4d, // dark grey
};

constexpr QRgb kOrange = kPalette[0];
constexpr QRgb kBlue = kPalette[1];

int channel(double value)
{
    return std::clamp(int(std::lround(value)), 0, 255);
}

} // namespace

QRgb classColour(int index, int classes)
{
    if (index < 0)
        return qRgb(128, 128, 128);
    if (classes <= kMaxPaintedClasses)
        return kPalette[std::size_t(index % kMaxPaintedClasses)];
    // Evenly spaced hues with the golden angle's order would lose Playground's first two; keep them and
    // spread the rest.
    if (index < 2)
        return kPalette[std::size_t(index)];
    const double hue = std::fmod(0.12 + double(index - 2) / double(classes - 2), 1.0);
    return QColor::fromHsvF(float(hue), 0.75f, 0.8f).rgb();
}

QRgb blendWithWhite(QRgb colour, double weight)
{
    weight = std::isfinite(weight) ? std::clamp(weight, 0.0, 1.0) : 0.0;
    const auto mix = [weight](int c) { return channel(255.0 + (c - 255.0) * weight); };
    return qRgb(mix(qRed(colour)), mix(qGreen(colour)), mix(qBlue(colour)));
}

QRgb confidenceColour(int index, double probability, int classes)
{
    const double guess = 1.0 / std::max(2, classes);
    const double weight = (probability - guess) / (1.0 - guess);
    return blendWithWhite(classColour(index, classes), weight);
}

QRgb divergingColour(double value, double range)
{
    if (!(range > 0) || !std::isfinite(value))
        return blendWithWhite(value < 0 ? kOrange : kBlue, value == 0 || !std::isfinite(value) ? 0.0 : 1.0);
    const double t = std::clamp(value / range, -1.0, 1.0);
    return blendWithWhite(t < 0 ? kOrange : kBlue, std::abs(t));
}

} // namespace neurite::ui
