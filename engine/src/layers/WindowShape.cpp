// The checks of a sliding window against its input, with messages that say what to change.
#include "layers/WindowShape.h"

#include "layers/LayerKind.h"

namespace neurite {

bool windowFits(const LayerSpec& layer, const Shape& in, const ConvGeometry& g, const std::string& smaller,
                std::string& error)
{
    if (in.isFlat()) {
        error = layerLabel(layer) + " needs an image input (channels, height, width) but gets " + in.toString() +
                ". Give the Input a height and width, and put Flatten or Dense layers after the image layers.";
        return false;
    }
    if (g.isValid())
        return true;
    const bool padded = g.padTop > 0 || g.padLeft > 0;
    const std::string square = std::to_string(g.kernel) + "x" + std::to_string(g.kernel);
    error = layerLabel(layer) + ": its " + square + " window is larger than its " + std::to_string(in.height) + "x" +
            std::to_string(in.width) + " input" + (padded ? " (padding included)" : "") +
            ", so it has no output. Use a smaller " + smaller + ".";
    return false;
}

std::string windowCaption(int size, int stride, int plain)
{
    const std::string k = std::to_string(size);
    const std::string caption = k + "\u00d7" + k;
    return stride != plain ? caption + " /" + std::to_string(stride) : caption;
}

} // namespace neurite
