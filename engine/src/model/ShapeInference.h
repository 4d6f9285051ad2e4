// Per-layer-type shape rules: what a layer outputs for given input shapes, and what it costs.
#pragma once

#include "neurite/NetworkSpec.h"
#include "neurite/Validation.h"

#include <string>
#include <vector>

namespace neurite {

// Facts about `layer` fed with `inputs` (one shape per port). On a mismatch, returns false and sets
// `error` to a sentence naming the layer (e.g. "Output 'out': cross-entropy needs at least 2 classes").
bool inferLayer(const LayerSpec& layer, const std::vector<Shape>& inputs, LayerFacts& facts, std::string& error);

// "Dense 'dense1'": how messages name a layer.
std::string layerLabel(const LayerSpec& layer);

} // namespace neurite
