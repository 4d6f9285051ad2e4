// Digits a model never saw in training, made the two ways the Predict tab receives them: printed digits
// rendered from the fonts installed on this machine (dark on white, as a scan or a screenshot, then through
// normaliseDigitImage like an opened file) and synthetic pen strokes (polylines drawn with the canvas' thick
// round pen, with random jitter, then preprocessDigit like the canvas). Header-only so that the benchmark
// program and the render test share it.
#pragma once

#include "ImagePreprocessing.h"
#include "neurite/DigitPreprocessing.h"

#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace neurite::bench {

struct DigitSample {
    std::vector<float> input; // 784 values, as the Predict tab hands them to the network
    int label = 0;
    QString source; // "DejaVu Serif Bold 48 px" or "strokes, variant 2"
};

// Families QFontDatabase knows that draw real digits: symbol, dingbat and math fonts are left out, and so
// are families that would only be substituted by another.
inline QStringList digitFontFamilies()
{
    QStringList families;
    for (QString family : QFontDatabase::families(QFontDatabase::Latin)) {
        family = family.section(" [", 0, 0); // one font installed by two foundries: "Nimbus Sans [urw]"
        if (family.contains("Symbol") || family.contains("Math") || family.contains("Dingbat") ||
            family == "D050000L" || family.contains("Emoji") || families.contains(family))
            continue;
        if (QFontInfo(QFont(family)).family().section(" [", 0, 0) != family)
            continue; // only substituted by another family
        families << family;
    }
    return families;
}

// Dark text on white, as a printed digit arrives from a file: normaliseDigitImage + preprocessDigit.
inline std::optional<std::vector<float>> renderPrintedDigit(const QFont& font, int digit)
{
    const QString text = QString::number(digit);
    const QFontMetricsF metrics(font);
    const QRectF box = metrics.tightBoundingRect(text);
    const int side = int(std::ceil(std::max(box.width(), box.height()) * 1.6)) + 8;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QPointF((side - box.width()) / 2 - box.left(), (side - box.height()) / 2 - box.top()), text);
    painter.end();
    GreyImage grey = render::greyFromQImage(image);
    render::normaliseDigitImage(grey);
    return preprocessDigit(grey);
}

// Every digit in every digit font, regular, bold, italic and bold italic, at three pixel sizes.
inline std::vector<DigitSample> printedDigits()
{
    std::vector<DigitSample> samples;
    for (const QString& family : digitFontFamilies())
        for (int style = 0; style < 4; ++style)
            for (int pixels : {24, 48, 96}) {
                QFont font(family);
                font.setPixelSize(pixels);
                font.setBold(style & 1);
                font.setItalic(style & 2);
                const QString name = family + (style & 1 ? " Bold" : "") + (style & 2 ? " Italic" : "") + " " +
                                     QString::number(pixels) + " px";
                for (int digit = 0; digit < 10; ++digit)
                    if (std::optional<std::vector<float>> input = renderPrintedDigit(font, digit))
                        samples.push_back({std::move(*input), digit, name});
            }
    return samples;
}

// ---- Pen strokes ----

using Stroke = std::vector<QPointF>; // in a unit box, y down
using DigitShape = std::vector<Stroke>;

// Points on an ellipse from angle `from` to `to` degrees (0 = right, 90 = down), in steps of about 10 degrees.
inline Stroke arc(double cx, double cy, double rx, double ry, double from, double to)
{
    Stroke points;
    const int steps = std::max(2, int(std::abs(to - from) / 10.0));
    for (int i = 0; i <= steps; ++i) {
        const double t = (from + (to - from) * i / steps) * M_PI / 180.0;
        points.emplace_back(cx + rx * std::cos(t), cy + ry * std::sin(t));
    }
    return points;
}

inline Stroke joined(Stroke a, const Stroke& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// How people write each digit, with the common variants (a 1 with or without its flag, a crossed 7, an
// open 4, a 9 with a straight or curved tail, ...).
inline std::vector<std::vector<DigitShape>> digitShapes()
{
    std::vector<std::vector<DigitShape>> d(10);
    d[0] = {{arc(0.5, 0.5, 0.3, 0.42, -90, 270)}, {arc(0.5, 0.5, 0.24, 0.44, -80, 280)}};
    d[1] = {{{{0.5, 0.08}, {0.5, 0.92}}},
            {{{0.32, 0.28}, {0.52, 0.08}, {0.52, 0.92}}},
            {{{0.34, 0.26}, {0.52, 0.08}, {0.52, 0.92}}, {{0.32, 0.92}, {0.72, 0.92}}}};
    d[2] = {{joined(arc(0.5, 0.32, 0.27, 0.22, 200, 380), {{0.22, 0.9}, {0.8, 0.9}})},
            {joined(arc(0.5, 0.3, 0.25, 0.2, 190, 400), {{0.25, 0.88}, {0.4, 0.84}, {0.78, 0.92}})}};
    d[3] = {{joined(arc(0.5, 0.3, 0.24, 0.2, 200, 450), arc(0.5, 0.7, 0.28, 0.2, 270, 520))},
            {{{0.25, 0.1}, {0.75, 0.1}, {0.45, 0.42}}, arc(0.5, 0.66, 0.28, 0.24, 250, 510)}};
    d[4] = {{{{0.65, 0.92}, {0.65, 0.08}, {0.18, 0.65}, {0.85, 0.65}}},
            {{{0.28, 0.08}, {0.22, 0.58}, {0.85, 0.58}}, {{0.66, 0.3}, {0.66, 0.92}}}};
    d[5] = {{joined({{0.75, 0.1}, {0.32, 0.1}, {0.28, 0.46}}, arc(0.5, 0.66, 0.27, 0.24, 235, 500))},
            {{{0.3, 0.1}, {0.27, 0.46}}, arc(0.5, 0.66, 0.28, 0.24, 235, 500), {{0.3, 0.1}, {0.76, 0.1}}}};
    d[6] = {{joined(arc(0.62, 0.62, 0.37, 0.52, 250, 180), arc(0.5, 0.68, 0.25, 0.22, 180, 540))},
            {joined({{0.62, 0.08}, {0.3, 0.55}}, arc(0.5, 0.7, 0.23, 0.2, 200, 560))}};
    d[7] = {{{{0.2, 0.1}, {0.8, 0.1}, {0.42, 0.92}}},
            {{{0.2, 0.1}, {0.8, 0.1}, {0.45, 0.92}}, {{0.38, 0.5}, {0.74, 0.5}}},
            {{{0.2, 0.22}, {0.24, 0.1}, {0.8, 0.1}, {0.5, 0.92}}}};
    d[8] = {{arc(0.5, 0.29, 0.22, 0.2, 90, 450), arc(0.5, 0.7, 0.27, 0.22, -90, 270)},
            {joined(arc(0.5, 0.29, 0.22, 0.2, 90, -200), arc(0.5, 0.7, 0.26, 0.22, -100, 270))}};
    d[9] = {{arc(0.5, 0.32, 0.25, 0.22, 0, 360), {{0.75, 0.32}, {0.72, 0.92}}},
            {joined(arc(0.5, 0.32, 0.25, 0.22, 0, 360), arc(0.25, 0.32, 0.5, 0.6, 0, 80))}};
    return d;
}

// A random, smooth distortion of a unit-box shape placed on the canvas: slant, rotation, aspect, size,
// position and a gentle wobble, as people write.
struct Jitter {
    double angle, slant, aspect, size, x, y, wobble, phase;

    explicit Jitter(std::mt19937_64& rng)
    {
        std::uniform_real_distribution<double> u(-1.0, 1.0);
        angle = 0.26 * u(rng); // about +-15 degrees
        slant = 0.35 * u(rng);
        aspect = 0.8 + 0.25 * u(rng);
        size = 290 + 70 * u(rng); // pixels of the 448 canvas
        x = 224 + 40 * u(rng);
        y = 224 + 40 * u(rng);
        wobble = 0.03 * (1.0 + u(rng));
        phase = M_PI * u(rng);
    }

    QPointF map(const QPointF& p) const
    {
        double px = p.x() - 0.5 + wobble * std::sin(6.0 * p.y() + phase);
        double py = p.y() - 0.5 + wobble * std::sin(5.0 * p.x() - phase);
        px = px * aspect + slant * (0.5 - p.y()) * 0.5;
        const double rx = px * std::cos(angle) - py * std::sin(angle);
        const double ry = px * std::sin(angle) + py * std::cos(angle);
        return {x + size * rx, y + size * ry};
    }
};

// Draws `shape` on a black 448x448 canvas with a white, round-capped, antialiased pen, as the Predict
// tab's canvas does, and preprocesses it as the canvas' drawing is.
inline std::optional<std::vector<float>> renderStrokes(const DigitShape& shape, const Jitter& jitter, int penWidth)
{
    constexpr int kCanvas = 448; // DigitCanvas::kImageSize
    QImage image(kCanvas, kCanvas, QImage::Format_Grayscale8);
    image.fill(0);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const Stroke& stroke : shape) {
        QPolygonF line;
        for (const QPointF& p : stroke)
            line << jitter.map(p);
        painter.drawPolyline(line);
    }
    painter.end();
    return preprocessDigit(render::greyFromQImage(image));
}

// `perVariant` jittered drawings of every variant of every digit, pen widths 14 to 64 (the canvas' default
// is 36, its range 6 to 90), from `seed`.
inline std::vector<DigitSample> strokeDigits(int perVariant, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> pen(14, 64);
    std::vector<DigitSample> samples;
    const auto shapes = digitShapes();
    for (int digit = 0; digit < 10; ++digit)
        for (std::size_t variant = 0; variant < shapes[std::size_t(digit)].size(); ++variant)
            for (int i = 0; i < perVariant; ++i) {
                const Jitter jitter(rng);
                if (auto input = renderStrokes(shapes[std::size_t(digit)][variant], jitter, pen(rng)))
                    samples.push_back({std::move(*input), digit, "strokes, variant " + QString::number(variant)});
            }
    return samples;
}

} // namespace neurite::bench
