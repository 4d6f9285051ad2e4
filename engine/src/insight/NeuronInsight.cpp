// NeuronInsight: a neuron's strongest samples by a pass over the set, and its weights read as an image.
#include "neurite/NeuronInsight.h"

#include "neurite/Error.h"
#include "neurite/LayerRegistry.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace neurite {

namespace {

std::optional<NeuronLayer> asNeuronLayer(const LayerOutput& output)
{
    const LayerTypeInfo* info = findLayerType(output.type);
    if (info && info->unitWeights)
        return NeuronLayer{output.layerId, NeuronKind::Unit, int(output.shape.size()), output.shape};
    if (info && info->channelWeights)
        return NeuronLayer{output.layerId, NeuronKind::Channel, output.shape.channels, output.shape};
    return std::nullopt;
}

// The layer's outputs for the batch of the latest forward pass: (batch, outputShape.size()).
const Matrix& batchOutputs(const Network& network, const std::string& layerId)
{
    for (const LayerOutput& output : network.layerOutputs(LONG_MAX))
        if (output.layerId == layerId)
            return *output.values;
    throw NeuriteError("The network has no layer '" + layerId + "'.");
}

// True when layer `id` reads the Input's values as they are: directly, or through layers that only
// reshape (Flatten) or do nothing at inference (Dropout).
bool readsTheInput(const NetworkSpec& spec, std::string id)
{
    for (std::size_t hops = 0; hops <= spec.layers.size(); ++hops) {
        const auto wire = std::find_if(spec.connections.begin(), spec.connections.end(),
                                       [&](const Connection& c) { return c.to == id; });
        const LayerSpec* from = wire == spec.connections.end() ? nullptr : spec.find(wire->from);
        if (!from)
            return false;
        if (layerRole(from->type) == LayerRole::Input)
            return true;
        const LayerTypeInfo* info = findLayerType(from->type);
        if (!info || !(info->reshapesOnly || info->identityAtInference))
            return false;
        id = from->id;
    }
    return false;
}

const NamedTensor* findTensor(const Weights& weights, const std::string& name)
{
    const auto it = std::find_if(weights.begin(), weights.end(), [&](const NamedTensor& t) { return t.name == name; });
    return it == weights.end() ? nullptr : &*it;
}

// A Conv2D filter's weights, row `filter` of (filters, channels * k * k), as (channels, k, k).
std::optional<WeightImage> kernelImage(const NamedTensor& w, int channels, int filter)
{
    const int perChannel = w.cols / channels;
    const int k = int(std::lround(std::sqrt(double(perChannel))));
    if (channels <= 0 || k * k * channels != w.cols || filter < 0 || filter >= w.rows)
        return std::nullopt;
    const auto begin = w.values.begin() + std::ptrdiff_t(filter) * w.cols;
    return WeightImage{{channels, k, k}, std::vector<float>(begin, begin + w.cols)};
}

} // namespace

std::vector<NeuronLayer> neuronLayers(const Network& network)
{
    std::vector<NeuronLayer> layers;
    for (const LayerOutput& output : network.layerOutputs(LONG_MAX))
        if (std::optional<NeuronLayer> layer = asNeuronLayer(output))
            layers.push_back(*layer);
    return layers;
}

NeuronLayer neuronLayer(const Network& network, const NeuronRef& neuron)
{
    for (const NeuronLayer& layer : neuronLayers(network)) {
        if (layer.layerId != neuron.layerId)
            continue;
        if (neuron.index < 0 || neuron.index >= layer.count)
            throw NeuriteError("Layer '" + layer.layerId + "' has " + std::to_string(layer.count) +
                               (layer.kind == NeuronKind::Unit ? " units" : " channels") + ", no number " +
                               std::to_string(neuron.index) + ".");
        return layer;
    }
    throw NeuriteError("Layer '" + neuron.layerId + "' is not a Dense or Conv2D layer of this network.");
}

float neuronActivation(const NeuronLayer& layer, int index, const float* layerValues)
{
    if (layer.kind == NeuronKind::Unit)
        return layerValues[index];
    const long pixels = long(layer.outputShape.height) * layer.outputShape.width;
    const float* map = layerValues + long(index) * pixels;
    double sum = 0;
    for (long p = 0; p < pixels; ++p)
        sum += double(map[p]);
    return float(sum / double(pixels));
}

std::vector<SampleActivation> topActivatingSamples(Network& network, const SampleSet& set, const NeuronRef& neuron,
                                                   int count, const std::function<bool()>& cancelled, int batchSize)
{
    const NeuronLayer layer = neuronLayer(network, neuron);
    if (long(set.valuesPerSample()) != network.inputShape().size())
        throw NeuriteError("The data set's samples have " + std::to_string(set.valuesPerSample()) +
                           " values but the network takes " + std::to_string(network.inputShape().size()) + ".");
    std::vector<float> activation(set.count());
    std::vector<std::uint32_t> indices;
    Matrix batch, predictions; // (n, inputs), (n, outputs)
    for (std::size_t first = 0; first < set.count(); first += std::size_t(batchSize)) {
        if (cancelled && cancelled())
            return {};
        const int n = int(std::min(set.count() - first, std::size_t(batchSize)));
        indices.resize(std::size_t(n));
        std::iota(indices.begin(), indices.end(), std::uint32_t(first));
        gatherBatch(set, indices.data(), n, batch);
        network.predict(batch, predictions);
        const Matrix& outputs = batchOutputs(network, layer.layerId);
        for (int i = 0; i < n; ++i)
            activation[first + std::size_t(i)] = neuronActivation(layer, neuron.index, outputs.row(i).data());
    }
    std::vector<std::size_t> order(set.count());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const std::size_t kept = std::min(order.size(), std::size_t(std::max(0, count)));
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(kept), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return activation[a] != activation[b] ? activation[a] > activation[b] : a < b;
                      });
    std::vector<SampleActivation> top;
    for (std::size_t i = 0; i < kept; ++i)
        top.push_back({order[i], activation[order[i]]});
    return top;
}

std::optional<WeightImage> neuronWeightImage(const Network& network, const NeuronRef& neuron)
{
    const NeuronLayer layer = neuronLayer(network, neuron);
    const Shape input = network.inputShape();
    if (input.isFlat() || !readsTheInput(network.spec(), layer.layerId))
        return std::nullopt;
    const Weights weights = network.weights();
    const NamedTensor* w = findTensor(weights, layer.layerId + ".weight");
    if (!w)
        return std::nullopt;
    if (layer.kind == NeuronKind::Channel)
        return kernelImage(*w, input.channels, neuron.index);
    if (w->rows != input.size()) // (inputs, units), row-major
        return std::nullopt;
    WeightImage image{input, std::vector<float>(std::size_t(w->rows))};
    for (int i = 0; i < w->rows; ++i)
        image.values[std::size_t(i)] = w->values[std::size_t(i) * std::size_t(w->cols) + std::size_t(neuron.index)];
    return image;
}

std::optional<LayerKernels> firstLayerKernels(const Network& network)
{
    for (const NeuronLayer& layer : neuronLayers(network)) {
        if (layer.kind != NeuronKind::Channel || !readsTheInput(network.spec(), layer.layerId))
            continue;
        const Weights weights = network.weights();
        const NamedTensor* w = findTensor(weights, layer.layerId + ".weight");
        LayerKernels result{layer.layerId, {}};
        for (int c = 0; w && c < layer.count; ++c)
            if (std::optional<WeightImage> kernel = kernelImage(*w, network.inputShape().channels, c))
                result.kernels.push_back(std::move(*kernel));
        return result;
    }
    return std::nullopt;
}

} // namespace neurite
