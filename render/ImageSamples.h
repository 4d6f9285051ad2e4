// QImages as image samples of a given encoding and back: the one conversion the image decoder (files), the
// Predict tab (opened, dropped or pasted images) and the previews share.
#pragma once

#include "neurite/DataSchema.h"

#include <QImage>

#include <cstdint>
#include <vector>

namespace neurite::render {

// Converts to grey (luminance) or RGB as encoding.channels says and resizes to encoding.rows x encoding.cols
// (smooth, aspect ratio not kept, as Keras and torchvision resize): channels * rows * cols bytes, CHW.
// Transparent pixels are composed over black.
std::vector<std::uint8_t> sampleFromQImage(const QImage& image, const ImageEncoding& encoding);

// A sample (CHW bytes of `encoding`) as a QImage to show: Grayscale8 or RGB888.
QImage qImageFromSample(const std::uint8_t* sample, const ImageEncoding& encoding);

// Installs the decoder over Qt's image readers (QImageReader, allocation limit and header check first) as
// the engine's image decoder. The command line and the designer call it once at start-up.
void installImageDecoder();

} // namespace neurite::render
