// Image files are read by a decoder the program installs (the render library's, over Qt's image readers):
// the engine knows no image format, only this interface. Image files are untrusted input: a decoder reads
// the header first and refuses more than kMaxImagePixels before it decodes anything.
#pragma once

#include "neurite/DataSchema.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace neurite {

// The most pixels (width x height) one image file may claim; a larger header is refused before decoding.
constexpr std::int64_t kMaxImagePixels = 8192LL * 8192;

// What an image file's header says, read without decoding its pixels.
struct ImageHeader {
    int width = 0;
    int height = 0;
    bool colour = false; // false: the format stores grey levels (or a palette of greys)
};

class ImageDecoder {
public:
    virtual ~ImageDecoder() = default;
    // Reads only the header. Throws NeuriteError naming the file when it is not an image the decoder
    // reads, or when it claims more than kMaxImagePixels.
    virtual ImageHeader readHeader(const std::string& path) const = 0;
    // Decodes the file, converts it to grey (luminance) or RGB and resizes it to encoding.rows x
    // encoding.cols: channels * rows * cols bytes, channel after channel (CHW), 0 = black. Throws
    // NeuriteError naming the file. Called from several threads at once.
    virtual std::vector<std::uint8_t> decode(const std::string& path, const ImageEncoding& encoding) const = 0;
};

// The decoder loadDataset and predict use for image files. The program installs one at start-up
// (render::installImageDecoder); without one, reading an image file throws NeuriteError saying so.
void installImageDecoder(std::shared_ptr<const ImageDecoder> decoder);
const ImageDecoder& imageDecoder();

} // namespace neurite
