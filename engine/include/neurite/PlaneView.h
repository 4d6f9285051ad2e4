// What a network answers over the plane of a two-dimensional data set: the decision plane (its output at
// each cell of a grid) and every neuron's output over a coarser grid, the views TensorFlow Playground draws.
// Computed with the engine's batch inference; the GUI asks for it off its own thread.
#pragma once

#include "neurite/DataSchema.h"
#include "neurite/Dataset.h"
#include "neurite/Network.h"
#include "neurite/PlaneFeatures.h"

#include <optional>
#include <string>
#include <vector>

namespace neurite {

// The part of the plane shown: x1 grows to the right, x2 upwards.
struct PlaneBounds {
    double x1Min = -6;
    double x1Max = 6;
    double x2Min = -6;
    double x2Max = 6;
    bool operator==(const PlaneBounds&) const = default;
};

// How a point of the plane becomes the network's input for a two-dimensional table: its two base columns
// (x1 and x2 for the generated and painted sets, or a table's only two numeric inputs) and the features
// made from them (PlaneFeatures.h, by column name), each standardised as the schema says.
class PlaneInputs {
public:
    // Nothing unless `schema` is a table whose input columns are two numeric base columns and, when those
    // are x1 and x2, any of the plane features' columns (categorical inputs: nothing).
    static std::optional<PlaneInputs> of(const DataSchema& schema);

    const std::string& x1Name() const { return m_x1Name; }
    const std::string& x2Name() const { return m_x2Name; }
    int width() const { return int(m_columns.size()); } // == schema.encodedWidth()
    bool regression() const { return m_regression; }
    // Writes width() values: the encoded input for the point (x1, x2).
    void encode(double x1, double x2, float* out) const;
    // The point an encoded row (width() values) stands for: its base columns' standardisation undone.
    void decode(const float* encoded, double& x1, double& x2) const;
    // A network output (standardised) as a value in the target's units (regression).
    double targetValue(float output) const { return m_targetMean + m_targetDeviation * double(output); }

private:
    struct Column {
        PlaneFeature feature = PlaneFeature::X1; // the feature this input is (x1 / x2 for the base columns)
        double mean = 0;
        double deviation = 1;
    };
    std::string m_x1Name;
    std::string m_x2Name;
    std::vector<Column> m_columns; // in the encoded order
    bool m_regression = false;
    double m_targetMean = 0;
    double m_targetDeviation = 1;
};

// The bounds that show every point of `data` (both splits) with a margin of 5% on each side, made square
// in data units when the two ranges are within a factor of 2; the generated sets' [-6, 6]² when all their
// points lie inside it.
PlaneBounds planeBounds(const Dataset& data, const PlaneInputs& inputs);

// One point of a two-dimensional data set as it was before encoding: where it lies, its class (a class index
// into the data set's classNames) or value (in the target's units), and whether it is a test point.
struct PlaneSample {
    double x1 = 0;
    double x2 = 0;
    int label = 0;
    double value = 0;
    bool test = false;
};

// The training and test points of `data` in plane coordinates (the base columns' standardisation undone).
std::vector<PlaneSample> planeSamples(const Dataset& data, const PlaneInputs& inputs);

// One layer's neurons over the neurons' grid (the Input's: its encoded features).
struct NeuronMaps {
    std::string layerId;
    std::string type;
    int units = 0;
    // units x (resolution * resolution), unit after unit; each unit's map is laid out like PlaneGrid::output.
    std::vector<float> values;
};

struct PlaneGrid {
    PlaneBounds bounds;
    int resolution = 0; // cells per side
    int outputs = 0;    // classes, or 1 for a regression
    bool regression = false;
    // (resolution * resolution) x outputs, row-major: cell (row, col) at index row * resolution + col; row 0
    // is the top (x2Max), col 0 the left (x1Min); a cell's value is the output at its centre. Class
    // probabilities, or a regression's values in the target's units.
    std::vector<float> output;
    int neuronResolution = 0;        // cells per side of each neuron's map (0: none asked for)
    std::vector<NeuronMaps> neurons; // the Input and every layer with at most maxUnits units, in plan order
    // The centre of a cell.
    double x1At(int col) const { return bounds.x1Min + (col + 0.5) * (bounds.x1Max - bounds.x1Min) / resolution; }
    double x2At(int row) const { return bounds.x2Max - (row + 0.5) * (bounds.x2Max - bounds.x2Min) / resolution; }
};

// Evaluates `network` (eval mode) at the centre of every cell of a resolution x resolution grid over
// `bounds`, in batches; with neuronResolution > 0 also every neuron's output over that coarser grid, for the
// layers (the Input included) with at most `maxUnits` outputs. It runs the network's forward pass (its buffers
// change), so a live view evaluates its own copy of the weights (setWeights) in a network of its own, not the
// network being trained. Throws NeuriteError when the network's input width is not inputs.width(), for a
// resolution outside 1..2048 or for empty or non-finite bounds.
PlaneGrid evaluatePlane(Network& network, const PlaneInputs& inputs, const PlaneBounds& bounds, int resolution,
                        int neuronResolution = 0, int maxUnits = 64);

} // namespace neurite
