// Fuzzes digit preprocessing: the first four bytes give the width and height (each 1..512), the rest are
// the pixels (repeated to fill the image). Every result must be 784 finite values in [0, 1].
#include "FuzzSupport.h"
#include "neurite/DigitPreprocessing.h"
#include "neurite/Error.h"

#include <cmath>

using namespace neurite;

namespace {

constexpr int kMaxSide = 512;

int sideFrom(const std::uint8_t* bytes)
{
    return 1 + (int(bytes[0]) | int(bytes[1]) << 8) % kMaxSide;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 5)
        return 0;
    GreyImage image;
    image.width = sideFrom(data);
    image.height = sideFrom(data + 2);
    const std::uint8_t* pixels = data + 4;
    const std::size_t count = size - 4;
    image.pixels.resize(std::size_t(image.width) * std::size_t(image.height));
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
        image.pixels[i] = pixels[i % count];

    invertIfLightBackground(image);
    try {
        const auto input = preprocessDigit(image);
        if (!input)
            return 0;
        if (input->size() != 784)
            fuzz::invariantBroken("preprocessDigit did not return 784 values");
        for (float v : *input)
            if (!std::isfinite(v) || v < 0.0f || v > 1.0f)
                fuzz::invariantBroken("preprocessDigit returned a value outside [0, 1]");
    } catch (const NeuriteError&) {
        fuzz::invariantBroken("preprocessDigit refused an image within the size limit");
    }
    // An image whose pixel count disagrees with its size is refused, never read past its end.
    image.pixels.resize(image.pixels.size() - 1);
    try {
        preprocessDigit(image);
        fuzz::invariantBroken("preprocessDigit accepted pixels that do not fill the image");
    } catch (const NeuriteError&) {
    }
    return 0;
}
