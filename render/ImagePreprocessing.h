// Image files and QImages to the network's 28x28 input: the one path shared by `neurite predict` and the GUI.
#pragma once

#include "neurite/DigitPreprocessing.h"

#include <QImage>
#include <QString>

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
// Throws NeuriteError naming the file when it cannot be read or is too large.
neurite::GreyImage loadDigitImage(const QString& path);

// loadDigitImage + preprocessDigit: 784 floats in [0, 1]. Throws NeuriteError naming the file (unreadable,
// too large, or blank: no ink).
std::vector<float> preprocessImageFile(const QString& path);

} // namespace neurite::render
