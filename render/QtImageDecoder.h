// The engine's image decoder over Qt's image readers (PNG, JPEG, BMP, WebP with its plugin): the file's
// bytes are read by the decoder itself, so any file name works, and the header is checked before decoding.
#pragma once

#include "neurite/ImageDecoder.h"

namespace neurite::render {

class QtImageDecoder : public ImageDecoder {
public:
    ImageHeader readHeader(const std::string& path) const override;
    std::vector<std::uint8_t> decode(const std::string& path, const ImageEncoding& encoding) const override;
};

} // namespace neurite::render
