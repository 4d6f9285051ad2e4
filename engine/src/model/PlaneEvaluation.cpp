// The network over the plane: the decision plane's grid and the neurons' coarser grid are encoded into one
// batch (the neurons' cells after the plane's), predicted together, and read back from predict's output and
// the layers' own outputs. Batches of one size keep the network's buffers at that size from call to call, so
// that a live view evaluating again and again allocates nothing inside the network.
#include "neurite/Error.h"
#include "neurite/PlaneView.h"

#include <algorithm>
#include <cmath>

namespace neurite {

namespace {

// Cells predicted at once: a 100x100 plane with 24x24 neuron maps is one batch; a larger grid is split so
// that the layers' buffers stay a few megabytes.
constexpr long kBatchCells = 16384;
// The largest grid side asked for (a 2048x2048 plane is 4 million cells).
constexpr int kMaxResolution = 2048;

void checkArguments(const Network& network, const PlaneInputs& inputs, const PlaneBounds& bounds, int resolution,
                    int neuronResolution)
{
    if (network.inputShape().size() != inputs.width())
        throw NeuriteError("The network's Input takes " + std::to_string(network.inputShape().size()) +
                           " values, but the data set's plane inputs (" + inputs.x1Name() + ", " + inputs.x2Name() +
                           " and their features) are " + std::to_string(inputs.width()));
    if (resolution < 1 || resolution > kMaxResolution || neuronResolution < 0 || neuronResolution > kMaxResolution)
        throw NeuriteError("The decision plane's resolution must be 1 to " + std::to_string(kMaxResolution) +
                           " cells a side (asked: " + std::to_string(resolution) + ", neurons " +
                           std::to_string(neuronResolution) + ")");
    const bool finite = std::isfinite(bounds.x1Min) && std::isfinite(bounds.x1Max) && std::isfinite(bounds.x2Min) &&
                        std::isfinite(bounds.x2Max);
    if (!finite || !(bounds.x1Min < bounds.x1Max) || !(bounds.x2Min < bounds.x2Max))
        throw NeuriteError("The decision plane's bounds must be finite, each minimum below its maximum");
}

// Encodes the cells [first, first + count) of the grid of `side` cells a side over `bounds` as rows
// `row`.. of x. Features of x1 alone (or x2 alone) are the same along a column (row), but the encoding is
// cheap next to the network, so each cell is encoded whole, exactly as a single point would be.
void encodeCells(const PlaneInputs& inputs, const PlaneBounds& bounds, int side, long first, long count, long row,
                 Matrix& x)
{
    PlaneGrid geometry;
    geometry.bounds = bounds;
    geometry.resolution = side;
    for (long cell = first; cell < first + count; ++cell)
        inputs.encode(geometry.x1At(int(cell % side)), geometry.x2At(int(cell / side)),
                      x.row(row + cell - first).data());
}

// The maps start empty, one per layer with at most maxUnits outputs, named as layerOutputs names them.
void prepareMaps(const Network& network, int maxUnits, long cells, std::vector<NeuronMaps>& maps)
{
    for (const LayerOutput& layer : network.layerOutputs(maxUnits)) {
        const int units = int(layer.shape.size());
        maps.push_back({layer.layerId, layer.type, units, std::vector<float>(std::size_t(units * cells))});
    }
}

// Copies rows [from, from + count) of the last batch (neuron cells first + offset ..) into the maps, unit
// after unit. A cross-entropy network's final layer is shown as the probabilities its softmax gives
// (predict's output), not its logits.
void copyNeurons(const Network& network, int maxUnits, const Matrix& predicted, long from, long count, long cellOffset,
                 long cells, std::vector<NeuronMaps>& maps)
{
    const std::vector<LayerOutput> layers = network.layerOutputs(maxUnits);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const Matrix& values = layers[l].softmaxFolded ? predicted : *layers[l].values; // (batch, units)
        float* map = maps[l].values.data();
        for (long r = 0; r < count; ++r)
            for (long u = 0; u < values.cols(); ++u)
                map[u * cells + cellOffset + r] = values(from + r, u);
    }
}

void copyOutputs(const PlaneInputs& inputs, const Matrix& predicted, long rows, long firstCell, PlaneGrid& grid)
{
    const long width = predicted.cols();
    float* out = grid.output.data() + firstCell * width;
    const float* in = predicted.data();
    for (long i = 0; i < rows * width; ++i)
        out[i] = grid.regression ? float(inputs.targetValue(in[i])) : in[i];
}

} // namespace

PlaneGrid evaluatePlane(Network& network, const PlaneInputs& inputs, const PlaneBounds& bounds, int resolution,
                        int neuronResolution, int maxUnits)
{
    checkArguments(network, inputs, bounds, resolution, neuronResolution);
    PlaneGrid grid;
    grid.bounds = bounds;
    grid.resolution = resolution;
    grid.neuronResolution = neuronResolution;
    grid.outputs = network.outputSize();
    grid.regression = inputs.regression();
    const long planeCells = long(resolution) * resolution, neuronCells = long(neuronResolution) * neuronResolution;
    grid.output.resize(std::size_t(planeCells * grid.outputs));
    if (neuronCells > 0)
        prepareMaps(network, maxUnits, neuronCells, grid.neurons);
    // All cells, the plane's then the neurons', in batches of equal size (at most kBatchCells): the last
    // batch is filled up with the previous one's rows, so that no layer's buffer changes size from batch to
    // batch or from call to call (a reallocated buffer costs page faults worth many batches).
    const long total = planeCells + neuronCells;
    const long batches = (total + kBatchCells - 1) / kBatchCells;
    const long batchRows = (total + batches - 1) / batches;
    Matrix x(batchRows, inputs.width()), predicted; // x: (batchRows, width), predicted: (batchRows, outputs)
    for (long begin = 0; begin < total; begin += batchRows) {
        const long end = std::min(total, begin + batchRows);
        const long planeEnd = std::min(end, planeCells);
        if (begin < planeEnd)
            encodeCells(inputs, bounds, resolution, begin, planeEnd - begin, 0, x);
        const long neuronBegin = std::max(begin, planeCells);
        if (neuronBegin < end)
            encodeCells(inputs, bounds, neuronResolution, neuronBegin - planeCells, end - neuronBegin,
                        neuronBegin - begin, x);
        network.predict(x, predicted);
        if (begin < planeEnd)
            copyOutputs(inputs, predicted, planeEnd - begin, begin, grid);
        if (neuronBegin < end)
            copyNeurons(network, maxUnits, predicted, neuronBegin - begin, end - neuronBegin, neuronBegin - planeCells,
                        neuronCells, grid.neurons);
    }
    return grid;
}

} // namespace neurite
