// What one neuron has learned: the samples that excite it most, its weights as an image, its response.
#pragma once

#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/Tensor.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace neurite {

// A Dense layer's neurons are its units; a Conv2D layer's are its channels (one filter each).
enum class NeuronKind { Unit, Channel };

// A layer whose neurons can be looked at one by one.
struct NeuronLayer {
    std::string layerId;
    NeuronKind kind = NeuronKind::Unit;
    int count = 0;     // units or channels
    Shape outputShape; // (units) or (channels, rows, cols)
};

struct NeuronRef {
    std::string layerId;
    int index = 0; // the unit or channel
};

// The Dense and Conv2D layers of the network, in the order they run.
std::vector<NeuronLayer> neuronLayers(const Network& network);
// The layer of `neuron`; throws NeuriteError naming the layer when it has no neurons or no such index.
NeuronLayer neuronLayer(const Network& network, const NeuronRef& neuron);

// How strongly neuron `index` responds, from its layer's outputs for one sample (outputShape.size()
// values): a unit's output, a channel's mean over its map, both after the layer's own activation. The mean
// (as global average pooling reads a channel) ranks the images in which the channel's feature is present
// over much of the image; the maximum would rank those with one strong spot, which a single stray stroke
// can give.
float neuronActivation(const NeuronLayer& layer, int index, const float* layerValues);

struct SampleActivation {
    std::size_t sample = 0;
    float activation = 0;
};

// The `count` samples of `set` that excite the neuron most, strongest first (equal activations: the lower
// index first). Predicts the whole set on `network` (eval mode) in batches of `batchSize`, so it takes as
// long as evaluating the set: run it off the GUI thread, on a network of its own. `cancelled`, when given,
// is asked between batches; an empty list comes back when it says yes. Throws NeuriteError when the set's
// samples are not the network's input or the neuron does not exist.
std::vector<SampleActivation> topActivatingSamples(Network& network, const SampleSet& set, const NeuronRef& neuron,
                                                   int count = 16, const std::function<bool()>& cancelled = {},
                                                   int batchSize = 256);

// A neuron's incoming weights laid out as what it reads: values in (channels, rows, cols) order.
struct WeightImage {
    Shape shape;
    std::vector<float> values;
};

// A Dense unit that reads the Input's image (directly, or through Flatten or Dropout only): its weights on
// the image's pixels. A channel of a Conv2D layer that reads the Input: its kernel, (channels, k, k).
// Nothing otherwise: deeper weights mix features, not pixels, and have no picture.
std::optional<WeightImage> neuronWeightImage(const Network& network, const NeuronRef& neuron);

// The first Conv2D layer that reads the Input, and its kernels (one per channel); none without one.
struct LayerKernels {
    std::string layerId;
    std::vector<WeightImage> kernels;
};
std::optional<LayerKernels> firstLayerKernels(const Network& network);

} // namespace neurite
