// Parsing the augmentation options of `neurite train`; the ranges are those validateAugmentation checks.
#include "AugmentationArguments.h"

#include <sstream>

namespace neurite::cli {

std::vector<OptionSpec> augmentationOptionSpecs()
{
    const AugmentationSettings d;
    const auto withDefault = [](const std::string& help, float value) {
        std::ostringstream text;
        text << help << " (default " << value << ")";
        return text.str();
    };
    return {{"augment", "", "augment training images: random shift, rotation, scale, brightness, contrast, noise"},
            {"no-augment", "", "train on the images as they are (when the project had augmentation on)"},
            {"shift", "X", withDefault("augment: move by up to X of the width and height (0 to 0.5)", d.shift)},
            {"rotate", "DEG", withDefault("augment: turn by up to DEG degrees either way (0 to 180)", d.rotation)},
            {"scale", "X", withDefault("augment: zoom by a factor in [1-X, 1+X] (0 to 0.9)", d.scale)},
            {"flip", "", "augment: mirror left-right half of the time (off by default: digits are not symmetric)"},
            {"no-flip", "", "augment: never mirror"},
            {"brightness", "X", withDefault("augment: add up to ±X to every value (0 to 1)", d.brightness)},
            {"contrast", "X",
             withDefault("augment: scale the contrast by a factor in [1-X, 1+X] (0 to 1)", d.contrast)},
            {"noise", "X",
             withDefault("augment: Gaussian noise of standard deviation X (0 to 1); for a generated set (circle, "
                         "spiral, ...) the set's noise instead, 0 to 0.5 (default 0)",
                         d.noise)}};
}

void applyAugmentationOptions(const Arguments& a, AugmentationSettings& s, bool noiseIsData)
{
    if (a.has("augment") && a.has("no-augment"))
        throw UsageError("give either --augment or --no-augment, not both");
    if (a.has("flip") && a.has("no-flip"))
        throw UsageError("give either --flip or --no-flip, not both");
    bool rangeGiven = false;
    const auto range = [&](const char* name, float& value, double maximum) {
        rangeGiven = rangeGiven || a.has(name);
        value = float(a.real(name, value, 0, maximum));
    };
    range("shift", s.shift, 0.5);
    range("rotate", s.rotation, 180);
    range("scale", s.scale, 0.9);
    range("brightness", s.brightness, 1);
    range("contrast", s.contrast, 1);
    if (!noiseIsData)
        range("noise", s.noise, 1);
    if (a.has("flip") || a.has("no-flip"))
        s.horizontalFlip = a.has("flip");
    if (a.has("no-augment") && (rangeGiven || a.has("flip")))
        throw UsageError("--no-augment turns augmentation off: leave out its ranges and --flip");
    if (a.has("augment") || rangeGiven || a.has("flip"))
        s.enabled = true;
    if (a.has("no-augment"))
        s.enabled = false;
}

} // namespace neurite::cli
