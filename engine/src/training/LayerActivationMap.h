// Which function each layer with parameters ends in, looking through a stand-alone activation layer right
// after it (Dense(linear) -> ReLU counts as a ReLU layer), for layer health.
#pragma once

#include "kernels/Activations.h"
#include "neurite/NetworkSpec.h"

#include <map>
#include <string>

namespace neurite {

struct LayerEnding {
    Activation activation = Activation::Linear;
    std::string outputOf; // the layer whose output shows it: the layer itself or the activation layer after it
};

// For every layer with parameters of a sound design (empty for one with problems).
std::map<std::string, LayerEnding> layerEndings(const NetworkSpec& spec);

} // namespace neurite
