// The one image decoder of the program, installed at start-up and read from the decoding threads.
#include "neurite/ImageDecoder.h"

#include "neurite/Error.h"

#include <mutex>

namespace neurite {

namespace {

std::mutex& decoderMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::shared_ptr<const ImageDecoder>& installedDecoder()
{
    static std::shared_ptr<const ImageDecoder> decoder;
    return decoder;
}

} // namespace

void installImageDecoder(std::shared_ptr<const ImageDecoder> decoder)
{
    const std::lock_guard<std::mutex> lock(decoderMutex());
    installedDecoder() = std::move(decoder);
}

const ImageDecoder& imageDecoder()
{
    const std::lock_guard<std::mutex> lock(decoderMutex());
    // Installed once at start-up and never removed while images load, so the reference stays valid.
    if (!installedDecoder())
        throw NeuriteError("No image decoder is installed: this program cannot read image files");
    return *installedDecoder();
}

} // namespace neurite
