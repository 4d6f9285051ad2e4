// Range checks on the augmentation settings, each message naming its field.
#include "neurite/Augmentation.h"

#include "neurite/Error.h"

#include <sstream>
#include <string>

namespace neurite {

namespace {

std::string show(float value)
{
    std::ostringstream out;
    out << value; // "-1", "0.25", "nan"
    return out.str();
}

// The comparison is written so that NaN fails it.
void requireRange(const char* field, float value, float maximum, const char* unit = "")
{
    if (!(value >= 0.0f && value <= maximum))
        throw NeuriteError(std::string("augmentation ") + field + " must be in [0, " + show(maximum) + "]" + unit +
                           " (got " + show(value) + ")");
}

} // namespace

void validateAugmentation(const AugmentationSettings& settings)
{
    // A shift beyond half the image moves a centred object out of it; a scale of 1 - 0.9 = 0.1 still
    // leaves a tenth of the size; contrast 1 lets a sample fade to its mean.
    requireRange("shift", settings.shift, 0.5f);
    requireRange("rotation", settings.rotation, 180.0f, " degrees");
    requireRange("scale", settings.scale, 0.9f);
    requireRange("brightness", settings.brightness, 1.0f);
    requireRange("contrast", settings.contrast, 1.0f);
    requireRange("noise", settings.noise, 1.0f);
}

} // namespace neurite
