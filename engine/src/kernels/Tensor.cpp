// Shape formatting.
#include "neurite/Tensor.h"

namespace neurite {

std::string Shape::toString() const
{
    if (isFlat())
        return "(" + std::to_string(channels) + ")";
    return "(" + std::to_string(channels) + ", " + std::to_string(height) + ", " + std::to_string(width) + ")";
}

} // namespace neurite
