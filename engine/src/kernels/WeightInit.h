// Weight initialisation shared by the layers with weights (Dense, Conv2D).
#pragma once

#include "neurite/Tensor.h"

#include <random>

namespace neurite {

enum class WeightInit { He, Xavier };

// He: normal(0, sqrt(2 / fanIn)), for ReLU-like activations. Xavier: uniform(+-sqrt(6 / (fanIn + fanOut))).
void initialiseWeights(Matrix& w, float fanIn, float fanOut, WeightInit init, std::mt19937_64& rng);

} // namespace neurite
