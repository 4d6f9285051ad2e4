// Image files and QImages to the network's 28x28 input: the one path shared by `neurite predict` and the GUI.
#pragma once

#include "neurite/DigitPreprocessing.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace neurite::render {

// Any QImage as grey bytes (luminance), unchanged otherwise.
neurite::GreyImage greyFromQImage(const QImage& image);
QImage qImageFromGrey(const neurite::GreyImage& image);

// Makes a photo or scan look like a canvas drawing: a light background is inverted (invertIfLightBackground),
// then the levels are stretched so the background is 0 and the strongest ink 255. A clean ink-on-black
// image (background 0, ink reaching 255) is left exactly as it is.
void normaliseDigitImage(neurite::GreyImage& image);

// Reads a PNG/JPEG/... file as an ink-on-black digit image (greyFromQImage + normaliseDigitImage).
// On failure returns nothing and sets `error` to a message naming the file.
std::optional<neurite::GreyImage> loadDigitImage(const QString& path, QString* error = nullptr);

// loadDigitImage + preprocessDigit: 784 floats in [0, 1], or nothing with `error` set (unreadable file,
// no ink, image too large).
std::optional<std::vector<float>> preprocessImageFile(const QString& path, QString* error = nullptr);

} // namespace neurite::render
