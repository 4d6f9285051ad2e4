// Makes the Layer object for a validated LayerSpec.
#pragma once

#include "model/Layer.h"
#include "neurite/NetworkSpec.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace neurite {

// inputShapes: the shapes arriving at each port (already validated). Returns null for Input and Output,
// which the network handles itself.
std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const std::vector<Shape>& inputShapes, std::uint64_t seed);

} // namespace neurite
